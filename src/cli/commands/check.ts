import { promises as fs } from 'fs';
import * as path from 'path';
import { type Layout, parseLayout } from '../../engine/reading/layout';
import type { CheckOptions } from '../args';
import { failed, type FileResult } from '../result';
import type { Task } from '../task';
import { OutputError, reasonOf } from '../errors';
import { type Target, type Targets } from '../files';
import { listTargets } from '../listTargets';
import { type Limits, limitsFor } from '../limits';
import type { Checker } from '../pool';
import { createChecker, createLoneChecker, DEPTH } from '../pool';
import { colourWanted } from '../formatters/colour';
import { AtomicFile } from '../formatters/files';
import type { FormatName, FormatWriter, Sink } from '../formatters/format';
import { FORMATS } from '../formatters/index';
import { type Output, type RenderedOutcome, renderOutcome } from '../formatters/rendered';
import { safe } from '../formatters/safe';
import { seconds, Totals } from '../formatters/totals';
import { SCHEMA_VERSION, VERSION } from '../version';

export interface Io {
  /** Writes to stdout; may return a promise (back-pressure) and throws an OutputError when stdout is gone. */
  stdout(text: string | Uint8Array): unknown;
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

/** The files the run writes besides stdout, by flag: --csv, --xlsx, --html. */
function outputFiles(opts: CheckOptions): { flag: string; format: FormatName; file: string }[] {
  const files: { flag: string; format: FormatName; file: string }[] = [];
  if (opts.csvFile) files.push({ flag: '--csv', format: 'csv', file: opts.csvFile });
  if (opts.xlsxFile) files.push({ flag: '--xlsx', format: 'xlsx', file: opts.xlsxFile });
  if (opts.htmlFile) files.push({ flag: '--html', format: 'html', file: opts.htmlFile });
  return files;
}

/** --out, --csv, --xlsx and --html must not be, or be inside, an input file: refused before anything runs. */
async function refuseClobber(opts: CheckOptions, targets: Targets): Promise<string | null> {
  const files = outputFiles(opts);
  if (!opts.outDir && files.length === 0) return null;
  const inputs = new Map<string, string>();
  for (const t of targets) if (!t.problem) inputs.set(await canonical(t.file), t.file);
  if (opts.outDir) {
    const out = await canonical(opts.outDir);
    for (const [c, file] of inputs)
      if (within(out, c))
        return `--out 指向的“${safe(opts.outDir)}”是要校验的输入文件“${safe(file)}”（或在它的位置之下），为免覆盖已拒绝；请换一个输出目录。`;
  }
  const seen = new Map<string, string>();
  for (const { flag, file: name } of files) {
    const target = await canonical(name);
    const twice = seen.get(target);
    if (twice) return `${twice} 和 ${flag} 指向同一个文件“${safe(name)}”；请给它们不同的文件名。`;
    seen.set(target, flag);
    for (const [c, file] of inputs)
      if (within(target, c))
        return `${flag} 指向的“${safe(name)}”是要校验的输入文件“${safe(file)}”（或在它的位置之下），为免覆盖已拒绝；请换一个文件名。`;
    // A hard link to an input is the input too.
    const st = await fs.stat(target).catch(() => null);
    if (st) {
      if (st.isDirectory()) return `${flag} 指向的“${safe(name)}”是一个文件夹；请给出一个文件名。`;
      for (const [c, file] of inputs) {
        const s = await fs.stat(c).catch(() => null);
        if (s && s.dev === st.dev && s.ino === st.ino)
          return `${flag} 指向的“${safe(name)}”就是输入文件“${safe(file)}”，为免覆盖已拒绝；请换一个文件名。`;
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
  for (const { flag, file: name } of files) {
    const st = await fs.stat(name).catch(() => null);
    if (st && special(st))
      return `${flag} 指向的“${safe(name)}”是设备、命名管道或套接字，不是普通文件，为免破坏已拒绝；请给出一个文件名。`;
  }
  return null;
}

/** "12.5 份/秒，约剩 3 分 05 秒": the progress line's rate and time left. */
export function pace(done: number, total: number, elapsedMs: number): string {
  if (done === 0 || elapsedMs <= 0) return '';
  const rate = (done / elapsedMs) * 1000;
  const left = ((total - done) / rate) * 1000;
  return `${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} 份/秒，约剩 ${seconds(left)}`;
}

export async function runCheck(opts: CheckOptions, io: Io): Promise<number> {
  const limits = limitsFor(opts.maxFileMb);
  // The worker starts loading while the folders are searched.
  const lone = opts.paths.length === 1 && !opts.outDir;
  let checker: Checker | null =
    lone && /\.(?:xlsx|xlsm|xls|docx|doc)$/i.test(opts.paths[0]) ? createChecker(1, limits) : null;
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
  const started = new Date();
  const t0 = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - t0) / 1e6;
  const text = opts.format === 'text';
  const targets = await listTargets(opts.paths, {
    outNames: opts.outDir !== null,
    report: opts.report,
  });
  for (const t of targets)
    if (t.report && text) io.stderr(`配对：${safe(t.file)} ↔ 自评报告 ${safe(t.report)}\n`);
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
  if (opts.format === 'xlsx' && io.stdoutIsTTY) {
    io.stderr(
      'selfeval：--format xlsx 输出的是工作簿文件，不能显示在终端上；请重定向到文件，或用 --xlsx 文件名。\n',
    );
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
  const out = async (data: string | Uint8Array) => {
    if (io.stdoutIsTTY) clearProgress();
    await io.stdout(data);
  };

  const colour = text && colourWanted(Boolean(io.stdoutIsTTY));
  const options = { quiet: opts.quiet, colour };
  // stdout's format, then each file asked for: every one gets every form's piece, in input order.
  const stdoutSink: Sink = { write: (d) => out(d) };
  const stdoutWriter = FORMATS[opts.format].open(stdoutSink, options);
  interface FileOutput {
    format: FormatName;
    file: AtomicFile;
    writer: FormatWriter;
  }
  let files: FileOutput[] = [];
  let writeFailed = false;
  const fileFailed = async (f: FileOutput, e: unknown) => {
    say(`selfeval：无法写入 ${FORMATS[f.format].label} ${safe(f.file.target)}：${reasonOf(e)}。\n`);
    writeFailed = true;
    files = files.filter((x) => x !== f);
    await f.file.abandon().catch(() => undefined);
    await f.writer.dispose?.().catch(() => undefined);
  };
  for (const { format, file: name } of outputFiles(opts)) {
    const file = new AtomicFile(name);
    try {
      await file.open();
      files.push({ format, file, writer: FORMATS[format].open(file, options) });
    } catch (e) {
      say(`selfeval：无法写入 ${FORMATS[format].label} ${safe(name)}：${reasonOf(e)}。\n`);
      await file.abandon().catch(() => undefined);
      for (const f of files) {
        await f.file.abandon().catch(() => undefined);
        await f.writer.dispose?.().catch(() => undefined);
      }
      await stdoutWriter.dispose?.();
      return 2;
    }
  }
  const totals = new Totals();
  let anyUnreadable = false;
  let anyErrors = false;
  let copies = 0;

  const emit = async (index: number, target: Target, outcome: RenderedOutcome) => {
    const copy = outDir && target.outName ? path.join(outDir, target.outName) : null;
    for (const r of outcome.results) {
      if (r.status !== 'checked') anyUnreadable = true;
      if (r.errors > 0) anyErrors = true;
      totals.add(r.file, r);
      if (r.status !== 'checked') say(`${safe(r.file)}：${safe(r.message ?? '')}\n`);
      const formCopy = copy && r.status === 'checked' && !outcome.copyError ? copy : null;
      await stdoutWriter.add(r.pieces[opts.format] ?? '', formCopy);
      for (const f of files) {
        try {
          await f.writer.add(r.pieces[f.format] ?? '', formCopy);
        } catch (e) {
          await fileFailed(f, e);
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
        const p = pace(n, targets.length, elapsed());
        io.stderr(
          `[${n}/${targets.length}] ${p ? `${p}  ` : ''}${safe(path.basename(target.file))}`,
        );
        progressShown = true;
      } else if (n === 1 || n % 50 === 0 || n === targets.length)
        io.stderr(`[${n}/${targets.length}] ${safe(target.file)}\n`);
    }
  };

  // Files are checked by a pool (any order) and reported in input order, as soon as each is next.
  const checker = checkerFor(targets.length);
  const output: Output = {
    formats: [...new Set([opts.format, ...files.map((f) => f.format)])],
    colour,
  };
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
  const metaNow = () => ({
    version: VERSION,
    schemaVersion: SCHEMA_VERSION,
    started,
    elapsedMs: elapsed(),
    inputs: opts.paths,
    outDir,
    copies,
    totals,
    quiet: opts.quiet,
  });
  try {
    await Promise.all(
      // DEPTH lanes per worker: each worker is handed its next file while it checks one.
      Array.from({ length: Math.max(1, Math.min(opts.jobs * DEPTH, targets.length)) }, lane),
    );
    await flushing;
    if (showProgress && io.stderrIsTTY) clearProgress();
    // The files first (their time counts in the totals line), then stdout's end.
    if (!aborted)
      for (const f of [...files]) {
        try {
          await f.writer.end(metaNow());
          await f.file.commit();
        } catch (e) {
          await fileFailed(f, e);
        }
      }
    if (!aborted) {
      try {
        await stdoutWriter.end(metaNow());
        // Another format on stdout: the totals line goes to a terminal's stderr.
        if (!text && io.stderrIsTTY) say(`${totals.line(elapsed())}\n`);
        await io.flush?.();
      } catch (e) {
        aborted = e;
      }
    }
  } finally {
    await stdoutWriter.dispose?.().catch(() => undefined);
    for (const f of files) await f.writer.dispose?.().catch(() => undefined);
  }
  if (showProgress && io.stderrIsTTY) clearProgress();
  if (aborted) {
    for (const f of files) await f.file.abandon().catch(() => undefined);
    const sentence =
      aborted instanceof OutputError ? aborted.message : `输出失败：${reasonOf(aborted)}。`;
    io.stderr(`selfeval：${sentence}已停止校验。\n`);
    return 2;
  }
  if (anyUnreadable || writeFailed) return 2;
  return anyErrors ? 1 : 0;
}
