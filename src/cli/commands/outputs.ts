import type { CheckOptions } from '../args';
import { reasonOf } from '../errors';
import { AtomicFile } from '../formatters/files';
import type { FormatName, FormatWriter, RunMeta } from '../formatters/format';
import { FORMATS } from '../formatters/index';
import { safe } from '../formatters/safe';
import { outputFiles } from './clobber';
import type { Progress } from './progress';

interface FileOutput {
  format: FormatName;
  file: AtomicFile;
  writer: FormatWriter;
}

/**
 * Where a run's report goes: stdout's format, then each file asked for (--csv, --xlsx, --html),
 * every one given every form's piece in input order. A file that cannot be written is dropped
 * with its sentence and the run goes on (ending with exit 2); stdout failing stops the run.
 */
export class Outputs {
  /** A file could not be written. */
  writeFailed = false;
  private files: FileOutput[] = [];

  private constructor(
    private readonly format: FormatName,
    private readonly stdout: FormatWriter,
    private readonly progress: Progress,
  ) {}

  /** Opens stdout's writer and every file's; null (each one let go, the sentence said) when a file cannot be opened. */
  static async open(
    opts: CheckOptions,
    progress: Progress,
    options: { quiet: boolean; colour: boolean },
  ): Promise<Outputs | null> {
    const stdout = FORMATS[opts.format].open({ write: (d) => progress.out(d) }, options);
    const outputs = new Outputs(opts.format, stdout, progress);
    for (const { format, file: name } of outputFiles(opts)) {
      const file = new AtomicFile(name);
      try {
        await file.open();
        outputs.files.push({ format, file, writer: FORMATS[format].open(file, options) });
      } catch (e) {
        progress.say(
          `selfeval：无法写入 ${FORMATS[format].label} ${safe(name)}：${reasonOf(e)}。\n`,
        );
        await file.abandon().catch(() => undefined);
        for (const f of outputs.files) {
          await f.file.abandon().catch(() => undefined);
          await f.writer.dispose?.().catch(() => undefined);
        }
        await stdout.dispose?.();
        return null;
      }
    }
    return outputs;
  }

  /** The formats the workers render each form for: stdout's, then the files'. */
  formats(): FormatName[] {
    return [...new Set([this.format, ...this.files.map((f) => f.format)])];
  }

  /** One form's pieces; `copy` is its annotated copy, or null. */
  async add(pieces: Partial<Record<FormatName, string>>, copy: string | null): Promise<void> {
    await this.stdout.add(pieces[this.format] ?? '', copy);
    for (const f of this.files) {
      try {
        await f.writer.add(pieces[f.format] ?? '', copy);
      } catch (e) {
        await this.fileFailed(f, e);
      }
    }
  }

  /** Ends and commits the files (their time counts in the totals line), then ends stdout's report. */
  async end(meta: () => RunMeta): Promise<void> {
    for (const f of [...this.files]) {
      try {
        await f.writer.end(meta());
        await f.file.commit();
      } catch (e) {
        await this.fileFailed(f, e);
      }
    }
  }

  /** Ends stdout's report: throws when stdout is gone. */
  async endStdout(meta: RunMeta): Promise<void> {
    await this.stdout.end(meta);
  }

  /** Frees what the writers keep, ended or not. */
  async dispose(): Promise<void> {
    await this.stdout.dispose?.().catch(() => undefined);
    for (const f of this.files) await f.writer.dispose?.().catch(() => undefined);
  }

  /** The run stopped: no file is left half written. */
  async abandon(): Promise<void> {
    for (const f of this.files) await f.file.abandon().catch(() => undefined);
  }

  private async fileFailed(f: FileOutput, e: unknown): Promise<void> {
    this.progress.say(
      `selfeval：无法写入 ${FORMATS[f.format].label} ${safe(f.file.target)}：${reasonOf(e)}。\n`,
    );
    this.writeFailed = true;
    this.files = this.files.filter((x) => x !== f);
    await f.file.abandon().catch(() => undefined);
    await f.writer.dispose?.().catch(() => undefined);
  }
}
