import { execSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { type Browser, chromium, type Page } from 'playwright-core';
import webpack from 'webpack';
import type { EtBook } from '../fakes/et/fakeEt';
import { cloneBook, fakeBookFromXlsx } from '../fakes/fromExcelJs';
import { serve } from './server';

/**
 * The WPS build's pages (dist-wps/addin: the pane, the ribbon's main.js, the dialog) in Debian's
 * Chromium against the fake ET model, offered as window.Application the way WPS offers it. No
 * office.js is loaded, and nothing but the add-in's own files is requested.
 */
const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist-wps/addin');
const RESULTS = path.join(ROOT, 'test-results');
const SHEET = '部门整体支出绩效自评表';

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let fakeEt: string;
let seed: EtBook;

function buildFakeEt(outDir: string): Promise<string> {
  return new Promise((resolve, reject) =>
    webpack(
      {
        mode: 'development',
        devtool: false,
        entry: path.join(ROOT, 'test/e2e/fakeEtEntry.ts'),
        output: { path: outDir, filename: 'fake-et.js' },
        resolve: { extensions: ['.ts', '.js'] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              loader: 'ts-loader',
              options: {
                transpileOnly: true,
                configFile: path.join(ROOT, 'tsconfig.addin.json'),
                compilerOptions: { rootDir: ROOT },
              },
            },
          ],
        },
      },
      (err, stats) =>
        err || stats?.hasErrors()
          ? reject(err ?? new Error(stats?.toString('errors-only')))
          : resolve(path.join(outDir, 'fake-et.js')),
    ),
  );
}

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'taskpane.html')))
    execSync('npm run -s build:wps', { cwd: ROOT, stdio: 'inherit', timeout: 600_000 });
  mkdirSync(RESULTS, { recursive: true });
  fakeEt = await buildFakeEt(path.join(RESULTS, 'e2e-wps'));
  seed = (await fakeBookFromXlsx(
    readFileSync(path.join(ROOT, 'test/fixtures/yuelu-2022.xlsx')),
  )) as EtBook;
  server = await serve(DIST);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** WPS's pane width is not documented; 350 px is the Excel pane's default, used here too. */
async function open(pageName: string, book: EtBook | null, width = 350): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 1100 }, locale: 'zh-CN' });
  if (book) {
    await page.addInitScript(
      (b) => ((window as unknown as { __selfevalBook: unknown }).__selfevalBook = b),
      book,
    );
    await page.addInitScript({ path: fakeEt });
  }
  await page.goto(`${server.url}/${pageName}`);
  return page;
}

type EtState = { book: EtBook; calls: number };
const etOf = (page: Page) =>
  page.evaluate(() => {
    const et = (window as unknown as { __selfevalEt: EtState }).__selfevalEt;
    return { book: et.book, calls: et.calls };
  });

function fills(book: EtBook): Record<string, string | null> {
  const s = book.sheets.find((x) => x.name === SHEET)!;
  const out: Record<string, string | null> = {};
  for (const [a, c] of Object.entries(s.cells))
    if (c.value !== null || c.fill) out[a] = c.fill ? c.fill.color : null;
  return out;
}

test('the WPS pane: 校验 lists and marks the findings over ET; a fix writes; 清除标记 restores', async () => {
  const book = cloneBook(seed) as EtBook;
  book.sheets[0].cells.D5.fill = { color: '#FFFFFF', pattern: 'Solid', tintAndShade: 0 };
  const page = await open('taskpane.html', book);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.getByRole('button', { name: '校验' }).click({ timeout: 30_000 });
  const summary = page.getByLabel('校验摘要');
  await summary.waitFor();
  expect(await summary.textContent()).toContain('错误 2');
  expect(await summary.textContent()).toContain('警告 7');
  const et = await etOf(page);
  const marked = fills(et.book);
  expect(marked.G34).toBe('#FFC7CE');
  expect(marked.D5).toBe('#FFEB9C');
  expect(Object.values(marked).filter((c) => c === '#FFC7CE' || c === '#FFEB9C')).toHaveLength(9);
  expect(et.book.sheets[0].notes.G34).toContain('各项分值之和为 110');
  console.log(`WPS pane 校验 on the seed: ${et.calls} ET calls`);
  await page.screenshot({ path: path.join(RESULTS, 'wps-pane.png'), fullPage: true });

  await page.locator('li[data-cell="D5"]').getByRole('button', { name: '修正为 299.59' }).click();
  await page.locator('li[data-cell="D5"]').waitFor({ state: 'detached' });
  expect((await etOf(page)).book.sheets[0].cells.D5.value).toBe(299.59);

  await page.getByRole('button', { name: '清除标记' }).click();
  await page
    .getByTestId('live')
    .getByText(/已恢复 \d+ 个单元格的原有格式/)
    .waitFor();
  const after = fills((await etOf(page)).book);
  for (const [a, color] of Object.entries(fills(book))) expect([a, after[a]]).toEqual([a, color]);
  expect(requests.filter((u) => !u.startsWith(server.url))).toEqual([]);
  expect(requests.some((u) => /office\.js/.test(u))).toBe(false);
  await page.close();
}, 180_000);

test('outside WPS the pane says it needs a host and offers no 校验', async () => {
  const page = await open('taskpane.html', null);
  await page.getByText('请在 WPS 表格中打开').waitFor({ timeout: 30_000 });
  expect(await page.getByRole('button', { name: '校验' }).count()).toBe(0);
  await page.close();
}, 60_000);

test('the ribbon: 校验 checks and opens the result dialog; 校验结果 opens the pane by absolute URL', async () => {
  const page = await open('index.html', cloneBook(seed) as EtBook);
  await page.waitForFunction(
    () => typeof (window as unknown as { OnAction?: unknown }).OnAction === 'function',
  );
  const ribbon = readFileSync(path.join(DIST, 'ribbon.xml'), 'utf8');
  for (const cb of ribbon.match(/(?:onLoad|onAction|getEnabled|getImage)="([^"]+)"/g) ?? []) {
    const name = cb.replace(/^.*="|"$/g, '');
    expect([name, await page.evaluate((n) => typeof (window as never)[n], name)]).toEqual([
      name,
      'function',
    ]);
  }
  expect(
    await page.evaluate(() => (window as unknown as { OnGetEnabled(): boolean }).OnGetEnabled()),
  ).toBe(true);
  await page.evaluate(() =>
    (window as unknown as { OnAction(c: { Id: string }): void }).OnAction({ Id: 'selfevalCheck' }),
  );
  await page.waitForFunction(() =>
    (window as unknown as { __wpsCalls: { method: string }[] }).__wpsCalls.some(
      (c) => c.method === 'ShowDialog',
    ),
  );
  await page.evaluate(() =>
    (window as unknown as { OnAction(c: { Id: string }): void }).OnAction({ Id: 'selfevalPane' }),
  );
  const calls = await page.evaluate(
    () => (window as unknown as { __wpsCalls: { method: string; args: unknown[] }[] }).__wpsCalls,
  );
  const dialog = calls.find((c) => c.method === 'ShowDialog')!;
  expect(String(dialog.args[1])).toContain('2 个错误、7 个警告');
  const pane = calls.find((c) => c.method === 'CreateTaskPane')!;
  expect(pane.args[0]).toBe(`${server.url}/taskpane.html`);
  expect(Object.keys(fills((await etOf(page)).book)).length).toBeGreaterThan(0);
  // The dialog page itself, as WPS would open it.
  const d = await browser.newPage({ viewport: { width: 420, height: 240 } });
  await d.goto(String(dialog.args[0]));
  expect(await d.locator('#title').textContent()).toContain('2 个错误、7 个警告');
  await d.screenshot({ path: path.join(RESULTS, 'wps-dialog.png') });
  await d.close();
  await page.close();
}, 120_000);
