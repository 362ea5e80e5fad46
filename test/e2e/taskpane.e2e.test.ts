import { existsSync, mkdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { FakeBook } from '../fakes/fakeExcel';
import { cloneBook, fakeBookFromXlsx } from '../fakes/fromExcelJs';
import { syntheticForm } from '../../bench/synthetic';
import { a1 } from '../fakes/fakeExcel';
import { buildWorkbook } from '../helpers/workbook';
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
  if (!existsSync(path.join(DIST, 'taskpane.html')))
    throw new Error(
      'dist-addin/ is missing: run `npm run build:addin` first (npm run test:e2e does).',
    );
  mkdirSync(RESULTS, { recursive: true });
  fakeHost = await buildFakeHost(path.join(RESULTS, 'e2e'));
  seed = await fakeBookFromXlsx(readFileSync(path.join(ROOT, 'test/fixtures/yuelu-2022.xlsx')));
  server = await serve(DIST);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Excel's task pane is 350 px wide by default (320 at its narrowest); `dark` mimics Office's dark theme. */
async function openPane(
  book: FakeBook | null,
  opts: { width?: number; dark?: boolean } = {},
): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: opts.width ?? 350, height: 1100 },
    locale: 'zh-CN',
  });
  if (opts.dark)
    await page.addInitScript(
      () =>
        ((window as unknown as { __selfevalTheme: unknown }).__selfevalTheme = {
          bodyBackgroundColor: '#292929',
        }),
    );
  if (book) {
    await page.addInitScript(
      (b) => ((window as unknown as { __selfevalBook: unknown }).__selfevalBook = b),
      book,
    );
    await page.addInitScript({ path: fakeHost });
  }
  await page.goto(`${server.url}/taskpane.html`);
  return page;
}

const bookOf = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __selfevalTestHost: { book: FakeBook } }).__selfevalTestHost.book,
  );

function fills(book: FakeBook): Record<string, string | null> {
  const s = book.sheets.find((x) => x.name === SHEET)!;
  const out: Record<string, string | null> = {};
  for (const [a, c] of Object.entries(s.cells))
    if (c.value !== null || c.fill) out[a] = c.fill ? c.fill.color : null;
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
  const cellsOf = async (severity: string) =>
    page
      .locator(`li[data-severity="${severity}"]`)
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')));
  expect((await cellsOf('error')).sort()).toEqual(['G34', 'H34']);
  expect((await cellsOf('warning')).sort()).toEqual(['D5', 'D8', 'E5', 'E8', 'I21', 'I23', 'I24']);

  const marked = fills(await bookOf(page));
  expect(marked.G34).toBe('#FFC7CE');
  expect(marked.D5).toBe('#FFEB9C');
  expect(Object.values(marked).filter((c) => c === '#FFC7CE' || c === '#FFEB9C')).toHaveLength(9);
  await page.screenshot({ path: path.join(RESULTS, 'taskpane.png'), fullPage: true });
  await page.screenshot({ path: path.join(RESULTS, 'taskpane-light.png'), fullPage: true });

  await page.locator('li[data-cell="H34"]').click();
  await page.waitForFunction(
    () =>
      (window as unknown as { __selfevalTestHost: { book: FakeBook } }).__selfevalTestHost.book
        .selection?.address === 'H34',
  );

  await page.getByRole('button', { name: '把 D5 修正为 299.59' }).click();
  await page.locator('li[data-cell="D5"]').waitFor({ state: 'detached' });
  expect((await bookOf(page)).sheets[0].cells.D5.value).toBe(299.59);

  await page.getByRole('button', { name: '清除标记' }).click();
  await page
    .getByText(/已恢复 \d+ 个单元格的原有格式/)
    .last()
    .waitFor(); // the notice (the live region says it too)
  const after = fills(await bookOf(page));
  const before = fills(book);
  for (const [a, color] of Object.entries(before)) expect([a, after[a]]).toEqual([a, color]); // D5 white again, the rest No Fill
  await page.close();
}, 120_000);

/** Nothing may stick out of the pane: every element's right edge inside the viewport, no horizontal scroll. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width)
      out.push(`page scrolls: ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of Array.from(document.querySelectorAll('main *'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 0.5)
        out.push(
          `${el.tagName}.${el.className.toString().slice(0, 30)} ends at ${Math.round(r.right)}: ${(el.textContent ?? '').slice(0, 30)}`,
        );
    }
    return out;
  });
}

test.each([320, 350])(
  'at %s px nothing is cut off: the toolbar wraps, notices and messages wrap',
  async (width) => {
    const book = cloneBook(seed);
    book.sheets.unshift({
      name: '说明',
      cells: { A1: { value: '填表说明' } },
      merges: [],
      notes: {},
    });
    book.active = '说明';
    const page = await openPane(book, { width });
    await page.getByRole('button', { name: '校验' }).click({ timeout: 30_000 });
    await page.getByLabel('校验摘要').waitFor();
    await page.getByText(/当前工作表没有自评表/).waitFor(); // a long notice
    expect(await overflow(page)).toEqual([]);
    // The notice's whole sentence is on screen, not an ellipsis.
    const notice = page.getByText(
      /当前工作表没有自评表，已在工作表“部门整体支出绩效自评表”找到并校验。/,
    );
    expect(await notice.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await page.close();
  },
  120_000,
);

test("the pane follows Office's dark theme; 全部工作表 lists every form", async () => {
  const book = cloneBook(seed);
  book.sheets.push({ ...cloneBook(seed).sheets[0], name: '第二张' });
  const page = await openPane(book, { dark: true });
  await page.getByRole('button', { name: '全部工作表' }).click({ timeout: 30_000 });
  await page.getByText('找到 2 张自评表').waitFor();
  const background = await page
    .locator('main')
    .evaluate((el) => getComputedStyle(el.parentElement as HTMLElement).backgroundColor);
  const [r, g, b] = (background.match(/\d+/g) ?? ['255', '255', '255']).map(Number);
  expect(r + g + b).toBeLessThan(200); // dark
  expect(await page.getByLabel('校验摘要').count()).toBe(2);
  const marked = (await bookOf(page)).sheets.map(
    (s) =>
      Object.values(s.cells).filter((c) => c.fill && ['#FFC7CE', '#FFEB9C'].includes(c.fill.color))
        .length,
  );
  expect(marked).toEqual([9, 9]);
  expect(await overflow(page)).toEqual([]);
  await page.screenshot({ path: path.join(RESULTS, 'taskpane-dark.png'), fullPage: true });
  await page.close();
}, 120_000);

test('核对自评报告: the picked .docx is read in the pane, its findings are listed and the cells marked', async () => {
  const page = await openPane(cloneBook(seed));
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  await page.getByRole('button', { name: '校验' }).click({ timeout: 30_000 });
  await page.getByLabel('校验摘要').waitFor();
  expect(fills(await bookOf(page)).B2 ?? null).toBeNull();
  await page
    .getByTestId('report-file')
    .setInputFiles(path.join(ROOT, 'test/fixtures/docx/pair/岳麓区总工会自评报告.docx'));
  const group = page.getByRole('region', { name: '自评报告' });
  await group.waitFor({ timeout: 30_000 });
  const cells = await group
    .locator('li')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')));
  expect(cells).toEqual(['B2', 'E12', 'E12', 'E12', 'E12']);
  expect(await group.textContent()).toContain('自评报告第 5 段');
  await page.getByText('自评报告：5 处与自评表不符').waitFor();
  const book = await bookOf(page);
  expect(fills(book).B2).toBe('#FFEB9C');
  expect(fills(book).E12).toBe('#FFEB9C');
  expect(book.sheets[0].notes.B2).toContain('自评报告第 5 段');
  expect(requests.filter((r) => !r.startsWith('GET '))).toEqual([]); // nothing uploaded
  await page.getByRole('button', { name: '清除标记' }).click();
  await page
    .getByText(/已恢复 11 个单元格的原有格式/)
    .last()
    .waitFor();
  expect(fills(await bookOf(page)).B2 ?? null).toBeNull();
  await page.close();
}, 120_000);

/** axe-core in the page: no violation of WCAG 2.x level A or AA. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            o: unknown,
          ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

test('accessibility: the checked pane, light and dark, has no WCAG A/AA violation (axe-core); the outcome is announced', async () => {
  for (const dark of [false, true]) {
    const page = await openPane(cloneBook(seed), { dark });
    await page.getByRole('button', { name: '校验' }).click({ timeout: 30_000 });
    await page.getByLabel('校验摘要').waitFor();
    expect(await page.getByTestId('live').textContent()).toMatch(
      /^结论：需修改。校验完成：2 个错误/,
    );
    expect(await axeViolations(page)).toEqual([]);
    // the findings: real buttons, arrow keys move between them
    await page.locator('[data-finding-main]').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(
      await page.evaluate(
        () => document.activeElement === document.querySelectorAll('[data-finding-main]')[1],
      ),
    ).toBe(true);
    await page.close();
  }
}, 180_000);

test('a protected form: the unlocked cells are marked, the rest listed; 修正 never writes a locked cell', async () => {
  const book = cloneBook(seed);
  const s = book.sheets[0];
  s.protected = true;
  for (const a of ['D5', 'E5', 'D8'])
    s.cells[a] = { ...(s.cells[a] ?? { value: null }), locked: false };
  const page = await openPane(book);
  await page.getByRole('button', { name: '校验' }).click({ timeout: 30_000 });
  await page.getByLabel('校验摘要').waitFor();
  await page.getByText(/受保护，6 个单元格不能标色/).waitFor();
  const marked = Object.entries(fills(await bookOf(page)))
    .filter(([, c]) => c === '#FFC7CE' || c === '#FFEB9C')
    .map(([a]) => a)
    .sort();
  expect(marked).toEqual(['D5', 'D8', 'E5']);
  const e8 = (await bookOf(page)).sheets[0].cells.E8?.value ?? null;
  await page.getByRole('button', { name: /^全部修正/ }).click();
  await page.getByRole('button', { name: '确认修正' }).click();
  await page.getByText(/被锁定，没有修正/).waitFor({ timeout: 30_000 });
  const after = (await bookOf(page)).sheets[0].cells;
  expect(after.D5.value).toBe(299.59);
  expect(after.E8?.value ?? null).toBe(e8);
  await page.close();
}, 120_000);

test('a 3,000-merge form: read in chunks under the 512-area limit, every indicator row checked', async () => {
  const rows = syntheticForm(3000);
  rows[12][7] = 0;
  const book = await fakeBookFromXlsx(await buildWorkbook([{ name: 'Sheet1', rows }]));
  for (let r = 11; r + 1 < 11 + 3000; r += 2)
    book.sheets[0].merges.push(`${a1(r, 0)}:${a1(r + 1, 0)}`, `${a1(r, 8)}:${a1(r + 1, 8)}`);
  expect(book.sheets[0].merges).toHaveLength(3000);
  const page = await openPane(book);
  await page.getByRole('button', { name: '校验' }).click({ timeout: 30_000 });
  await page.getByLabel('校验摘要').waitFor({ timeout: 90_000 });
  expect(await page.getByLabel('校验摘要').textContent()).toContain('指标 3000 行');
  expect(await page.getByRole('alert').count()).toBe(0);
  // a long list is paged
  expect(await page.locator('li[data-severity]').count()).toBeLessThanOrEqual(30);
  await page.close();
}, 180_000);

test('edits between 校验 and 修正: the changed cell is skipped and listed, the others written', async () => {
  const page = await openPane(cloneBook(seed));
  await page.getByRole('button', { name: '校验' }).click({ timeout: 30_000 });
  await page.getByLabel('校验摘要').waitFor();
  await page.evaluate(() => {
    const host = (window as unknown as { __selfevalTestHost: { book: FakeBook } })
      .__selfevalTestHost;
    host.book.sheets[0].cells.D5 = { value: 300 };
  });
  await page.getByRole('button', { name: /^全部修正/ }).click();
  const preview = page.getByTestId('fix-preview');
  await preview.waitFor();
  expect(await preview.locator('tbody tr').count()).toBe(6);
  await page.getByRole('button', { name: '确认修正' }).click();
  await page.getByText(/D5 在校验之后被改过，没有修正/).waitFor({ timeout: 30_000 });
  const cells = (await bookOf(page)).sheets[0].cells;
  expect(cells.D5.value).toBe(300);
  expect(typeof cells.D8.value).toBe('number');
  await page.close();
}, 120_000);

test('the ribbon dialog page: 关闭 tells the command (messageParent), which then completes', async () => {
  const page = await browser.newPage({ viewport: { width: 400, height: 300 }, locale: 'zh-CN' });
  const q = new URLSearchParams({
    kind: 'error',
    title: '需修改：2 个错误、7 个警告',
    text: '工作表“甲”：…',
  });
  await page.goto(`${server.url}/result.html?${q.toString()}`);
  await page.getByText('需修改：2 个错误、7 个警告').waitFor({ timeout: 30_000 });
  await page.evaluate(() => {
    const w = window as unknown as { Office: { context: unknown }; __sent: string[] };
    w.__sent = [];
    // Outside Office there is no dialog host: stand in for Office.context.ui.messageParent.
    const ui = { messageParent: (m: string) => w.__sent.push(m) };
    const ctx = (w.Office.context ?? {}) as Record<string, unknown>;
    try {
      Object.defineProperty(ctx, 'ui', { configurable: true, value: ui });
    } catch {
      ctx.ui = ui;
    }
    if (!w.Office.context) w.Office.context = ctx;
  });
  await page.getByRole('button', { name: '关闭' }).click();
  expect(await page.evaluate(() => (window as unknown as { __sent: string[] }).__sent)).toEqual([
    'close',
  ]);
  // the command side (commands/lifecycle.ts) completes only on that message: test/addin/dialogLifecycle.test.ts
  await page.close();
}, 60_000);

test('审核说明: 说明… on a warning stores the text in the workbook and shows it (the workflow page’s screenshot)', async () => {
  const page = await openPane(cloneBook(seed));
  await page.getByRole('button', { name: '校验' }).click({ timeout: 30_000 });
  await page.getByLabel('校验摘要').waitFor();
  await page.getByTestId('explain').first().click();
  await page.getByTestId('explain-text').fill('资金来源合计按模板留空，由财政局统一汇总。');
  await page.screenshot({ path: path.join(RESULTS, 'pane-explain.png'), fullPage: true });
  await page.getByTestId('explain-save').click();
  await page.getByTestId('explanation').first().waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('explanation').first().textContent()).toContain(
    '资金来源合计按模板留空',
  );
  const book = await bookOf(page);
  expect(JSON.stringify(book)).toContain('urn:selfeval:explanations:1');
  await page.close();
}, 90_000);
