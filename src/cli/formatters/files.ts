import { closeSync, createReadStream, openSync, promises as fs, writeSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * A random tag for a temporary file's name. crypto (and readline, below) are loaded only when they
 * are used: loading them is a noticeable part of starting a one-file check, which needs neither.
 */
const randomTag = (): string =>
  (require('crypto') as typeof import('crypto')).randomBytes(6).toString('hex');

/** Temporary files of this run, removed if the run is stopped (Ctrl-C) before it removes them. */
const temporaries = new Set<string>();
let stopHooked = false;
function removedOnStop(file: string): void {
  temporaries.add(file);
  if (stopHooked) return;
  stopHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => {
      for (const f of temporaries) {
        try {
          require('fs').rmSync(f, { force: true });
        } catch {
          // already gone
        }
      }
      process.kill(process.pid, signal);
    });
}

/** A file written piece by piece to a temporary next to it, renamed into place only when complete. */
export class AtomicFile {
  private fd: number | null = null;
  private readonly tmp: string;
  constructor(readonly target: string) {
    this.tmp = path.join(
      path.dirname(path.resolve(target)),
      `.selfeval-${process.pid}-${randomTag()}.tmp`,
    );
  }
  async open(): Promise<void> {
    await fs.mkdir(path.dirname(path.resolve(this.target)), { recursive: true });
    this.fd = openSync(this.tmp, 'wx', 0o644);
    removedOnStop(this.tmp);
  }
  write(data: string | Uint8Array): void {
    if (this.fd === null) return;
    if (typeof data === 'string') writeSync(this.fd, data);
    else for (let at = 0; at < data.length;) at += writeSync(this.fd, data, at);
  }
  async commit(): Promise<void> {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    await fs.rename(this.tmp, this.target);
  }
  async abandon(): Promise<void> {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    await fs.rm(this.tmp, { force: true });
  }
}

/** Lines kept on disk until the end of the run, so memory stays flat however many files. */
export class LineSpool {
  private readonly file = path.join(
    os.tmpdir(),
    `selfeval-spool-${process.pid}-${randomTag()}.jsonl`,
  );
  private fd: number | null = openSync(this.file, 'wx', 0o600);
  constructor() {
    removedOnStop(this.file);
  }
  private close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
  /** One line (no line break in it: JSON). */
  add(line: string): void {
    if (this.fd !== null) writeSync(this.fd, `${line}\n`);
  }
  async *lines(): AsyncGenerator<string> {
    this.close();
    const { createInterface } = require('readline') as typeof import('readline');
    const rl = createInterface({ input: createReadStream(this.file, 'utf8'), crlfDelay: Infinity });
    for await (const line of rl) if (line) yield line;
  }
  async remove(): Promise<void> {
    this.close();
    await fs.rm(this.file, { force: true });
  }
}
