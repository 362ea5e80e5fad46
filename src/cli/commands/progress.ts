import * as path from 'path';
import { safe } from '../formatters/safe';
import { seconds } from '../formatters/totals';
import type { Io } from '../io';

/** Batches at least this large show progress on stderr. */
const PROGRESS_FROM = 10;

/** "12.5 份/秒，约剩 3 分 05 秒": the progress line's rate and time left. */
export function pace(done: number, total: number, elapsedMs: number): string {
  if (done === 0 || elapsedMs <= 0) return '';
  const rate = (done / elapsedMs) * 1000;
  const left = ((total - done) / rate) * 1000;
  return `${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} 份/秒，约剩 ${seconds(left)}`;
}

/**
 * The run's stderr and stdout as a batch sees them: on a terminal the progress line is redrawn in
 * place, and cleared before anything else is said (or, when stdout is that terminal, written).
 */
export class Progress {
  /** Whether this batch is large enough to show progress. */
  readonly shown: boolean;
  private onScreen = false;

  constructor(
    private readonly io: Io,
    private readonly total: number,
    private readonly elapsed: () => number,
  ) {
    this.shown = total >= PROGRESS_FROM;
  }

  clear(): void {
    if (this.onScreen) this.io.stderr('\r\x1b[K');
    this.onScreen = false;
  }

  /** A line on stderr. */
  say(text: string): void {
    this.clear();
    this.io.stderr(text);
  }

  async out(data: string | Uint8Array): Promise<void> {
    if (this.io.stdoutIsTTY) this.clear();
    await this.io.stdout(data);
  }

  /** The nth file (from 1) is reported: a redrawn line on a terminal, else every 50th file. */
  tick(n: number, file: string): void {
    if (!this.shown) return;
    const { io, total } = this;
    if (io.stderrIsTTY) {
      this.clear();
      const p = pace(n, total, this.elapsed());
      io.stderr(`[${n}/${total}] ${p ? `${p}  ` : ''}${safe(path.basename(file))}`);
      this.onScreen = true;
    } else if (n === 1 || n % 50 === 0 || n === total) io.stderr(`[${n}/${total}] ${safe(file)}\n`);
  }
}
