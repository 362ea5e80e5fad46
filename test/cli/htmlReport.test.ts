import { promises as fs, existsSync, mkdirSync, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { type Browser, chromium } from 'playwright-core';
import { FIXTURES, ROOT, runCli } from '../helpers/cli';

/**
 * The HTML report (--html, issue 23 item 3) in real Chromium: self-contained (nothing is fetched),
 * the totals and the table say what the JSON says, the charts are SVG in the file, the filters
 * and a row's findings work; a screenshot at 1280 px is kept in test-results/bureau-report.png.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const run = existsSync(CHROMIUM) || process.env.CI ? test : test.skip;

interface Entry {
  file: string;
  status: string;
  findings: { rule: string; message: string }[];
  summary: { errors: number; warnings: number; infos: number; verdict: string | null };
}

let tmp: string;
let html: string;
let json: Entry[];
let browser: Browser | null = null;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-html-'));
  html = path.join(tmp, '报告.html');
  const r = await runCli([
    'check',
    path.join(FIXTURES, 'real'),
    path.join(FIXTURES, 'yuelu-2022.xlsx'),
    '--json',
    '--html',
    html,
  ]);
  json = JSON.parse(r.stdout);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

test('one file: no external script, style, font or image; the charts are inline SVG', () => {
  const text = readFileSync(html, 'utf8');
  expect(text).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|url\(http|src="http/i);
  expect((text.match(/<svg /g) ?? []).length).toBe(4);
});

run(
  'in Chromium the numbers shown are the JSON numbers; filters and a row click work',
  async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on('request', (q) => {
      if (!q.url().startsWith('file:')) requests.push(q.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`file://${html}`);
    const total = async (k: string) => Number(await page.textContent(`[data-total="${k}"]`));
    const checked = json.filter((r) => r.status === 'checked');
    const count = (v: string) => json.filter((r) => r.summary.verdict === v).length;
    expect(await total('forms')).toBe(checked.length);
    expect(await total('需修改')).toBe(count('需修改'));
    expect(await total('需说明')).toBe(count('需说明'));
    expect(await total('可报送')).toBe(count('可报送'));
    expect(await total('errors')).toBe(checked.reduce((n, r) => n + r.summary.errors, 0));
    expect(await total('warnings')).toBe(checked.reduce((n, r) => n + r.summary.warnings, 0));
    expect(await total('notAForm')).toBe(json.filter((r) => r.status === 'not-a-form').length);
    // The table: one row per entry, in order, with its counts.
    const rows = await page.$$eval('#forms tbody tr[data-i]', (trs) =>
      trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')),
    );
    expect(rows.length).toBe(json.length);
    rows.forEach((cells, i) => {
      expect(cells[0]).toContain(json[i].file);
      if (json[i].status === 'checked') {
        expect(Number(cells[10])).toBe(json[i].summary.errors);
        expect(Number(cells[11])).toBe(json[i].summary.warnings);
      }
    });
    // The charts: the verdict chart's bars carry the counts.
    const verdictLabels = await page.$$eval('#chart-verdicts svg text', (ts) =>
      ts.map((t) => t.textContent),
    );
    expect(verdictLabels).toEqual(expect.arrayContaining(['需修改', String(count('需修改'))]));
    await page.screenshot({
      path: path.join(ROOT, 'test-results', 'bureau-report.png'),
      fullPage: false,
    });
    // Filter by verdict: exactly the forms with it stay shown.
    await page.selectOption('#f-verdict', '需修改');
    expect(await page.$$eval('#forms tbody tr[data-i]:not([hidden])', (t) => t.length)).toBe(
      count('需修改'),
    );
    await page.selectOption('#f-verdict', '');
    await page.selectOption('#f-severity', 'e');
    expect(await page.$$eval('#forms tbody tr[data-i]:not([hidden])', (t) => t.length)).toBe(
      checked.filter((r) => r.summary.errors > 0).length,
    );
    await page.selectOption('#f-severity', '');
    // A click shows the form's findings, each with its rule id.
    const k = json.findIndex((r) => r.findings.length > 0);
    await page.click(`#forms tbody tr[data-i="${k}"]`);
    const items = await page.$$eval('#forms tr.detail li', (lis) =>
      lis.map((li) => li.textContent ?? ''),
    );
    expect(items.length).toBe(json[k].findings.length);
    json[k].findings.forEach((f, i) => {
      expect(items[i]).toContain(f.rule);
      expect(items[i]).toContain(f.message);
    });
    // Sorting by 错误 (descending on the second click) puts the most errors first.
    await page.click('#forms th:nth-child(11)');
    await page.click('#forms th:nth-child(11)');
    const first = await page.$eval(
      '#forms tbody tr[data-i] td:nth-child(11)',
      (td) => td.textContent,
    );
    expect(Number(first)).toBe(Math.max(...checked.map((r) => r.summary.errors)));
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  },
  120_000,
);

beforeAll(() => mkdirSync(path.join(ROOT, 'test-results'), { recursive: true }));
