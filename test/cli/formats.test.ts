import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/cli';
import { pace } from '../../src/cli/commands/progress';
import { FORMATS } from '../../src/cli/formatters';
import { FORMAT_NAMES } from '../../src/cli/formatters/format';
import { colourWanted } from '../../src/cli/formatters/colour';
import { FIXTURES, runCli } from '../helpers/cli';

/**
 * Issue 23 items 1, 4 and 6 on the seed and the real forms: the totals line, --quiet, the
 * formats registry (--format), rule ids and colours in the text report, the progress line.
 */
const SEED = path.join(FIXTURES, 'yuelu-2022.xlsx');
const CORRECTED = path.join(FIXTURES, 'yuelu-2022-corrected.xlsx');
const REAL = path.join(FIXTURES, 'real');

test('every format is one registered module', () => {
  expect(Object.keys(FORMATS).sort()).toEqual([...FORMAT_NAMES].sort());
  for (const name of FORMAT_NAMES) expect(FORMATS[name].name).toBe(name);
});

test('the text run ends with a totals line that adds up what the JSON says', async () => {
  const text = await runCli(['check', REAL, SEED]);
  const json = JSON.parse((await runCli(['check', REAL, SEED, '--json'])).stdout) as {
    status: string;
    summary: { errors: number; warnings: number; infos: number; verdict: string | null };
  }[];
  const last = text.stdout.trimEnd().split('\n').pop() ?? '';
  const checked = json.filter((r) => r.status === 'checked');
  const sum = (k: 'errors' | 'warnings' | 'infos') => checked.reduce((n, r) => n + r.summary[k], 0);
  const verdicts = (v: string) => json.filter((r) => r.summary.verdict === v).length;
  expect(last).toMatch(/^合计：\d+ 个文件，/);
  expect(last).toContain(`${checked.length} 张自评表；已校验 ${checked.length}`);
  expect(last).toContain(`未找到自评表 ${json.filter((r) => r.status === 'not-a-form').length}`);
  expect(last).toContain(`错误 ${sum('errors')}，警告 ${sum('warnings')}，提示 ${sum('infos')}`);
  expect(last).toContain(
    `需修改 ${verdicts('需修改')}，需说明 ${verdicts('需说明')}，可报送 ${verdicts('可报送')}`,
  );
  expect(last).toMatch(/用时 [\d.]+ 秒。$/);
  // The rule id of each finding is printed beside it.
  expect(text.stdout).toMatch(/\[funds\.sum-mismatch\]/);
}, 120_000);

test('--quiet prints only the forms that need work and the totals line', async () => {
  const r = await runCli(['check', SEED, CORRECTED, '--quiet']);
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^需修改 {2}.*yuelu-2022\.xlsx［.+］：错误 \d+/);
  expect(lines[1]).toMatch(/^合计：2 个文件，2 张自评表；.*可报送 1；/);
  expect(r.code).toBe(1);
});

test('colours on a terminal, none with NO_COLOR or into a pipe', async () => {
  expect(colourWanted(true, {})).toBe(true);
  expect(colourWanted(true, { NO_COLOR: '1' })).toBe(false);
  expect(colourWanted(false, {})).toBe(false);
  expect(colourWanted(false, { FORCE_COLOR: '1' })).toBe(true);
  const saved = { ...process.env };
  try {
    delete process.env.NO_COLOR;
    delete process.env.FORCE_COLOR;
    let out = '';
    await run(['check', SEED], {
      stdout: (t) => (out += t),
      stderr: () => undefined,
      stderrIsTTY: false,
      stdoutIsTTY: true,
    });
    expect(out).toContain('\x1b[31m错误');
    process.env.NO_COLOR = '1';
    out = '';
    await run(['check', SEED], {
      stdout: (t) => (out += t),
      stderr: () => undefined,
      stderrIsTTY: false,
      stdoutIsTTY: true,
    });
    expect(out).not.toContain('\x1b[');
  } finally {
    process.env = saved;
  }
});

test('--format json is --json; --format csv prints the CSV; a bad format is refused (exit 2)', async () => {
  const a = await runCli(['check', SEED, '--json']);
  const b = await runCli(['check', SEED, '--format', 'json']);
  expect(b.stdout).toBe(a.stdout);
  const csv = await runCli(['check', SEED, '--format', 'csv']);
  expect(csv.stdout.startsWith('\uFEFF文件,工作表,')).toBe(true);
  expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(2);
  const bad = await runCli(['check', SEED, '--format', 'pdf']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--format 需要 text、json、csv、xlsx、html 之一，收到“pdf”。');
});

test('--xlsx and --html never write over an input, nor over each other', async () => {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-formats-'));
  try {
    const input = path.join(tmp, 'a.xlsx');
    await fs.copyFile(SEED, input);
    const before = await fs.readFile(input);
    const r = await runCli(['check', input, '--xlsx', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--xlsx 指向的');
    const h = await runCli(['check', input, '--html', input]);
    expect(h.code).toBe(2);
    expect(await fs.readFile(input)).toEqual(before);
    const same = path.join(tmp, 'x.out');
    const both = await runCli(['check', input, '--xlsx', same, '--html', same]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('指向同一个文件');
    // Nothing left behind: no temporary, no partial output.
    expect((await fs.readdir(tmp)).sort()).toEqual(['a.xlsx']);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
});

test('the progress line tells the rate and the time left', () => {
  expect(pace(30, 300, 10_000)).toBe('3.0 份/秒，约剩 1 分 30 秒');
  expect(pace(150, 3000, 10_000)).toBe('15 份/秒，约剩 3 分 10 秒');
  expect(pace(0, 10, 0)).toBe('');
});
