import { promises as fs, closeSync, openSync, writeSync, createReadStream } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { type Layout, parseLayout } from '../engine/reading/layout';
import type { CheckOptions } from './args';
import { failed, type FileResult, type Task } from './result';
import { OutputError, reasonOf } from './errors';
import { type Target, type Targets } from './files';
import { listTargets } from './listTargets';
import { type Limits, limitsFor } from './limits';
import type { Checker } from './pool';
import { createChecker, createLoneChecker, DEPTH } from './pool';
import { csvHead } from './report/csv';
import { type Output, type RenderedOutcome, renderOutcome } from './report/rendered';
import { safe } from './report/safe';
import { TableWidths } from './report/text';

export interface Io {
  /** Writes to stdout; may return a promise (back-pressure) and throws an OutputError when stdout is gone. */
  stdout(text: string): unknown;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress redraws one line there). */
  stderrIsTTY: boolean;
  /** Whether stdout is the same terminal (the progress line is cleared before the report is written). */
  stdoutIsTTY?: boolean;
  /** Resolves once everything written reached stdout; throws an OutputError if it did not. */
  flush?(): Promise<void>;
}

/** Batches at least this large show progress on stderr. */
const PROGRESS_FROM = 10;

/** Exit code: 2 when any file could not be checked, else 1 when any has errors, else 0. */
export function exitCodeOf(results: FileResult[]): number {
  if (results.some((r) => r.status !== 'checked')) return 2;
  return results.some((r) => r.summary.errors > 0) ? 1 : 0;
}

/** A path with its links resolved, as far as it exists. */
async function canonical(p: string): Promise<string> {
  const abs = path.resolve(p);
  try {
    return await fs.realpath(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(await canonical(parent), path.basename(abs));
  }
}

const within = (p: string, base: string) => p === base || p.startsWith(base + path.sep);

/** --out and --csv must not be, or be inside, an input file: refused before anything runs. */
async function refuseClobber(opts: CheckOptions, targets: Targets): Promise<string | null> {
  if (!opts.outDir && !opts.csvFile) return null;
  const inputs = new Map<string, string>();
  for (const t of targets) if (!t.problem) inputs.set(await canonical(t.file), t.file);
  if (opts.outDir) {
    const out = await canonical(opts.outDir);
    for (const [c, file] of inputs)
      if (within(out, c))
        return `--out 指向的“${safe(opts.outDir)}”是要校验的输入文件“${safe(file)}”（或在它的位置之下），为免覆盖已拒绝；请换一个输出目录。`;
  }
  if (opts.csvFile) {
    const csv = await canonical(opts.csvFile);
    for (const [c, file] of inputs)
      if (within(csv, c))
        return `--csv 指向的“${safe(opts.csvFile)}”是要校验的输入文件“${safe(file)}”（或在它的位置之下），为免覆盖已拒绝；请换一个文件名。`;
    // A hard link to an input is the input too.
    const st = await fs.stat(csv).catch(() => null);
    if (st) {
      if (st.isDirectory())
        return `--csv 指向的“${safe(opts.csvFile)}”是一个文件夹；请给出一个文件名。`;
      for (const [c, file] of inputs) {
        const s = await fs.stat(c).catch(() => null);
        if (s && s.dev === st.dev && s.ino === st.ino)
          return `--csv 指向的“${safe(opts.csvFile)}”就是输入文件“${safe(file)}”，为免覆盖已拒绝；请换一个文件名。`;
      }
    }
  }
  // A device, FIFO or socket is never replaced by a file (as root, --csv /dev/full once was).
  const special = (st: import('fs').Stats) =>
    st.isCharacterDevice() || st.isBlockDevice() || st.isFIFO() || st.isSocket();
  if (opts.outDir) {
    const st = await fs.stat(opts.outDir).catch(() => null);
    if (st && !st.isDirectory())
      return `--out 指向的“${safe(opts.outDir)}”${special(st) ? '是设备、命名管道或套接字' : '是一个文件'}，不是文件夹；请给出一个输出文件夹。`;
  }
  if (opts.csvFile) {
    const st = await fs.stat(opts.csvFile).catch(() => null);
    if (st && special(st))
      return `--csv 指向的“${safe(opts.csvFile)}”是设备、命名管道或套接字，不是普通文件，为免破坏已拒绝；请给出一个文件名。`;
  }
  return null;
}

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

/** A file written row by row to a temporary next to it, renamed into place only when complete. */
class AtomicFile {
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
  write(text: string): void {
    if (this.fd !== null) writeSync(this.fd, text);
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

/** The summary table's rows, kept on disk until the end, so memory stays flat however many files. */
class RowSpool {
  private readonly file = path.join(
    os.tmpdir(),
    `selfeval-rows-${process.pid}-${randomTag()}.jsonl`,
  );
  private fd: number | null = openSync(this.file, 'wx', 0o600);
  readonly widths = new TableWidths();
  constructor() {
    removedOnStop(this.file);
  }
  private close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
  add(row: string[]): void {
    this.widths.add(row);
    if (this.fd !== null) writeSync(this.fd, `${JSON.stringify(row)}\n`);
  }
  async *lines(): AsyncGenerator<string> {
    this.close();
    const { createInterface } = require('readline') as typeof import('readline');
    const rl = createInterface({ input: createReadStream(this.file, 'utf8'), crlfDelay: Infinity });
    for await (const line of rl) if (line) yield this.widths.line(JSON.parse(line) as string[]);
  }
  async remove(): Promise<void> {
    this.close();
    await fs.rm(this.file, { force: true });
  }
}

export async function runCheck(opts: CheckOptions, io: Io): Promise<number> {
  const limits = limitsFor(opts.maxFileMb);
  // The worker starts loading while the folders are searched.
  const lone = opts.paths.length === 1 && !opts.outDir;
  let checker: Checker | null =
    lone && /\.(?:xlsx|xls|docx|doc)$/i.test(opts.paths[0]) ? createChecker(1, limits) : null;
  try {
    return await check(
      opts,
      io,
      limits,
      (n) =>
        (checker ??=
          n === 1 && !opts.outDir
            ? createLoneChecker(limits)
            : createChecker(Math.min(opts.jobs, n), limits)),
    );
  } finally {
    await (checker as Checker | null)?.close();
  }
}

/** The --layout file, parsed and checked: a sentence when it cannot be used. */
async function readLayout(file: string): Promise<{ layout: Layout } | { error: string }> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return { error: `无法读取读取方式文件“${file}”。` };
  }
  try {
    return parseLayout(JSON.parse(text));
  } catch {
    return { error: `读取方式文件“${file}”不是有效的 JSON。` };
  }
}

async function check(
  opts: CheckOptions,
  io: Io,
  limits: Limits,
  checkerFor: (files: number) => Checker,
): Promise<number> {
  const targets = await listTargets(opts.paths, {
    outNames: opts.outDir !== null,
    report: opts.report,
  });
  for (const t of targets)
    if (t.report && !opts.json) io.stderr(`配对：${safe(t.file)} ↔ 自评报告 ${safe(t.report)}\n`);
  if (targets.length === 0) {
    io.stderr(`selfeval：在 ${opts.paths.map(safe).join('、')} 中没有找到 .xlsx / .docx 文件。\n`);
    if (opts.json) await io.stdout('[]\n');
    return 2;
  }
  const refusal = await refuseClobber(opts, targets);
  if (refusal) {
    io.stderr(`selfeval：${refusal}\n`);
    return 2;
  }
  const layout = opts.layoutFile ? await readLayout(opts.layoutFile) : null;
  if (layout && 'error' in layout) {
    io.stderr(`selfeval：${safe(layout.error)}\n`);
    return 2;
  }
  const outDir = opts.outDir ? path.resolve(opts.outDir) : null;
  const showProgress = targets.length >= PROGRESS_FROM;
  let progressShown = false;
  const clearProgress = () => {
    if (progressShown) io.stderr('\r\x1b[K');
    progressShown = false;
  };
  const say = (text: string) => {
    clearProgress();
    io.stderr(text);
  };
  const out = async (text: string) => {
    if (io.stdoutIsTTY) clearProgress();
    await io.stdout(text);
  };

  let csv: AtomicFile | null = null;
  if (opts.csvFile) {
    csv = new AtomicFile(opts.csvFile);
    try {
      await csv.open();
      csv.write(csvHead());
    } catch (e) {
      say(`selfeval：无法写入 CSV 文件 ${safe(opts.csvFile)}：${reasonOf(e)}。\n`);
      await csv.abandon().catch(() => undefined);
      return 2;
    }
  }
  const spool = opts.json ? null : new RowSpool();
  let anyUnreadable = false;
  let anyErrors = false;
  let writeFailed = false;
  let copies = 0;
  let count = 0;

  const emit = async (index: number, target: Target, outcome: RenderedOutcome) => {
    for (const r of outcome.results) {
      if (r.status !== 'checked') anyUnreadable = true;
      if (r.errors > 0) anyErrors = true;
      if (r.status !== 'checked') say(`${safe(r.file)}：${safe(r.message ?? '')}\n`);
      if (opts.json) await out(`${count === 0 ? '[\n' : ',\n'}${r.body}`);
      else {
        await out(`${count === 0 ? '' : '\n\n'}${r.body}`);
        spool!.add(r.row ?? []);
      }
      count++;
      if (csv && r.csv !== null) {
        try {
          csv.write(r.csv);
        } catch (e) {
          say(`selfeval：无法写入 CSV 文件 ${safe(opts.csvFile ?? '')}：${reasonOf(e)}。\n`);
          await csv.abandon().catch(() => undefined);
          csv = null;
          writeFailed = true;
        }
      }
    }
    copies += outcome.copied ?? 0;
    if (outcome.copyError) {
      writeFailed = true;
      say(`${safe(target.file)}：${safe(outcome.copyError)}\n`);
    }
    if (showProgress) {
      const n = index + 1;
      if (io.stderrIsTTY) {
        clearProgress();
        io.stderr(`[${n}/${targets.length}] ${safe(path.basename(target.file))}`);
        progressShown = true;
      } else if (n === 1 || n % 50 === 0 || n === targets.length)
        io.stderr(`[${n}/${targets.length}] ${safe(target.file)}\n`);
    }
  };

  // Files are checked by a pool (any order) and reported in input order, as soon as each is next.
  const checker = checkerFor(targets.length);
  const output: Output = { json: opts.json, csv: csv !== null };
  const window = Math.max(4, opts.jobs * 4);
  const done = new Map<number, RenderedOutcome>();
  const waiters: (() => void)[] = [];
  let flushed = 0;
  let next = 0;
  let aborted: unknown = null;
  let flushing: Promise<void> = Promise.resolve();
  const flush = () =>
    (flushing = flushing.then(async () => {
      while (!aborted && done.has(flushed)) {
        const outcome = done.get(flushed)!;
        done.delete(flushed);
        try {
          await emit(flushed, targets.at(flushed), outcome);
        } catch (e) {
          aborted = e;
        }
        flushed++;
        waiters.splice(0).forEach((w) => w());
      }
    }));
  const taskOf = (t: Target): Task => ({
    file: t.file,
    outPath: outDir && t.outName ? path.join(outDir, t.outName) : null,
    outRoot: outDir,
    limits,
    tolerance: opts.tolerance,
    layout: layout ? layout.layout : null,
    profile: opts.profile,
    report: t.report ?? null,
    output,
  });
  const lane = async () => {
    for (;;) {
      if (aborted) return;
      const i = next++;
      if (i >= targets.length) return;
      while (i >= flushed + window && !aborted) await new Promise<void>((r) => waiters.push(r));
      if (aborted) return;
      const t = targets.at(i);
      done.set(
        i,
        t.problem
          ? renderOutcome(
              { results: [failed(t.file, 'unreadable', t.problem)], copyError: null },
              output,
            )
          : await checker.run(taskOf(t)),
      );
      await flush();
    }
  };
  try {
    await Promise.all(
      // DEPTH lanes per worker: each worker is handed its next file while it checks one.
      Array.from({ length: Math.max(1, Math.min(opts.jobs * DEPTH, targets.length)) }, lane),
    );
    await flushing;
    if (!aborted) {
      try {
        if (opts.json) await out(count === 0 ? '[]\n' : '\n]\n');
        else {
          await out(`\n\n${spool!.widths.head()}\n`);
          for await (const line of spool!.lines()) await out(`${line}\n`);
          // Said only for what was written: a run whose copies all failed says so instead.
          if (outDir)
            await out(
              copies > 0
                ? `\n标注副本已写入 ${safe(outDir)}（${copies} 份）\n`
                : `\n没有写入标注副本（没有可标注的自评表，或写入失败，见上）。\n`,
            );
        }
        await io.flush?.();
      } catch (e) {
        aborted = e;
      }
    }
  } finally {
    await spool?.remove();
  }
  if (showProgress && io.stderrIsTTY) clearProgress();
  if (aborted) {
    await csv?.abandon().catch(() => undefined);
    const sentence =
      aborted instanceof OutputError ? aborted.message : `输出失败：${reasonOf(aborted)}。`;
    io.stderr(`selfeval：${sentence}已停止校验。\n`);
    return 2;
  }
  if (csv) {
    try {
      await csv.commit();
    } catch (e) {
      writeFailed = true;
      await csv.abandon().catch(() => undefined);
      io.stderr(`selfeval：无法写入 CSV 文件 ${safe(opts.csvFile ?? '')}：${reasonOf(e)}。\n`);
    }
  }
  if (anyUnreadable || writeFailed) return 2;
  return anyErrors ? 1 : 0;
}
