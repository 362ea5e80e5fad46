import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from '../../src/cli/args';
import { run } from '../../src/cli/cli';
import { naturalCompare } from '../../src/cli/files';
import { guard } from '../../src/cli/formatters/csv';
import { safe } from '../../src/cli/formatters/safe';
import { FIXTURES, runCli } from '../helpers/cli';

const SEED = path.join(FIXTURES, 'yuelu-2022.xlsx');

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-batch-'));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await fs.rm(tmp, { recursive: true, force: true });
});

test('an unreadable sub-folder gets a sentence; the rest of the batch goes on', async () => {
  await fs.mkdir(path.join(tmp, 'locked'));
  await fs.copyFile(SEED, path.join(tmp, 'a.xlsx'));
  const readdir = fs.readdir.bind(fs);
  jest.spyOn(fs, 'readdir').mockImplementation((async (p: string, o: unknown) => {
    if (String(p).endsWith('locked'))
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    return readdir(p, o as never);
  }) as never);
  const r = await runCli(['check', tmp, '--json']);
  expect(r.code).toBe(2);
  const report = JSON.parse(r.stdout);
  expect(report.map((e: { status: string }) => e.status).sort()).toEqual(['checked', 'unreadable']);
  expect(r.stderr).toMatch(/locked：没有读取该文件夹的权限/);
  expect(r.stderr).not.toMatch(/EACCES/);
});

test('on a terminal, messages never land on the progress line', async () => {
  for (let i = 0; i < 12; i++) await fs.copyFile(SEED, path.join(tmp, `f${i}.xlsx`));
  await fs.writeFile(path.join(tmp, 'f5b.xlsx'), 'junk');
  let stderr = '';
  await run(['check', tmp, '--json'], {
    stdout: () => undefined,
    stderr: (t) => (stderr += t),
    stderrIsTTY: true,
  });
  const message = stderr.indexOf(`${path.join(tmp, 'f5b.xlsx')}：`);
  expect(message).toBeGreaterThan(0);
  // The progress line was cleared just before the message.
  expect(stderr.slice(message - 4, message)).toBe('\r\x1b[K');
  expect(stderr).toContain('[13/13]');
});

test('-- ends the options; --jobs and --max-file-mb are checked', () => {
  expect(parseArgs(['check', '--json', '--', '--out', '-x.xlsx'])).toMatchObject({
    paths: ['--out', '-x.xlsx'],
    json: true,
    outDir: null,
  });
  expect(parseArgs(['check', 'a', '--jobs', '0'])).toMatchObject({ command: 'error' });
  expect(parseArgs(['check', 'a', '--max-file-mb', 'x'])).toMatchObject({ command: 'error' });
  expect(parseArgs(['check', 'a', '--jobs', '3', '--max-file-mb', '50'])).toMatchObject({
    jobs: 3,
    maxFileMb: 50,
  });
});

test('natural order', () => {
  expect(['第10号', '第2号', '第1号', 'a10', 'a9'].sort(naturalCompare)).toEqual([
    '第1号',
    '第2号',
    '第10号',
    'a9',
    'a10',
  ]);
});

test('control characters are shown escaped; CSV formulas are guarded, numbers are not', () => {
  expect(safe('a\x1b[31mb\r\n\u202ec\x9b')).toBe('a\\x1b[31mb\\r\\n\\u202ec\\x9b');
  expect(['=1+1', '+a', '-a', '@a', '\tx', '-3.5', '12', 'ok'].map(guard)).toEqual([
    "'=1+1",
    "'+a",
    "'-a",
    "'@a",
    "'\tx",
    '-3.5',
    '12',
    'ok',
  ]);
});

test('an output error is a sentence, not errno text, and stops the run with 2', async () => {
  let stderr = '';
  const code = await run(['check', SEED, '--json'], {
    stdout: () => {
      throw new (require('../../src/cli/errors').OutputError)(
        Object.assign(new Error('x'), { code: 'ENOSPC' }),
      );
    },
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
  });
  expect(code).toBe(2);
  expect(stderr).toBe('selfeval：无法写入标准输出：磁盘空间不足。已停止校验。\n');
});
