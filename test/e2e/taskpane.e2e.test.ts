import { existsSync, mkdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { FakeBook } from '../fakes/fakeExcel';
import { cloneBook, fakeBookFromXlsx } from '../fakes/fromExcelJs';
import { buildFakeHost } from './buildFakeHost';
import { serve } from './server';

/**
 * The built task pane in Debian's Chromium. Outside Office, Office.onReady resolves with no host
 * and there is no Excel global: the test injects the fake host with the seed workbook.
 */
const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist-addin');
const RESULTS = path.join(ROOT, 'test-results');
const SHEET = '部门整体支出绩效自评表';

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let fakeHost: string;
let seed: FakeBook;

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('dist-addin/ is missing: run `npm run build:addin` first (npm run test:e2e does).');
  mkdirSync(RESULTS, { recursive: true });
  fakeHost = await buildFakeHost(path.join(RESULTS, 'e2e'));
  seed = await fakeBookFromXlsx(readFileSync(path.join(ROOT, 'test/fixtures/yuelu-2022.xlsx')));
  server = await serve(DIST);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPane(book: FakeBook | null): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 420, height: 1100 }, locale: 'zh-CN' });
  if (book) {
    await page.addInitScript((b) => ((window as unknown as { __selfevalBook: unknown }).__selfevalBook = b), book);
    await page.addInitScript({ path: fakeHost });
  }
  await page.goto(`${server.url}/taskpane.html`);
  return page;
}

const bookOf = (page: Page) => page.evaluate(() => (window as unknown as { __selfevalTestHost: { book: FakeBook } }).__selfevalTestHost.book);

function fills(book: FakeBook): Record<string, string | null> {
  const s = book.sheets.find((x) => x.name === SHEET)!;
  const out: Record<string, string | null> = {};
  for (const [a, c] of Object.entries(s.cells)) if (c.value !== null || c.fill) out[a] = c.fill ? c.fill.color : null;
  return out;
}

test('without Excel the pane says to open it in Excel', async () => {
  const page = await openPane(null);
  await page.getByText('请在 Excel 中打开').waitFor({ timeout: 30_000 });
  expect(await page.getByRole('button', { name: '校验' }).count()).toBe(0);
  await page.close();
}, 60_000);

test('校验 lists and marks the findings; a click selects; a fix writes; 清除标记 restores', async () => {
  const book = cloneBook(seed);
  book.sheets[0].cells.D5.fill = { color: '#FFFFFF', pattern: 'Solid', tintAndShade: 0 }; // white, not No Fill
  const page = await openPane(book);
  await page.getByRole('button', { name: '校验' }).click({ timeout: 30_000 });
  const summary = page.getByLabel('校验摘要');
  await summary.waitFor();
  expect(await summary.textContent()).toContain('错误 2');
  expect(await summary.textContent()).toContain('警告 7');
  const cellsOf = async (severity: string) => page.locator(`li[data-severity="${severity}"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')));
  expect((await cellsOf('error')).sort()).toEqual(['G34', 'H34']);
  expect((await cellsOf('warning')).sort()).toEqual(['D5', 'D8', 'E5', 'E8', 'I21', 'I23', 'I24']);

  const marked = fills(await bookOf(page));
  expect(marked.G34).toBe('#FFC7CE');
  expect(marked.D5).toBe('#FFEB9C');
  expect(Object.values(marked).filter((c) => c === '#FFC7CE' || c === '#FFEB9C')).toHaveLength(9);
  await page.screenshot({ path: path.join(RESULTS, 'taskpane.png'), fullPage: true });

  await page.locator('li[data-cell="H34"]').click();
  await page.waitForFunction(() => (window as unknown as { __selfevalTestHost: { book: FakeBook } }).__selfevalTestHost.book.selection?.address === 'H34');

  await page.locator('li[data-cell="D5"]').getByRole('button', { name: '修正为 299.59' }).click();
  await page.locator('li[data-cell="D5"]').waitFor({ state: 'detached' });
  expect((await bookOf(page)).sheets[0].cells.D5.value).toBe(299.59);

  await page.getByRole('button', { name: '清除标记' }).click();
  await page.getByText(/已恢复 \d+ 个单元格的原有格式/).waitFor();
  const after = fills(await bookOf(page));
  const before = fills(book);
  for (const [a, color] of Object.entries(before)) expect([a, after[a]]).toEqual([a, color]); // D5 white again, the rest No Fill
  await page.close();
}, 120_000);
