import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { promises as fs, readdirSync, lstatSync, readFileSync, statSync } from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { FIXTURES, ROOT } from '../helpers/cli';
import { workbookParts, zip } from '../helpers/zip';

/**
 * A hostile inbox, generated at test time (nothing large is committed): devices, FIFOs, sockets,
 * bombs, lying headers, links, odd names, clobbering outputs, closed pipes and full disks. Each
 * case runs the built CLI and asserts the exit code, one sentence, no stack trace, inputs
 * unchanged, nothing written outside --out, and the batch going on past the bad file.
 */
const SEED = path.join(FIXTURES, 'yuelu-2022.xlsx');
const CORRECTED = path.join(FIXTURES, 'yuelu-2022-corrected.xlsx');
const MAIN = path.join(ROOT, 'dist/cli/main.js');

let tmp: string;
let inbox: string;
beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-hostile-')));
  inbox = path.join(tmp, 'inbox');
  await fs.mkdir(inbox);
  await fs.copyFile(CORRECTED, path.join(inbox, 'good.xlsx'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Run {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    encoding: 'utf8',
    cwd: options.cwd ?? tmp,
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under dir (links not followed) with its hash: to prove nothing changed. Names as bytes (some are not UTF-8). */
function snapshotTree(dir: string, skip: string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  const skipped = skip.map((s) => Buffer.from(s));
  const walk = (d: Buffer) => {
    for (const raw of readdirSync(d, { encoding: 'buffer' })) {
      const full = Buffer.concat([d, Buffer.from(path.sep), raw]);
      if (
        skipped.some(
          (s) =>
            full.equals(s) ||
            (full.length > s.length &&
              full.subarray(0, s.length).equals(s) &&
              full[s.length] === 0x2f),
        )
      )
        continue;
      const st = lstatSync(full);
      if (st.isDirectory()) walk(full);
      else
        out.set(
          full.toString('latin1'),
          st.isFile()
            ? createHash('sha256').update(readFileSync(full)).digest('hex')
            : `${st.mode}`,
        );
    }
  };
  walk(Buffer.from(dir));
  return out;
}

function expectClean(r: Run): void {
  // The temporary folder's random name (selfeval-hostile-mEIMRG) is no errno text.
  expect(r.stderr.split(tmp).join('')).not.toMatch(/\n\s+at |Error:|ERR_|E[A-Z]{3,}\b/);
  expect(r.stdout).not.toMatch(/\n\s+at /);
}

/** Runs an attack on the inbox (plus the good file): the bad file gets its sentence, the good one is checked. */
async function attack(
  badName: string,
  sentence: RegExp,
  extra: string[] = [],
  env?: Record<string, string>,
): Promise<Run> {
  const out = path.join(tmp, 'out');
  const before = snapshotTree(tmp);
  const r = cli(['check', inbox, '--json', '--out', out, ...extra], { env });
  expectClean(r);
  expect(r.code).toBe(2);
  const report = JSON.parse(r.stdout) as { file: string; status: string; message: string | null }[];
  const bad = report.filter((e) => e.file.includes(badName));
  expect(bad).toHaveLength(1);
  expect(bad[0].status).toBe('unreadable');
  expect(bad[0].message).toMatch(sentence);
  expect(bad[0].message!.split('。').filter((s) => s.trim()).length).toBeLessThanOrEqual(2);
  // The sentence is said once on stderr, on a line of its own.
  expect(r.stderr.split('\n').filter((l) => l.includes(badName))).toHaveLength(1);
  // The batch went on: the good file is checked and has its copy.
  expect(report.find((e) => e.file.endsWith('good.xlsx'))?.status).toBe('checked');
  await fs.access(path.join(out, 'good.checked.xlsx'));
  // Inputs unchanged, and nothing written outside --out.
  expect(snapshotTree(tmp, [out])).toEqual(before);
  return r;
}

describe('each file in isolation, under limits', () => {
  test('a FIFO named .xlsx: a sentence, no hang', async () => {
    execFileSync('mkfifo', [path.join(inbox, 'pipe.xlsx')]);
    await attack('pipe.xlsx', /命名管道/);
  });

  test('a link to /dev/zero given on the command line and found in a folder: a sentence, no memory blow-up', async () => {
    await fs.symlink('/dev/zero', path.join(inbox, 'zero.xlsx'));
    await attack('zero.xlsx', /设备文件/);
    const r = cli(['check', path.join(inbox, 'zero.xlsx'), SEED, '--json']);
    expectClean(r);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).map((e: { status: string }) => e.status)).toEqual([
      'unreadable',
      'checked',
    ]);
  });

  test('a socket named .xlsx', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(inbox, 'sock.xlsx'), resolve));
    try {
      await attack('sock.xlsx', /套接字/);
    } finally {
      server.close();
    }
  });

  test('a file over the size limit says which limit and how to raise it', async () => {
    await fs.writeFile(
      path.join(inbox, 'big.xlsx'),
      Buffer.alloc(2 * 1024 * 1024 + statSync(CORRECTED).size, 7),
    );
    const r = await attack('big.xlsx', /大小限制.*--max-file-mb \d/, ['--max-file-mb', '2']);
    expect(r.stderr).toContain('--max-file-mb');
  });

  test('a zip bomb is refused from its directory, before inflating', async () => {
    // 30 MB of one character compresses to ~30 KB; the limit at --max-file-mb 1 is 20 MB unzipped.
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'a'.repeat(30 * 1024 * 1024)}</t></is></c></row></sheetData></worksheet>`;
    await fs.writeFile(path.join(inbox, 'bomb.xlsx'), zip(workbookParts(sheet)));
    await attack('bomb.xlsx', /解压大小限制.*--max-file-mb/, ['--max-file-mb', '1']);
  }, 60_000);

  test('a bomb whose header lies about its size is stopped while inflating', async () => {
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'a'.repeat(30 * 1024 * 1024)}</t></is></c></row></sheetData></worksheet>`;
    const parts = workbookParts(sheet).map((p) =>
      p.name.includes('sheet1') ? { ...p, claimSize: 1000 } : p,
    );
    await fs.writeFile(path.join(inbox, 'liar.xlsx'), zip(parts));
    await attack('liar.xlsx', /解压大小限制/, ['--max-file-mb', '1']);
  }, 60_000);

  test('XML entity expansion (billion laughs) is not expanded', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row></sheetData></worksheet>`;
    await fs.writeFile(path.join(inbox, 'laughs.xlsx'), zip(workbookParts(laughs)));
    await attack('laughs.xlsx', /已损坏|未找到/);
  });

  test('over the time limit: a sentence per file, the batch goes on', async () => {
    await fs.copyFile(SEED, path.join(inbox, 'slow.xlsx'));
    const r = cli(['check', inbox, '--json'], { env: { SELFEVAL_TEST_TIME_MS: '1' } });
    expectClean(r);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report).toHaveLength(2);
    for (const e of report) expect(e.message).toMatch(/时间限制.*--max-file-mb/);
  });

  test('over the memory limit: a sentence, the batch goes on', async () => {
    // Two million distinct shared strings: far more heap than 48 MB.
    const n = 2_000_000;
    const strings = ['<sst>'];
    for (let i = 0; i < n; i++) strings.push(`<si><t>s${i}</t></si>`);
    strings.push('</sst>');
    await fs.writeFile(
      path.join(inbox, 'hog.xlsx'),
      zip(workbookParts('<worksheet><sheetData/></worksheet>', strings.join(''))),
    );
    await attack('hog.xlsx', /内存限制.*--max-file-mb/, ['--jobs', '1'], {
      SELFEVAL_TEST_MEMORY_MB: '48',
    });
  }, 120_000);
  test('a file that ends its worker costs the files queued behind it nothing', async () => {
    // One worker is handed its next files while it checks the hog; they must go to a new one.
    const n = 2_000_000;
    const strings = ['<sst>'];
    for (let i = 0; i < n; i++) strings.push(`<si><t>s${i}</t></si>`);
    strings.push('</sst>');
    const queue = path.join(tmp, 'queue');
    await fs.mkdir(queue);
    await fs.writeFile(
      path.join(queue, '1.xlsx'),
      zip(workbookParts('<worksheet><sheetData/></worksheet>', strings.join(''))),
    );
    await fs.copyFile(SEED, path.join(queue, '2.xlsx'));
    await fs.copyFile(CORRECTED, path.join(queue, '3.xlsx'));
    await fs.copyFile(SEED, path.join(queue, '4.xlsx'));
    const r = cli(['check', queue, '--json', '--jobs', '1'], {
      env: { SELFEVAL_TEST_MEMORY_MB: '48' },
    });
    expectClean(r);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { file: string; status: string; message: string }[];
    expect(report.map((e) => [path.basename(e.file), e.status])).toEqual([
      ['1.xlsx', 'unreadable'],
      ['2.xlsx', 'checked'],
      ['3.xlsx', 'checked'],
      ['4.xlsx', 'checked'],
    ]);
    expect(report[0].message).toMatch(/内存限制/);
  }, 120_000);
});

describe('nothing lost or overwritten', () => {
  test('same-named inputs given separately get two copies', async () => {
    await fs.mkdir(path.join(tmp, 'a'));
    await fs.mkdir(path.join(tmp, 'b'));
    await fs.copyFile(SEED, path.join(tmp, 'a', 'x.xlsx'));
    await fs.copyFile(CORRECTED, path.join(tmp, 'b', 'x.xlsx'));
    const r = cli(['check', 'a/x.xlsx', 'b/x.xlsx', '--out', 'out']);
    expectClean(r);
    expect(r.code).toBe(1);
    expect(readdirSync(path.join(tmp, 'out')).sort()).toEqual([
      'x.checked.xlsx',
      'x（2）.checked.xlsx',
    ]);
  });

  test.each([
    ['--csv is an input', ['--csv', 'inbox/good.xlsx'], /--csv.*输入文件/],
    ['--csv is a link to an input', ['--csv', 'link.csv'], /--csv.*输入文件/],
    ['--csv is a hard link to an input', ['--csv', 'hard.csv'], /--csv.*输入文件/],
    ['--out is an input', ['--out', 'inbox/good.xlsx'], /--out.*输入文件/],
    ["--out is inside an input's place", ['--out', 'inbox/good.xlsx/sub'], /--out.*输入文件/],
  ])('%s: refused with exit 2 before anything runs', async (_what, extra, sentence) => {
    await fs.symlink(path.join(inbox, 'good.xlsx'), path.join(tmp, 'link.csv'));
    await fs.link(path.join(inbox, 'good.xlsx'), path.join(tmp, 'hard.csv'));
    const before = snapshotTree(tmp);
    const r = cli(['check', 'inbox', ...extra]);
    expectClean(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(sentence);
    expect(r.stdout).toBe('');
    expect(snapshotTree(tmp)).toEqual(before);
  });

  test("a folder link planted inside --out is not followed; a link at the copy's name is replaced, not written through", async () => {
    const elsewhere = path.join(tmp, 'elsewhere');
    await fs.mkdir(elsewhere);
    await fs.writeFile(path.join(elsewhere, 'victim.xlsx'), 'precious');
    await fs.mkdir(path.join(inbox, 'sub'));
    await fs.copyFile(SEED, path.join(inbox, 'sub', 'x.xlsx'));
    const out = path.join(tmp, 'out');
    await fs.mkdir(out);
    await fs.symlink(elsewhere, path.join(out, 'sub'));
    await fs.symlink(path.join(elsewhere, 'victim.xlsx'), path.join(out, 'good.checked.xlsx'));
    const r = cli(['check', 'inbox', '--out', 'out']);
    expectClean(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/x\.checked\.xlsx.*--out 以外/);
    expect(readdirSync(elsewhere)).toEqual(['victim.xlsx']);
    expect(readFileSync(path.join(elsewhere, 'victim.xlsx'), 'utf8')).toBe('precious');
    expect(lstatSync(path.join(out, 'good.checked.xlsx')).isFile()).toBe(true);
  });

  test('a closed pipe (| head) ends the run with a sentence and exit 2, no stack trace', async () => {
    for (let i = 0; i < 30; i++) await fs.copyFile(SEED, path.join(inbox, `f${i}.xlsx`));
    const r = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" "${MAIN}" check inbox --json | head -c 100 >/dev/null; echo "rc=\${PIPESTATUS:-}"`,
      ],
      { cwd: tmp, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).toContain('管道已断开');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const status = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${MAIN}" check inbox --json | head -c 100 >/dev/null; exit \${PIPESTATUS[0]}`,
      ],
      { cwd: tmp, encoding: 'utf8', timeout: 60_000 },
    );
    expect(status.status).toBe(2);
  });

  test('a full disk on stdout (/dev/full) ends the run with a sentence and exit 2', async () => {
    const r = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${MAIN}" check inbox --json > /dev/full`],
      { cwd: tmp, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('磁盘空间不足');
    expect(r.stderr).not.toMatch(/\n\s+at |ENOSPC/);
  });

  test('--csv is written atomically: a failed run leaves the old CSV in place', async () => {
    await fs.writeFile(path.join(tmp, 'sum.csv'), 'old');
    const r = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${MAIN}" check inbox --csv sum.csv > /dev/full`],
      { cwd: tmp, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status).toBe(2);
    expect(readFileSync(path.join(tmp, 'sum.csv'), 'utf8')).toBe('old');
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('one bad path stops nothing', () => {
  test('a broken link in a folder', async () => {
    await fs.symlink(path.join(tmp, 'gone.xlsx'), path.join(inbox, 'broken.xlsx'));
    await attack('broken.xlsx', /断开的链接/);
  });

  test('a name that is not UTF-8', async () => {
    await fs.writeFile(
      Buffer.concat([Buffer.from(inbox + '/bad'), Buffer.from([0xff, 0xfe]), Buffer.from('.xlsx')]),
      'x',
    );
    await attack('bad', /UTF-8/);
  });

  test('odd names: a leading dash after --, escape characters, a name too long for a temporary file', async () => {
    const esc = '\x1b[31m红\x07.xlsx';
    const long = `${'长'.repeat(80)}.xlsx`; // 245 bytes: its copy's name would be 253, a temporary name longer still
    await fs.copyFile(SEED, path.join(tmp, '-dash.xlsx'));
    await fs.copyFile(SEED, path.join(tmp, esc));
    await fs.copyFile(SEED, path.join(tmp, long));
    const r = cli(['check', '--out', 'out', '--', '-dash.xlsx', esc, long]);
    expectClean(r);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(r.stdout).toContain('\\x1b[31m红\\x07.xlsx');
    const copies = readdirSync(path.join(tmp, 'out'));
    expect(copies).toHaveLength(3);
    expect(copies).toContain('-dash.checked.xlsx');
    expect(copies).toContain(`${'长'.repeat(80)}.checked.xlsx`);
  });

  test('CSV cells that Excel would run are guarded', async () => {
    await fs.copyFile(SEED, path.join(tmp, '=HYPERLINK(1).xlsx'));
    await fs.copyFile(SEED, path.join(tmp, '@x.xlsx'));
    const r = cli(['check', '--csv', 'sum.csv', '--', '=HYPERLINK(1).xlsx', '@x.xlsx']);
    expectClean(r);
    const csv = readFileSync(path.join(tmp, 'sum.csv'), 'utf8');
    expect(csv).toContain("\n'=HYPERLINK(1).xlsx,");
    expect(csv).toContain("\n'@x.xlsx,");
  });
});

describe('order and streaming', () => {
  // The zh-CN collation puts Chinese names before Latin ones.
  test('natural order, and the same output whatever the number of jobs', async () => {
    for (const n of [10, 2, 1, 21])
      await fs.copyFile(n % 2 ? SEED : CORRECTED, path.join(inbox, `第${n}号.xlsx`));
    const one = cli(['check', 'inbox', '--json', '--jobs', '1']);
    const four = cli(['check', 'inbox', '--json', '--jobs', '4']);
    expect(four.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).map((e: { file: string }) => path.basename(e.file))).toEqual([
      '第1号.xlsx',
      '第2号.xlsx',
      '第10号.xlsx',
      '第21号.xlsx',
      'good.xlsx',
    ]);
  });
});
