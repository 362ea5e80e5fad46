/**
 * `npm run bench`: JSON lines {"name", "value", "unit"} on stdout.
 *  - engine.check-2000-rows: median time of checkSheets on a synthetic form with 2,000 indicator
 *    rows (target under 50 ms), and the 20,000-row form for scale
 *  - engine.merges-50000: reading and checking a workbook with 50,000 merged areas (under 1 s)
 *  - fix-plan.*: on the real-form corpus, re-checks per file and how many located the sheet again
 *    (the incremental re-check locates nothing when the fixes leave the labels alone)
 *  - addin.*.syncs.*: context.sync round trips of one 校验 / re-check / 清除标记 (seed, 2,000 rows,
 *    the form on another sheet), and the largest request / response of a 校验 in bytes of JSON
 *    (Excel on the web refuses over 5 MB; target under 2 MB)
 *  - cli.scale.*: the whole CLI process on the 2,000- and 20,000-row forms, CPU time (target: the
 *    larger at most 12× the smaller)
 *  - on 3,000 realistic workbooks, measured interleaved (BENCH_ROUNDS rounds, each tool once per
 *    round, CPU time summed): the CLI (--json, one job), exceljs loading alone, SheetJS (xlsx)
 *    reading alone, and the raw floor (unzip + SAX of the same parts, no engine); the CLI at most
 *    0.6× exceljs and 1.0× SheetJS, the floor ratio reported only; the CLI with --jobs 1, 2 and the
 *    machine's cores, each also with its workers' V8 helper threads the other way round
 *    (SELFEVAL_WORKER_THREADS: the pool runs workers --single-threaded when they fill the cores)
 *  - peak RSS of the CLI at 300 and 30,000 files and their ratio (target ≤ 1.2)
 *  - start-up for one small file, and for an empty node, for scale
 *  - load: the machine's load average when each section starts (the machine may be shared)
 *  - outputs (--outputs-only runs just this): at 300 and BENCH_FILES files, the text run alone and
 *    with --xlsx and --html side by side, BENCH_OUTPUT_RUNS (5) pairs, the median of their ratios
 *    (target: ≤ 1.2×), and the sizes of both (HTML ≤ 5 MB)
 * Every figure with a target is printed with it and whether it is met ("target", "pass").
 * Counts come from the environment, for a quick run: BENCH_FILES (3000), BENCH_RSS_SMALL (300),
 * BENCH_RSS_COPIES (10: the large RSS run is BENCH_FILES × this many files), BENCH_STARTUP_RUNS (5),
 * BENCH_ROUNDS (3); BENCH_CLI times another build of the CLI; --batch-only skips the engine and
 * add-in figures, --engine-only everything that starts the CLI.
 */
import { spawnSync } from 'child_process';
import { promises as fs, readdirSync, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkSheets } from '../src/engine/check';
import { buildWorkbook } from '../test/helpers/workbook';
import { snapshot } from '../test/helpers/grid';
import { syntheticForm } from './synthetic';
import { withMerges } from './merges';
import { readXlsx } from '../src/adapters/xlsx/readXlsx';
import { checkLocated, checkWorkbook } from '../src/engine/check';
import { planFixes } from '../src/engine/fixes/plan';
import { rechecker } from '../src/engine/fixes/recheck';
import { locateOnSheet } from '../src/engine/locate/locateForm';
import { createExcelGateway } from '../src/addin/host/excelGateway';
import { createFakeHost } from '../test/fakes/fakeExcel';
import { fakeBookFromXlsx } from '../test/fakes/fromExcelJs';

const ROOT = path.resolve(__dirname, '../..');
const round = (v: number) => Math.round(v * 100) / 100;
const emit = (name: string, value: number, unit: string) =>
  console.log(JSON.stringify({ name, value: round(value), unit }));
/** A figure against its target (at most `target`): printed with both and whether it is met. */
const emitTarget = (name: string, value: number, target: number, unit = 'ratio') =>
  console.log(JSON.stringify({ name, value: round(value), unit, target, pass: value <= target }));

const count = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};
const FILES = count('BENCH_FILES', 3000);
const RSS_SMALL = count('BENCH_RSS_SMALL', 300);
const RSS_COPIES = count('BENCH_RSS_COPIES', 10);
const STARTUP_RUNS = count('BENCH_STARTUP_RUNS', 5);
const ROUNDS = count('BENCH_ROUNDS', 3);

/** The load average, printed with the figures: on a shared machine they mean little without it. */
const emitLoad = (section: string) => emit(`load.${section}`, os.loadavg()[0], 'load-1min');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Median CPU time (user + system, this process) of `fn` in ms, after `warm` untimed runs: on a
 * shared machine wall time also counts waiting for a core.
 */
function medianTime(fn: () => void, warm: number, runs: number): number {
  for (let i = 0; i < warm; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t);
    times.push((d.user + d.system) / 1000);
  }
  return median(times);
}

async function benchEngine(): Promise<void> {
  emitLoad('engine');
  const large = snapshot(syntheticForm(2000));
  emitTarget(
    'engine.check-2000-rows',
    medianTime(() => checkSheets([large]), 10, 50),
    50,
    'ms',
  );
  // A seed-sized form, for scale.
  const small = snapshot(syntheticForm(17));
  emit(
    'engine.check-17-rows',
    medianTime(() => checkSheets([small]), 20, 200),
    'ms',
  );
  const huge = snapshot(syntheticForm(20000));
  emit(
    'engine.check-20000-rows',
    medianTime(() => checkSheets([huge]), 1, 5),
    'ms',
  );
  // 50,000 merged areas on a 2,000-row form: read and checked (pairwise overlap took seconds).
  const merged = await withMerges(
    await buildWorkbook([{ name: 'Sheet1', rows: syntheticForm(2000) }]),
    50_000,
  );
  const opts = { maxUnzippedBytes: 1 << 30, unzippedSentence: () => '' };
  emitTarget(
    'engine.merges-50000',
    medianTime(() => checkWorkbook(readXlsx(merged, 'merged.xlsx', opts)), 1, 5),
    1000,
    'ms',
  );
  benchRechecks();
}

/** The bench's corpus: the seed, its corrected copy, a synthetic form and every real published form. */
async function corpus(): Promise<Buffer[]> {
  return [
    readFileSync(path.join(ROOT, 'test/fixtures/yuelu-2022.xlsx')),
    readFileSync(path.join(ROOT, 'test/fixtures/yuelu-2022-corrected.xlsx')),
    await buildWorkbook([{ name: 'Sheet1', rows: syntheticForm(40) }]),
    ...readdirSync(path.join(ROOT, 'test/fixtures/real'))
      .filter((f) => f.endsWith('.xlsx') && !f.startsWith('notform-'))
      .map((f) => readFileSync(path.join(ROOT, 'test/fixtures/real', f))),
  ];
}

/** The fix plan on the corpus: re-checks per file, and how many of them located the sheet again. */
let corpusFiles: Buffer[] = [];
function benchRechecks(): void {
  let rechecks = 0;
  let relocated = 0;
  let formsKept = 0;
  const opts = { maxUnzippedBytes: 1 << 30, unzippedSentence: () => '' };
  for (const bytes of corpusFiles) {
    for (const sheet of readXlsx(bytes, 'corpus.xlsx', opts)) {
      const forms = locateOnSheet(sheet);
      const first = forms.map((f) => checkLocated(f));
      if (!first.some((r) => r.findings.some((f) => f.fix))) continue;
      const recheck = rechecker(
        (s) => locateOnSheet(s),
        (f) => checkLocated(f),
        { snapshot: sheet, forms, results: first },
      );
      planFixes(sheet, first, recheck);
      rechecks += recheck.stats.rechecks;
      relocated += recheck.stats.relocated;
      formsKept += recheck.stats.formsKept;
    }
  }
  const n = corpusFiles.length;
  emit('fix-plan.rechecks-per-file', rechecks / n, 'checks');
  emit('fix-plan.relocations-per-file', relocated / n, 'locates');
  emit('fix-plan.forms-kept-per-file', formsKept / n, 'forms');
}

/**
 * Runs a node script as a child: wall time, CPU time (user + system) and its peak RSS (GNU time's
 * "%U %S %M" on stderr's last line). CPU time is printed too: on a shared machine wall time also
 * counts waiting for a core.
 */
function timed(
  args: string[],
  env: Record<string, string> = {},
): { ms: number; cpuMs: number; rssMb: number } {
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  // The CLI exits 1 when it finds errors, 2 when some file is no form (the corpus has real pages
  // that are not: a batch of real files does); a crash, a signal or an internal error fails the run.
  if (r.status === null || r.status > 2 || /内部错误/.test(r.stderr))
    throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const [user, sys, rss] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { ms, cpuMs: (user + sys) * 1000, rssMb: rss / 1024 };
}

/**
 * The scripts timed against the CLI, each a child process over the same folder:
 *  - load-only: exceljs loading each workbook (what the CLI used to spend most of its time on);
 *  - raw floor: unzip (Node's zlib) + a saxes pass over the same parts the lean reader reads
 *    (workbook, rels, shared strings, styles, sheets), no engine, nothing kept;
 *  both one process over the whole folder, as the CLI is. The CLI gets --jobs 1, so the ratio compares one core with one core.
 */
async function writeScripts(
  dir: string,
): Promise<{ loader: string; floor: string; sheetjs: string }> {
  const loader = path.join(dir, 'load-only.js');
  await fs.writeFile(
    loader,
    `
const fs = require('fs'); const path = require('path'); const ExcelJS = require(${JSON.stringify(require.resolve('exceljs'))});
(async () => { const dir = process.argv[2];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.xlsx')).sort()) {
    const wb = new ExcelJS.Workbook(); await wb.xlsx.load(fs.readFileSync(path.join(dir, f)));
  } })();`,
  );
  const floor = path.join(dir, 'raw-floor.js');
  await fs.writeFile(
    floor,
    `
const fs = require('fs'); const path = require('path'); const zlib = require('zlib');
const { SaxesParser } = require(${JSON.stringify(require.resolve('saxes'))});
const { readDirectory } = require(${JSON.stringify(path.join(ROOT, 'dist/adapters/xlsx/zip.js'))});
const dir = process.argv[2];
let events = 0;
for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.xlsx')).sort()) {
  const buf = fs.readFileSync(path.join(dir, f));
  for (const e of readDirectory(buf).values()) {
    if (!/^xl\\/(workbook\\.xml|_rels\\/workbook\\.xml\\.rels|sharedStrings\\.xml|styles\\.xml|worksheets\\/sheet\\d+\\.xml|worksheets\\/_rels\\/.*)$/.test(e.name)) continue;
    const p = e.localOffset; const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    const xml = e.method === 8 ? zlib.inflateRawSync(data) : data;
    const parser = new SaxesParser(); parser.on('opentag', () => events++); parser.on('text', () => events++);
    const decoder = new TextDecoder();
    for (let i = 0; i < xml.length; i += 65536) parser.write(decoder.decode(xml.subarray(i, i + 65536), { stream: true }));
  }
}`,
  );
  // SheetJS reading alone: what a peer spends to have the cells at all.
  const sheetjs = path.join(dir, 'sheetjs-read.js');
  await fs.writeFile(
    sheetjs,
    `
const fs = require('fs'); const path = require('path'); const XLSX = require(${JSON.stringify(require.resolve('xlsx'))});
const dir = process.argv[2];
for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.xlsx')).sort())
  XLSX.read(fs.readFileSync(path.join(dir, f)), { type: 'buffer' });`,
  );
  return { loader, floor, sheetjs };
}

async function fillFolder(dir: string, count: number): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const variants = corpusFiles;
  for (let i = 0; i < count; i++)
    await fs.writeFile(
      path.join(dir, `dept-${String(i).padStart(5, '0')}.xlsx`),
      variants[i % variants.length],
    );
}

/** The whole CLI on one file, CPU time: the 2,000- and 20,000-row forms, interleaved. */
async function benchScale(root: string, cli: string): Promise<void> {
  emitLoad('scale');
  const files: Record<string, string> = {};
  for (const n of [2000, 20000]) {
    files[n] = path.join(root, `synthetic-${n}.xlsx`);
    await fs.writeFile(files[n], await buildWorkbook([{ name: 'Sheet1', rows: syntheticForm(n) }]));
  }
  const merged = path.join(root, 'merges-50000.xlsx');
  await fs.writeFile(
    merged,
    await withMerges(await buildWorkbook([{ name: 'Sheet1', rows: syntheticForm(2000) }]), 50_000),
  );
  const cpu: Record<string, number[]> = { 2000: [], 20000: [], merged: [] };
  const wall: number[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    for (const n of [2000, 20000]) cpu[n].push(timed([cli, 'check', files[n], '--json']).cpuMs);
    const m = timed([cli, 'check', merged, '--json']);
    cpu.merged.push(m.cpuMs);
    wall.push(m.ms);
  }
  emit('cli.scale.check-2000-rows.cpu', median(cpu[2000]), 'ms');
  emit('cli.scale.check-20000-rows.cpu', median(cpu[20000]), 'ms');
  emitTarget('cli.scale.20000-vs-2000-rows.cpu', median(cpu[20000]) / median(cpu[2000]), 12);
  emit('cli.scale.merges-50000.cpu', median(cpu.merged), 'ms');
  emit('cli.scale.merges-50000.wall', median(wall), 'ms');
}

async function benchBatch(): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-bench-'));
  // BENCH_CLI: another build's main.js, to time a before and an after on the same machine.
  const cli = process.env.BENCH_CLI ?? path.join(ROOT, 'dist/cli/main.js');
  try {
    await benchScale(root, cli);
    emitLoad('batch');
    const { loader, floor, sheetjs } = await writeScripts(root);
    const n = FILES;
    const dir = path.join(root, `files-${n}`);
    await fillFolder(dir, n);
    // Interleaved: each tool once per round, in turn, so a change in the machine's load falls on all.
    const cores = os.availableParallelism();
    const jobs = [...new Set([1, 2, cores])];
    const runs: Record<string, { ms: number; cpuMs: number }[]> = {};
    const add = (name: string, r: { ms: number; cpuMs: number }) => (runs[name] ??= []).push(r);
    for (let k = 0; k < ROUNDS; k++) {
      add('cli', timed([cli, 'check', dir, '--json', '--jobs', '1']));
      add('exceljs', timed([loader, dir]));
      add('sheetjs', timed([sheetjs, dir]));
      add('floor', timed([floor, dir]));
      for (const j of jobs.filter((j) => j > 1))
        add(`cli-jobs-${j}`, timed([cli, 'check', dir, '--json', '--jobs', String(j)]));
      // The same runs with the pool's choice of V8 helper threads turned the other way.
      for (const j of jobs)
        add(
          `cli-jobs-${j}-other-threads`,
          timed([cli, 'check', dir, '--json', '--jobs', String(j)], {
            SELFEVAL_WORKER_THREADS: j >= cores ? 'v8' : 'single',
          }),
        );
    }
    const sum = (name: string, k: 'ms' | 'cpuMs') => runs[name].reduce((a, r) => a + r[k], 0);
    const perFile = (name: string, k: 'ms' | 'cpuMs') => sum(name, k) / ROUNDS / n;
    for (const [name, label] of [
      ['cli', `cli.check-${n}`],
      ['exceljs', `exceljs.load-${n}`],
      ['sheetjs', `sheetjs.read-${n}`],
      ['floor', `raw-floor.unzip-sax-${n}`],
    ]) {
      emit(`${label}.ms-per-file`, perFile(name, 'ms'), 'ms');
      emit(`${label}.cpu-ms-per-file`, perFile(name, 'cpuMs'), 'ms');
    }
    emitTarget('cli.vs-exceljs-load.cpu', sum('cli', 'cpuMs') / sum('exceljs', 'cpuMs'), 0.6);
    emitTarget('cli.vs-sheetjs-read.cpu', sum('cli', 'cpuMs') / sum('sheetjs', 'cpuMs'), 1.0);
    emit('cli.vs-raw-floor.cpu', sum('cli', 'cpuMs') / sum('floor', 'cpuMs'), 'ratio');
    emit('cli.vs-raw-floor', sum('cli', 'ms') / sum('floor', 'ms'), 'ratio');
    runs['cli-jobs-1'] = runs.cli;
    for (const j of jobs) {
      // Which way the pool runs them by default: single-threaded V8 once the workers fill the cores.
      const own = j >= cores ? 'single-threaded' : 'helper-threads';
      const other = j >= cores ? 'helper-threads' : 'single-threaded';
      for (const [name, label] of [
        [`cli-jobs-${j}`, `cli.check-${n}.jobs-${j}.${own}`],
        [`cli-jobs-${j}-other-threads`, `cli.check-${n}.jobs-${j}.${other}.not-default`],
      ]) {
        emit(`${label}.ms-per-file`, perFile(name, 'ms'), 'ms');
        emit(`${label}.cpu-ms-per-file`, perFile(name, 'cpuMs'), 'ms');
      }
    }
    emit(
      'cli.vs-exceljs-load.cpu.jobs-1-single-threaded',
      sum('cli-jobs-1-other-threads', 'cpuMs') / sum('exceljs', 'cpuMs'),
      'ratio',
    );
    emit(
      'cli.vs-sheetjs-read.cpu.jobs-1-single-threaded',
      sum('cli-jobs-1-other-threads', 'cpuMs') / sum('sheetjs', 'cpuMs'),
      'ratio',
    );
    emit('machine.cores', cores, 'cores');
    // Peak memory at 300 and at 30,000 files (the files above, ten times over, as hard links).
    const small = path.join(root, `files-${RSS_SMALL}`);
    await fillFolder(small, RSS_SMALL);
    const big = path.join(root, 'files-many');
    await fs.mkdir(big);
    const names = readdirSync(dir);
    for (let k = 0; k < RSS_COPIES; k++) {
      await fs.mkdir(path.join(big, `batch-${k}`));
      for (const name of names)
        await fs.link(path.join(dir, name), path.join(big, `batch-${k}`, name));
    }
    const many = n * RSS_COPIES;
    const atSmall = timed([cli, 'check', small, '--json']);
    const atMany = timed([cli, 'check', big, '--json']);
    emit(`cli.check-${RSS_SMALL}.peak-rss`, atSmall.rssMb, 'MB');
    emit(`cli.check-${many}.peak-rss`, atMany.rssMb, 'MB');
    emitTarget(`cli.peak-rss-${many}-vs-${RSS_SMALL}`, atMany.rssMb / atSmall.rssMb, 1.2);
    emit(`cli.check-${many}.ms-per-file`, atMany.ms / many, 'ms');
    // Start-up: one small file, median of 5.
    const one = path.join(dir, `dept-${String(Math.min(1, n - 1)).padStart(5, '0')}.xlsx`);
    const starts = Array.from({ length: STARTUP_RUNS }, () => timed([cli, 'check', one, '--json']));
    emitTarget('cli.start-up-one-file', median(starts.map((s) => s.ms)) / 1000, 0.15, 's');
    emit('cli.start-up-one-file.cpu', median(starts.map((s) => s.cpuMs)), 'ms');
    const empties = Array.from({ length: STARTUP_RUNS }, () => timed(['-e', '0']));
    emit('node.start-up-empty', median(empties.map((s) => s.ms)), 'ms');
    emit('node.start-up-empty.cpu', median(empties.map((s) => s.cpuMs)), 'ms');
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

/** One text run and one with --xlsx and --html, back to back (which goes first alternates). */
function outputPair(
  k: number,
  cli: string,
  dir: string,
  xlsx: string,
  html: string,
): { plain: { ms: number; cpuMs: number }; both: { ms: number; cpuMs: number } } {
  const runPlain = () => timed([cli, 'check', dir]);
  const runBoth = () => timed([cli, 'check', dir, '--xlsx', xlsx, '--html', html]);
  if (k % 2 === 0) {
    const plain = runPlain();
    return { plain, both: runBoth() };
  }
  const both = runBoth();
  return { plain: runPlain(), both };
}

/**
 * What the 汇总 workbook and the HTML report add to a batch (issue 23 item 7): the same folder
 * checked as text alone and with --xlsx and --html, on all cores, BENCH_OUTPUT_RUNS (5) pairs
 * run back to back (the order alternating), so a change in the machine's load falls on both of
 * a pair; the target figure is the median of the pairs' ratios. The sizes of both files.
 */
async function benchOutputs(): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-bench-out-'));
  const cli = process.env.BENCH_CLI ?? path.join(ROOT, 'dist/cli/main.js');
  const runs = count('BENCH_OUTPUT_RUNS', 5);
  try {
    for (const n of [...new Set([RSS_SMALL, FILES])]) {
      emitLoad(`outputs-${n}`);
      const dir = path.join(root, `files-${n}`);
      await fillFolder(dir, n);
      const xlsx = path.join(root, `汇总-${n}.xlsx`);
      const html = path.join(root, `报告-${n}.html`);
      const pairs = Array.from({ length: runs }, (_, k) => outputPair(k, cli, dir, xlsx, html));
      const med = (f: (p: (typeof pairs)[number]) => number) => median(pairs.map(f));
      emit(
        `cli.outputs-${n}.text.ms`,
        med((p) => p.plain.ms),
        'ms',
      );
      emit(
        `cli.outputs-${n}.text+xlsx+html.ms`,
        med((p) => p.both.ms),
        'ms',
      );
      emit(
        `cli.outputs-${n}.text.cpu-ms`,
        med((p) => p.plain.cpuMs),
        'ms',
      );
      emit(
        `cli.outputs-${n}.text+xlsx+html.cpu-ms`,
        med((p) => p.both.cpuMs),
        'ms',
      );
      emitTarget(
        `cli.outputs-${n}.xlsx+html-vs-text`,
        med((p) => p.both.ms / p.plain.ms),
        1.2,
      );
      emitTarget(
        `cli.outputs-${n}.xlsx+html-vs-text.cpu`,
        med((p) => p.both.cpuMs / p.plain.cpuMs),
        1.2,
      );
      emit(`cli.outputs-${n}.xlsx.bytes`, (await fs.stat(xlsx)).size, 'bytes');
      emitTarget(`cli.outputs-${n}.html.mb`, (await fs.stat(html)).size / 1024 / 1024, 5, 'MB');
    }
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

/** Round trips (context.sync) for one 校验 through the Office.js adapter, on the in-memory Excel fake. */
async function benchSyncs(): Promise<void> {
  // Two wrong scores in each synthetic form, so there is something to mark.
  const withMistakes = (n: number) => {
    const rows = syntheticForm(n);
    rows[12][7] = 0;
    rows[13][7] = 0;
    return rows;
  };
  const cases: [string, Buffer][] = [
    ['seed', readFileSync(path.join(ROOT, 'test/fixtures/yuelu-2022.xlsx'))],
    ['2000-rows', await buildWorkbook([{ name: 'Sheet1', rows: withMistakes(2000) }])],
    [
      'other-sheet',
      await buildWorkbook([
        { name: '说明', rows: [['填表说明']] },
        { name: '自评表', rows: withMistakes(17) },
      ]),
    ],
  ];
  for (const [name, bytes] of cases) {
    const host = createFakeHost(await fakeBookFromXlsx(bytes));
    const gateway = createExcelGateway(host);
    await gateway.check();
    emit(`addin.check.syncs.${name}`, host.syncs, 'syncs');
    emit(`addin.check.max-request.${name}`, host.maxRequestBytes, 'bytes');
    emit(`addin.check.max-response.${name}`, host.maxResponseBytes, 'bytes');
    host.syncs = 0;
    await gateway.check();
    emit(`addin.recheck.syncs.${name}`, host.syncs, 'syncs');
    host.syncs = 0;
    await gateway.clearMarks();
    emit(`addin.clear.syncs.${name}`, host.syncs, 'syncs');
  }
}

(async () => {
  corpusFiles = await corpus();
  if (process.argv.includes('--outputs-only')) return benchOutputs();
  if (!process.argv.includes('--batch-only')) {
    await benchEngine();
    await benchSyncs();
  }
  if (!process.argv.includes('--engine-only')) {
    await benchBatch();
    await benchOutputs();
  }
})();
