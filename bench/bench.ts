/**
 * `npm run bench`: JSON lines {"name", "value", "unit"} on stdout.
 *  - engine.check-2000-rows: median time of checkSheets on a synthetic form with 2,000 indicator rows
 *  - addin.*.syncs.*: context.sync round trips of one 校验 / re-check / 清除标记 (seed, 2,000 rows,
 *    the form on another sheet), and the largest request / response of a 校验 in bytes of JSON
 *    (Excel on the web refuses over 5 MB; target under 2 MB)
 *  - exceljs.load-500 / cli.check-500: 500 workbooks, exceljs load alone vs the whole CLI (--json),
 *    each a child process, 5 interleaved rounds (medians), with peak RSS; and the median of the
 *    per-round ratios (target ≤ 1.3)
 */
import { spawnSync } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
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
const emit = (name: string, value: number, unit: string) => console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit }));

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
  emit('engine.check-2000-rows', medianTime(() => checkSheets([large]), 10, 50), 'ms');
  // A seed-sized form, for scale.
  const small = snapshot(syntheticForm(17));
  emit('engine.check-17-rows', medianTime(() => checkSheets([small]), 20, 200), 'ms');
}

/** Runs a node script as a child: wall time and its peak RSS (GNU time's %M, in KB, on stderr's last line). */
function timed(args: string[]): { ms: number; rssMb: number } {
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  // The CLI exits 1 when it finds errors; anything else means the run failed.
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  return { ms, rssMb: Number(r.stderr.trim().split('\n').pop()) / 1024 };
}

async function benchBatch(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-bench-'));
  const seedBytes = readFileSync(path.join(ROOT, 'test/fixtures/yuelu-2022.xlsx'));
  const variants = [seedBytes, readFileSync(path.join(ROOT, 'test/fixtures/yuelu-2022-corrected.xlsx')), await buildWorkbook([{ name: 'Sheet1', rows: syntheticForm(40) }])];
  for (let i = 0; i < 500; i++) await fs.writeFile(path.join(dir, `dept-${String(i).padStart(3, '0')}.xlsx`), variants[i % variants.length]);
  const loader = path.join(dir, 'load-only.js');
  await fs.writeFile(loader, `
const fs = require('fs'); const path = require('path'); const ExcelJS = require(${JSON.stringify(require.resolve('exceljs'))});
(async () => { const dir = process.argv[2];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.xlsx')).sort()) {
    const wb = new ExcelJS.Workbook(); await wb.xlsx.load(fs.readFileSync(path.join(dir, f)));
  } })();`);
  const cli = path.join(ROOT, 'dist/cli/main.js');
  // Interleaved rounds, the ratio taken within each round: this machine's speed drifts by ±10%
  // between runs, more than the difference being measured.
  const rounds: { load: { ms: number; rssMb: number }; check: { ms: number; rssMb: number } }[] = [];
  for (let round = 0; round < 5; round++) rounds.push({ load: timed([loader, dir]), check: timed([cli, 'check', dir, '--json']) });
  emit('exceljs.load-500', median(rounds.map((r) => r.load.ms)), 'ms');
  emit('cli.check-500', median(rounds.map((r) => r.check.ms)), 'ms');
  emit('cli.check-500-vs-load', median(rounds.map((r) => r.check.ms / r.load.ms)), 'ratio');
  emit('exceljs.load-500.peak-rss', Math.max(...rounds.map((r) => r.load.rssMb)), 'MB');
  emit('cli.check-500.peak-rss', Math.max(...rounds.map((r) => r.check.rssMb)), 'MB');
  await fs.rm(dir, { recursive: true, force: true });
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
    ['other-sheet', await buildWorkbook([{ name: '说明', rows: [['填表说明']] }, { name: '自评表', rows: withMistakes(17) }])],
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
