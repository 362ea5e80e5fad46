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

/** A copy of a package with one part's text changed (every part re-zipped by the test's own writer). */
function withPart(file: string, part: string, edit: (xml: string) => string): Buffer {
  const buf = readFileSync(file);
  const { readDirectory, dataOf } =
    require('../../src/adapters/xlsx/zip') as typeof import('../../src/adapters/xlsx/zip');
  const { inflateRawSync } = require('zlib') as typeof import('zlib');
  return zip(
    [...readDirectory(buf)]
      .filter(([name]) => !name.endsWith('/'))
      .map(([name, e]) => {
        const d = dataOf(buf, e);
        const raw = e.method === 0 ? Buffer.from(d) : inflateRawSync(d);
        return { name, data: name === part ? edit(raw.toString('utf8')) : raw };
      }),
  );
}

const SEED_DOCX = path.join(FIXTURES, 'docx', 'yuelu-2022.docx');
const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);

/**
 * Issue 21's attack cases, each inside a folder of good files: the bad file gets one Chinese
 * sentence, every other file its result and copy, the JSON complete, nothing written elsewhere.
 */
describe('issue 21: no input ends the run', () => {
  test('a .docx cell with gridSpan 2,000,000,000: that file a limit sentence, the run complete', async () => {
    await fs.writeFile(
      path.join(inbox, 'span.docx'),
      withPart(SEED_DOCX, 'word/document.xml', (x) =>
        x.replace('<w:tcPr>', '<w:tcPr><w:gridSpan w:val="2000000000"/>'),
      ),
    );
    await attack('span.docx', /内存限制|时间限制|内部错误/, [], { SELFEVAL_TEST_MEMORY_MB: '128' });
  }, 120_000);

  test('an .xlsx with one merge A100:XFD1048576, in a folder and alone: read within 128 MB, nothing lost', async () => {
    // Once a V8 abort (exit 134, every result lost); the merge index is now cut to the grid, so the
    // merge costs what the sheet's cells cost and the form is checked like its original.
    const bomb = withPart(SEED, 'xl/worksheets/sheet1.xml', (x) =>
      x.replace(
        /<mergeCells count="(\d+)">/,
        (_m, n: string) =>
          `<mergeCells count="${Number(n) + 1}"><mergeCell ref="A100:XFD1048576"/>`,
      ),
    );
    await fs.writeFile(path.join(inbox, 'merge.xlsx'), bomb);
    const env = { SELFEVAL_TEST_MEMORY_MB: '128' };
    const out = path.join(tmp, 'out');
    const inFolder = cli(['check', inbox, '--json', '--out', out], { env });
    expectClean(inFolder);
    const report = JSON.parse(inFolder.stdout) as { file: string; status: string }[];
    expect(report.map((e) => [path.basename(e.file), e.status])).toEqual(
      expect.arrayContaining([
        ['merge.xlsx', 'checked'],
        ['good.xlsx', 'checked'],
      ]),
    );
    await fs.access(path.join(out, 'good.checked.xlsx'));
    await fs.access(path.join(out, 'merge.checked.xlsx'));
    const alone = cli(['check', path.join(inbox, 'merge.xlsx'), '--json'], { env });
    expectClean(alone);
    expect(alone.code).toBe(1); // the seed's own two errors
    expect(JSON.parse(alone.stdout)[0].status).toBe('checked');
  }, 180_000);

  test('a .docx inflating past the unzipped limit is refused (and so is a --report)', async () => {
    const bomb = withPart(SEED_DOCX, 'word/document.xml', (x) =>
      x.replace('<w:body>', `<w:body><!--${' '.repeat(30 * 1024 * 1024)}-->`),
    );
    await fs.writeFile(path.join(inbox, 'bomb.docx'), bomb);
    await attack('bomb.docx', /解压大小限制/, ['--max-file-mb', '1']);
  }, 60_000);

  test('deep nesting and an invalid w:sym never show raw English', async () => {
    await fs.writeFile(
      path.join(inbox, 'nested.docx'),
      withPart(SEED_DOCX, 'word/document.xml', (x) =>
        x.replace(
          '<w:body>',
          `<w:body><w:p>${'<w:hyperlink>'.repeat(50_000)}<w:r><w:t>x</w:t></w:r>${'</w:hyperlink>'.repeat(50_000)}</w:p>`,
        ),
      ),
    );
    await fs.writeFile(
      path.join(inbox, 'sym.docx'),
      withPart(SEED_DOCX, 'word/document.xml', (x) =>
        x.replace(
          '<w:body>',
          '<w:body><w:p><w:r><w:sym w:font="Symbol" w:char="110000"/></w:r></w:p>',
        ),
      ),
    );
    const r = cli(['check', inbox, '--json']);
    expectClean(r);
    expect(r.stderr).not.toMatch(/Maximum call stack|Invalid code point|RangeError/);
    const report = JSON.parse(r.stdout) as {
      file: string;
      status: string;
      message: string | null;
    }[];
    expect(report.find((e) => e.file.endsWith('good.xlsx'))?.status).toBe('checked');
    for (const e of report)
      if (e.message) expect(e.message).not.toMatch(/[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}/);
  }, 60_000);
});

describe('issue 21: writes go only where asked', () => {
  test('--csv onto a FIFO or a device is refused, the node untouched, exit 2', async () => {
    const fifo = path.join(tmp, 'csv.fifo');
    execFileSync('mkfifo', [fifo]);
    const r = cli(['check', inbox, '--csv', fifo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/命名管道/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    // A character device of our own (mknod needs root; else /dev/null, which is never replaced).
    const dev = path.join(tmp, 'null.dev');
    const made = spawnSync('mknod', [dev, 'c', '1', '3']).status === 0;
    const target = made ? dev : '/dev/null';
    const d = cli(['check', inbox, '--csv', target]);
    expect(d.code).toBe(2);
    expect(lstatSync(target).isCharacterDevice()).toBe(true);
    const o = cli(['check', inbox, '--out', fifo]);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/不是文件夹/);
  });

  test('.docx copies follow the copy rules: same names in two folders, a long name, a planted link', async () => {
    await fs.mkdir(path.join(inbox, 'a'));
    await fs.mkdir(path.join(inbox, 'b'));
    await fs.copyFile(SEED_DOCX, path.join(inbox, 'a', 'x.docx'));
    await fs.copyFile(SEED_DOCX, path.join(inbox, 'b', 'x.docx'));
    const long = `${'长'.repeat(80)}.docx`;
    await fs.copyFile(SEED_DOCX, path.join(inbox, long));
    const out = path.join(tmp, 'out');
    const outside = path.join(tmp, 'outside');
    await fs.mkdir(out);
    await fs.mkdir(outside);
    await fs.symlink(outside, path.join(out, 'a'));
    const r = cli(['check', inbox, '--out', out, '--json']);
    expectClean(r);
    const written = readdirSync(out, { recursive: true }) as string[];
    expect(written.filter((f) => f.endsWith('.checked.docx')).length).toBeGreaterThanOrEqual(2);
    expect(written.some((f) => f.startsWith('b') && f.endsWith('x.checked.docx'))).toBe(true);
    expect(written.some((f) => f.includes('长长长') && f.endsWith('.checked.docx'))).toBe(true);
    // Nothing landed through the link; that copy got its sentence.
    expect(readdirSync(outside)).toEqual([]);
    expect(r.stderr).toMatch(/无法写入标注副本.*链接/);
    // No temporary file left anywhere.
    expect(written.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('"已写入" is said only when a copy was written', async () => {
    await fs.rm(path.join(inbox, 'good.xlsx'));
    await fs.writeFile(
      path.join(inbox, 'not-a-form.xlsx'),
      zip(workbookParts('<worksheet><sheetData/></worksheet>')),
    );
    const r = cli(['check', inbox, '--out', path.join(tmp, 'out')]);
    expect(r.stdout).not.toContain('标注副本已写入');
    expect(r.stdout).toContain('没有写入标注副本');
  });

  (soffice ? test : test.skip)(
    'an .xls with --out gets a .checked.xlsx of its converted copy',
    async () => {
      const profile = `file://${path.join(tmp, 'lo')}`;
      execFileSync(
        soffice ?? 'soffice',
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--convert-to',
          'xls',
          '--outdir',
          inbox,
          SEED,
        ],
        { timeout: 120_000 },
      );
      const out = path.join(tmp, 'out');
      const r = cli(['check', path.join(inbox, 'yuelu-2022.xls'), '--out', out, '--json']);
      expectClean(r);
      expect(JSON.parse(r.stdout)[0].status).toBe('checked');
      expect(readdirSync(out)).toEqual(['yuelu-2022.checked.xlsx']);
      expect(r.stdout).not.toContain('已写入'); // --json: the report is the JSON
    },
    180_000,
  );
});

describe('issue 21: LibreOffice under the limits (a fake soffice)', () => {
  /** A fake soffice on PATH: logs its pid and arguments, then hangs or converts (copies the seed). */
  async function fake(mode: 'hang' | 'convert'): Promise<{ bin: string; log: string }> {
    const bin = path.join(tmp, 'bin');
    await fs.mkdir(bin, { recursive: true });
    const log = path.join(tmp, 'soffice.log');
    const script = `#!/bin/sh
echo "$$" >> '${log}'
for a in "$@"; do echo "arg $a" >> '${log}'; done
${
  mode === 'hang'
    ? 'sleep 600 & echo "$!" >> \'' + log + "'\nwait"
    : `out=""; prev=""; for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; last="$a"; done
stem=$(basename "$last" .xls); cp '${SEED}' "$out/$stem.xlsx"`
}
`;
    await fs.writeFile(path.join(bin, 'soffice'), script, { mode: 0o755 });
    return { bin, log };
  }
  const pidsIn = (log: string) =>
    readFileSync(log, 'utf8')
      .split('\n')
      .filter((l) => /^\d+$/.test(l))
      .map(Number);
  // A zombie (state Z: killed, not yet reaped by a container's init) is dead.
  const alive = (pid: number) => {
    try {
      return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };
  const converts = (dir: string) =>
    readdirSync(dir).filter((f) => f.startsWith('selfeval-convert-'));

  test('success: the profile is a file URL under a TMPDIR with a space and #, the temp folder removed', async () => {
    const { bin, log } = await fake('convert');
    const tmpdir = path.join(tmp, 'tmp dir #1');
    await fs.mkdir(tmpdir);
    await fs.writeFile(path.join(inbox, 'old.xls'), 'not really an xls');
    const r = cli(['check', inbox, '--json'], {
      env: { PATH: `${bin}:${process.env.PATH}`, TMPDIR: tmpdir },
    });
    expectClean(r);
    const report = JSON.parse(r.stdout) as { file: string; status: string }[];
    expect(report.find((e) => e.file.endsWith('old.xls'))?.status).toBe('checked');
    const arg = readFileSync(log, 'utf8')
      .split('\n')
      .find((l) => l.includes('UserInstallation'))!;
    expect(arg).toContain('file://');
    expect(arg).toContain('tmp%20dir%20%231');
    expect(converts(tmpdir)).toEqual([]);
  }, 60_000);

  test('a hung soffice is killed with its process group at the time limit; the temp folder removed', async () => {
    const { bin, log } = await fake('hang');
    const tmpdir = path.join(tmp, 'tmpdir');
    await fs.mkdir(tmpdir);
    await fs.writeFile(path.join(inbox, 'old.xls'), 'not really an xls');
    const started = Date.now();
    const r = cli(['check', inbox, '--json'], {
      env: { PATH: `${bin}:${process.env.PATH}`, TMPDIR: tmpdir, SELFEVAL_TEST_TIME_MS: '6000' },
    });
    expect(Date.now() - started).toBeLessThan(30_000);
    expectClean(r);
    const report = JSON.parse(r.stdout) as { file: string; status: string; message: string }[];
    expect(report.find((e) => e.file.endsWith('old.xls'))?.message).toMatch(/超过.*秒|时间限制/);
    expect(report.find((e) => e.file.endsWith('good.xlsx'))?.status).toBe('checked');
    await new Promise((res) => setTimeout(res, 300));
    for (const pid of pidsIn(log)) expect(alive(pid)).toBe(false);
    expect(converts(tmpdir)).toEqual([]);
  }, 60_000);

  test('Ctrl-C during a conversion: soffice and its group killed, the temp folder removed', async () => {
    const { bin, log } = await fake('hang');
    const tmpdir = path.join(tmp, 'tmpdir');
    await fs.mkdir(tmpdir);
    await fs.writeFile(path.join(inbox, 'old.xls'), 'not really an xls');
    const { spawn } = require('child_process') as typeof import('child_process');
    const child = spawn(process.execPath, [MAIN, 'check', path.join(inbox, 'old.xls')], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, TMPDIR: tmpdir },
      detached: true,
      stdio: 'ignore',
    });
    // Wait for the fake soffice to start, then Ctrl-C the CLI's whole group (as a terminal does).
    for (let i = 0; i < 100 && !(await fs.stat(log).catch(() => null)); i++)
      await new Promise((res) => setTimeout(res, 100));
    await new Promise((res) => setTimeout(res, 300));
    process.kill(-child.pid!, 'SIGINT');
    await new Promise((res) => child.once('exit', res));
    await new Promise((res) => setTimeout(res, 500));
    for (const pid of pidsIn(log)) expect(alive(pid)).toBe(false);
    expect(converts(tmpdir)).toEqual([]);
  }, 60_000);
});
