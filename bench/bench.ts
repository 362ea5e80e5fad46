/**
 * `npm run bench`: JSON lines {"name", "value", "unit"} on stdout.
 *  - engine.check-2000-rows: median time of checkSheets on a synthetic form with 2,000 indicator rows
 *  - addin.*.syncs.*: context.sync round trips of one 校验 / re-check / 清除标记 (seed, 2,000 rows,
 *    the form on another sheet), and the largest request / response of a 校验 in bytes of JSON
 *    (Excel on the web refuses over 5 MB; target under 2 MB)
 *  - on 3,000 realistic workbooks, ms per file: the CLI (--json, one job), exceljs loading alone,
 *    and the raw floor (unzip + SAX of the same parts, no engine), with the ratios against the
 *    targets (CLI ≤ 1.5× the floor, ≤ 0.5× exceljs loading); the CLI on all cores
 *  - peak RSS of the CLI at 300 and 30,000 files and their ratio (target ≤ 1.2)
 *  - start-up for one small file, and for an empty node, for scale
 */
import { spawnSync } from 'child_process';
import { promises as fs, readdirSync, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkSheets } from '../src/engine/check';
import { buildWorkbook } from '../test/helpers/workbook';
import { snapshot } from '../test/helpers/grid';
import { syntheticForm } from './synthetic';
import { createExcelGateway } from '../src/addin/host/excelGateway';
import { createFakeHost } from '../test/fakes/fakeExcel';
import { fakeBookFromXlsx } from '../test/fakes/fromExcelJs';

const ROOT = path.resolve(__dirname, '../..');
const emit = (name: string, value: number, unit: string) =>
  console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit }));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time of `fn` in ms, after `warm` untimed runs. */
function medianTime(fn: () => void, warm: number, runs: number): number {
  for (let i = 0; i < warm; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

function benchEngine(): void {
  const large = snapshot(syntheticForm(2000));
  emit(
    'engine.check-2000-rows',
    medianTime(() => checkSheets([large]), 10, 50),
    'ms',
  );
  // A seed-sized form, for scale.
  const small = snapshot(syntheticForm(17));
  emit(
    'engine.check-17-rows',
    medianTime(() => checkSheets([small]), 20, 200),
    'ms',
  );
}

/** Runs a node script as a child: wall time and its peak RSS (GNU time's %M, in KB, on stderr's last line). */
function timed(args: string[]): { ms: number; rssMb: number } {
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  // The CLI exits 1 when it finds errors; anything else means the run failed.
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  return { ms, rssMb: Number(r.stderr.trim().split('\n').pop()) / 1024 };
}

/**
 * The scripts timed against the CLI, each a child process over the same folder:
 *  - load-only: exceljs loading each workbook (what the CLI used to spend most of its time on);
 *  - raw floor: unzip (Node's zlib) + a saxes pass over the same parts the lean reader reads
 *    (workbook, rels, shared strings, styles, sheets), no engine, nothing kept;
 *  both one process over the whole folder, as the CLI is. The CLI gets --jobs 1, so the ratio compares one core with one core.
 */
async function writeScripts(dir: string): Promise<{ loader: string; floor: string }> {
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
  return { loader, floor };
}

async function fillFolder(dir: string, count: number): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const variants = [
    readFileSync(path.join(ROOT, 'test/fixtures/yuelu-2022.xlsx')),
    readFileSync(path.join(ROOT, 'test/fixtures/yuelu-2022-corrected.xlsx')),
    await buildWorkbook([{ name: 'Sheet1', rows: syntheticForm(40) }]),
    ...readdirSync(path.join(ROOT, 'test/fixtures/real'))
      .filter((f) => f.endsWith('.xlsx') && !f.startsWith('notform-'))
      .map((f) => readFileSync(path.join(ROOT, 'test/fixtures/real', f))),
  ];
  for (let i = 0; i < count; i++)
    await fs.writeFile(
      path.join(dir, `dept-${String(i).padStart(5, '0')}.xlsx`),
      variants[i % variants.length],
    );
}

async function benchBatch(): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-bench-'));
  const cli = path.join(ROOT, 'dist/cli/main.js');
  try {
    const { loader, floor } = await writeScripts(root);
    // 3,000 realistic files: the seed, its corrected copy, a synthetic form and every real published form.
    const dir = path.join(root, 'files-3000');
    await fillFolder(dir, 3000);
    const n = 3000;
    const cliRun = timed([cli, 'check', dir, '--json', '--jobs', '1']);
    const floorRun = timed([floor, dir]);
    const loadRun = timed([loader, dir]);
    emit('cli.check-3000.ms-per-file', cliRun.ms / n, 'ms');
    emit('exceljs.load-3000.ms-per-file', loadRun.ms / n, 'ms');
    emit('raw-floor.unzip-sax-3000.ms-per-file', floorRun.ms / n, 'ms');
    emit('cli.vs-raw-floor', cliRun.ms / floorRun.ms, 'ratio (target ≤ 1.5)');
    emit('cli.vs-exceljs-load', cliRun.ms / loadRun.ms, 'ratio (target ≤ 0.5)');
    const pool = timed([cli, 'check', dir, '--json']);
    emit('cli.check-3000.all-cores.ms-per-file', pool.ms / n, 'ms');
    // Peak memory at 300 and at 30,000 files (the 3,000 above, ten times over, as hard links).
    const small = path.join(root, 'files-300');
    await fillFolder(small, 300);
    const big = path.join(root, 'files-30000');
    await fs.mkdir(big);
    const names = readdirSync(dir);
    for (let k = 0; k < 10; k++) {
      await fs.mkdir(path.join(big, `batch-${k}`));
      for (const name of names)
        await fs.link(path.join(dir, name), path.join(big, `batch-${k}`, name));
    }
    const at300 = timed([cli, 'check', small, '--json']);
    const at30000 = timed([cli, 'check', big, '--json']);
    emit('cli.check-300.peak-rss', at300.rssMb, 'MB');
    emit('cli.check-30000.peak-rss', at30000.rssMb, 'MB');
    emit('cli.peak-rss-30000-vs-300', at30000.rssMb / at300.rssMb, 'ratio (target ≤ 1.2)');
    emit('cli.check-30000.ms-per-file', at30000.ms / 30000, 'ms');
    // Start-up: one small file, median of 5.
    const one = path.join(dir, 'dept-00001.xlsx');
    emit(
      'cli.start-up-one-file',
      median(Array.from({ length: 5 }, () => timed([cli, 'check', one, '--json']).ms)),
      'ms',
    );
    emit(
      'node.start-up-empty',
      median(Array.from({ length: 5 }, () => timed(['-e', '0']).ms)),
      'ms',
    );
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
  benchEngine();
  await benchSyncs();
  if (!process.argv.includes('--engine-only')) await benchBatch();
})();
