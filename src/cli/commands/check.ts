import { promises as fs } from 'fs';
import * as path from 'path';
import { type Layout, parseLayout } from '../../engine/reading/layout';
import type { CheckOptions } from '../args';
import { OutputError, reasonOf } from '../errors';
import type { Target, Targets } from '../files';
import { colourWanted } from '../formatters/colour';
import type { Output, RenderedOutcome, RunMeta } from '../formatters/format';
import { renderOutcome } from '../formatters/rendered';
import { safe } from '../formatters/safe';
import { Totals } from '../formatters/totals';
import type { Io } from '../io';
import { type Limits, limitsFor } from '../limits';
import { mayCheckInline } from '../inlineLimits';
import { listTargets } from '../listTargets';
import { type Checker, createChecker, createLoneChecker, DEPTH } from '../pool';
import { failed } from '../result';
import type { Task } from '../task';
import { SCHEMA_VERSION, VERSION } from '../version';
import { refuseClobber } from './clobber';
import { inOrder } from './inOrder';
import { Outputs } from './outputs';
import { Progress } from './progress';

export async function runCheck(opts: CheckOptions, io: Io): Promise<number> {
  const limits = limitsFor(opts.maxFileMb);
  // The worker starts loading while the folders are searched (unless the file may be checked here).
  const lone = opts.paths.length === 1 && !opts.outDir;
  let checker: Checker | null =
    lone &&
    /\.(?:xlsx|xlsm|xls|docx|doc)$/i.test(opts.paths[0]) &&
    (opts.report || !mayCheckInline(opts.paths[0], limits))
      ? createChecker(1, limits)
      : null;
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

/**
 * What comes before any file is checked: the files found (and the pairs said), the refusals that
 * stop the run (nothing found, an output onto an input, a workbook onto a terminal, a bad
 * --layout); an exit code when refused.
 */
async function prepare(
  opts: CheckOptions,
  io: Io,
): Promise<{ targets: Targets; layout: Layout | null } | number> {
  const targets = await listTargets(opts.paths, {
    outNames: opts.outDir !== null,
    report: opts.report,
  });
  for (const t of targets)
    if (t.report && opts.format === 'text')
      io.stderr(`配对：${safe(t.file)} ↔ 自评报告 ${safe(t.report)}\n`);
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
  return { targets, layout: layout ? layout.layout : null };
}

/** What the run has reported so far: the totals line's counts and the exit code's reasons. */
class Reported {
  readonly totals = new Totals();
  unreadable = false;
  errors = false;
  copies = 0;
  copyFailed = false;

  constructor(
    private readonly outputs: Outputs,
    private readonly progress: Progress,
    private readonly outDir: string | null,
  ) {}

  /** One file's outcome, in input order: each form's pieces to every output, its sentences to stderr. */
  async add(target: Target, outcome: RenderedOutcome): Promise<void> {
    const { outDir, progress } = this;
    const copy = outDir && target.outName ? path.join(outDir, target.outName) : null;
    for (const r of outcome.results) {
      if (r.status !== 'checked') this.unreadable = true;
      if (r.errors > 0) this.errors = true;
      this.totals.add(r.file, r);
      if (r.status !== 'checked') progress.say(`${safe(r.file)}：${safe(r.message ?? '')}\n`);
      const formCopy = copy && r.status === 'checked' && !outcome.copyError ? copy : null;
      await this.outputs.add(r.pieces, formCopy);
    }
    this.copies += outcome.copied ?? 0;
    if (outcome.copyError) {
      this.copyFailed = true;
      progress.say(`${safe(target.file)}：${safe(outcome.copyError)}\n`);
    }
  }
}

/** Each file's task for the workers: the run's options, and its copy's place under --out. */
function taskMaker(
  opts: CheckOptions,
  limits: Limits,
  layout: Layout | null,
  outDir: string | null,
  output: Output,
): (t: Target) => Task {
  return (t) => ({
    file: t.file,
    outPath: outDir && t.outName ? path.join(outDir, t.outName) : null,
    outRoot: outDir,
    limits,
    tolerance: opts.tolerance,
    layout,
    profile: opts.profile,
    report: t.report ?? null,
    output,
  });
}

/** The outputs' ends once every file is reported: the files, then stdout's (and the totals line). Returns what stopped the run, if anything. */
async function endOutputs(
  outputs: Outputs,
  meta: () => RunMeta,
  io: Io,
  progress: Progress,
  totalsLine: () => string | null,
): Promise<unknown> {
  await outputs.end(meta);
  try {
    await outputs.endStdout(meta());
    const line = totalsLine();
    if (line) progress.say(`${line}\n`);
    await io.flush?.();
  } catch (e) {
    return e;
  }
  return null;
}

/**
 * The check command: the files found are checked by a pool (any order) and reported in input
 * order as soon as each is next, to stdout's format and every output file, with progress on
 * stderr; then the outputs' ends, and the exit code.
 */
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
  const ready = await prepare(opts, io);
  if (typeof ready === 'number') return ready;
  const { targets, layout } = ready;
  const outDir = opts.outDir ? path.resolve(opts.outDir) : null;
  const progress = new Progress(io, targets.length, elapsed);
  const colour = text && colourWanted(Boolean(io.stdoutIsTTY));
  const outputs = await Outputs.open(opts, progress, { quiet: opts.quiet, colour });
  if (!outputs) return 2;
  const reported = new Reported(outputs, progress, outDir);
  const checker = checkerFor(targets.length);
  const output: Output = { formats: outputs.formats(), colour };
  const taskOf = taskMaker(opts, limits, layout, outDir, output);
  const produce = async (i: number): Promise<RenderedOutcome> => {
    const t = targets.at(i);
    return t.problem
      ? renderOutcome(
          { results: [failed(t.file, 'unreadable', t.problem)], copyError: null },
          output,
        )
      : await checker.run(taskOf(t));
  };
  const consume = async (i: number, outcome: RenderedOutcome) => {
    await reported.add(targets.at(i), outcome);
    progress.tick(i + 1, targets.at(i).file);
  };
  const meta = (): RunMeta => ({
    version: VERSION,
    schemaVersion: SCHEMA_VERSION,
    started,
    elapsedMs: elapsed(),
    inputs: opts.paths,
    outDir,
    copies: reported.copies,
    totals: reported.totals,
    quiet: opts.quiet,
  });
  // Another format on stdout: the totals line goes to a terminal's stderr.
  const totalsLine = () => (!text && io.stderrIsTTY ? reported.totals.line(elapsed()) : null);
  let aborted: unknown;
  try {
    // DEPTH lanes per worker: each worker is handed its next file while it checks one.
    const lanes = Math.max(1, Math.min(opts.jobs * DEPTH, targets.length));
    aborted = await inOrder(targets.length, lanes, Math.max(4, opts.jobs * 4), produce, consume);
    if (progress.shown && io.stderrIsTTY) progress.clear();
    if (!aborted) aborted = await endOutputs(outputs, meta, io, progress, totalsLine);
  } finally {
    await outputs.dispose();
  }
  if (progress.shown && io.stderrIsTTY) progress.clear();
  if (aborted) {
    await outputs.abandon();
    const sentence =
      aborted instanceof OutputError ? aborted.message : `输出失败：${reasonOf(aborted)}。`;
    io.stderr(`selfeval：${sentence}已停止校验。\n`);
    return 2;
  }
  if (reported.unreadable || reported.copyFailed || outputs.writeFailed) return 2;
  return reported.errors ? 1 : 0;
}
