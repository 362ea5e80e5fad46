/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'fs';
import * as path from 'path';
import { type CheckOutcome, type Gateway, seenKey } from '../../src/addin/core/gateway';
import { createExcelGateway } from '../../src/addin/host/excelGateway';
import { App } from '../../src/addin/taskpane/App';
import { createOutcomeStore } from '../../src/addin/core/store';
import { createFakeHost } from '../fakes/fakeExcel';
import { fakeBookFromXlsx } from '../fakes/fromExcelJs';
import type { ReportFinding } from '../../src/engine/narrative/context';
import { FIXTURES } from '../helpers/cli';

// jsdom has no ResizeObserver; Fluent's MessageBar only uses it to pick a layout.
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

const SHEET = '部门整体支出绩效自评表';
// Fluent in jsdom on a shared 2-core machine: a render can take seconds.
jest.setTimeout(240_000);
let seed: CheckOutcome;

beforeAll(async () => {
  // The seed as the real gateway reports it (over the fake Excel): findings, seen values, profile.
  seed = await createExcelGateway(
    createFakeHost(await fakeBookFromXlsx(readFileSync(path.join(FIXTURES, 'yuelu-2022.xlsx')))),
  ).check();
  if (seed.kind !== 'checked') throw new Error('the seed is a form');
});

/** The fixes as the pane sends them: each with the value the check saw in its cell. */
const fixesOf = (o: CheckOutcome) =>
  o.kind === 'checked'
    ? o.forms.flatMap((form) =>
        form.findings.flatMap((f) =>
          f.fix
            ? [{ sheet: form.sheet, ...f.fix, seen: o.seen?.[seenKey(form.sheet, f.fix.cell)] }]
            : [],
        ),
      )
    : [];

function stubGateway(overrides: Partial<Gateway> = {}): jest.Mocked<Gateway> {
  return {
    check: jest.fn(async () => seed),
    select: jest.fn(async () => ({ kind: 'done' as const })),
    applyFixes: jest.fn(async () => seed),
    clearMarks: jest.fn(async () => ({ kind: 'cleared' as const, restored: 9 })),
    exportFindings: jest.fn(async () => ({ kind: 'done' as const })),
    ...overrides,
  } as jest.Mocked<Gateway>;
}

function renderPane(gateway: Gateway | null) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gateway} />
    </FluentProvider>,
  );
}

async function runCheck() {
  fireEvent.click(screen.getByRole('button', { name: '校验' }));
  await screen.findByLabelText('校验摘要');
}

test('outside Excel the pane says to open it in Excel and offers no actions', () => {
  renderPane(null);
  expect(screen.getByText('请在 Excel 中打开')).toBeTruthy();
  expect(screen.queryByRole('button', { name: '校验' })).toBeNull();
});

test('校验 shows the verdict first, then errors, warnings and infos, in plain words', async () => {
  const gw = stubGateway();
  renderPane(gw);
  await runCheck();
  expect(gw.check).toHaveBeenCalledTimes(1);
  const summary = screen.getByLabelText('校验摘要');
  // the verdict is the summary's first line
  expect(summary.firstElementChild?.getAttribute('data-verdict')).toBe('需修改');
  expect(summary.firstElementChild?.textContent).toContain('有 2 个错误：改正后才能报送。');
  expect(within(summary).getByText('错误 2')).toBeTruthy();
  expect(within(summary).getByText('警告 7')).toBeTruthy();
  // full marks as the form states them (G34 = 100), the weights' own sum said apart
  expect(summary.textContent).toContain(
    '自评总分 96（满分 100），重算总分 106，等级 优。各项分值相加为 110，与表内满分 100 不一致。',
  );
  expect(summary.textContent).not.toContain('满分 110');
  expect(summary.textContent).toContain('其中 9 行能按目标值和实际值重算得分');
  expect(summary.textContent).not.toMatch(/可复算/);
  const order = [...document.querySelectorAll('li[data-severity]')].map((li) =>
    li.getAttribute('data-severity'),
  );
  const firstWarning = order.indexOf('warning');
  expect(order.slice(0, firstWarning)).toEqual(['error', 'error']);
  expect(order.lastIndexOf('warning')).toBeLessThan(order.indexOf('info'));
  const errors = screen.getByRole('region', { name: '错误 2 条' });
  expect(
    within(errors)
      .getAllByRole('listitem')
      .map((li) => li.getAttribute('data-cell')),
  ).toEqual(['G34', 'H34']);
  // G34 holds 100: the line says so instead of "应为 100；实填 110"
  expect(errors.textContent).toContain('G34 填的是 100；按表内其他数算得 110');
  expect(errors.textContent).not.toContain('应为 100；实填 110');
  const pane = document.body.textContent ?? '';
  expect(pane).not.toMatch(/修正计划的后续一步|按本次给出的其他修正改正后|ExcelApi/);
});

test("the severity filter shows one severity; the whole message is each finding's accessible name", async () => {
  renderPane(stubGateway());
  await runCheck();
  fireEvent.click(screen.getByRole('button', { name: '警告' }));
  const severities = new Set(
    [...document.querySelectorAll('li[data-severity]')].map((li) =>
      li.getAttribute('data-severity'),
    ),
  );
  expect([...severities]).toEqual(['warning']);
  // the main button's name is its whole content: severity, cell, message and 应为/实填
  const d5 = screen.getByRole('button', { name: /^警告\s*D5.*D5 应为 299\.59；实填 空/ });
  expect(d5.getAttribute('aria-label')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: '全部' }));
  expect(document.querySelectorAll('li[data-severity="error"]').length).toBe(2);
});

test('arrow keys move between findings; Enter and Space (a real button) go to the cell', async () => {
  const gw = stubGateway();
  renderPane(gw);
  await runCheck();
  const mains = [...document.querySelectorAll<HTMLElement>('[data-finding-main]')];
  expect(mains.every((m) => m.tagName === 'BUTTON')).toBe(true);
  mains[0].focus();
  fireEvent.keyDown(mains[0], { key: 'ArrowDown' });
  expect(document.activeElement).toBe(mains[1]);
  fireEvent.keyDown(mains[1], { key: 'End' });
  expect(document.activeElement).toBe(mains.at(-1));
  fireEvent.keyDown(mains.at(-1)!, { key: 'ArrowUp' });
  expect(document.activeElement).toBe(mains.at(-2));
});

test('the outcome of 校验 is announced in a live region', async () => {
  renderPane(stubGateway());
  await runCheck();
  const live = screen.getByTestId('live');
  expect(live.getAttribute('aria-live')).toBe('polite');
  expect(live.textContent).toBe(
    '结论：需修改。校验完成：2 个错误，7 个警告，8 条提示。'.replace(
      '8',
      String(seed.kind === 'checked' ? seed.result.summary.infos : 0),
    ),
  );
});

test('a long list is paged: 30 at first, more on request', async () => {
  const one = (seed as Extract<CheckOutcome, { kind: 'checked' }>).result;
  const many = Array.from({ length: 75 }, (_, i) => ({
    ...one.findings.find((f) => f.severity === 'info')!,
    cells: [`C${i + 40}`],
  }));
  const big = { ...one, findings: many };
  const o: CheckOutcome = {
    ...(seed as Extract<CheckOutcome, { kind: 'checked' }>),
    forms: [big],
    result: big,
  };
  renderPane(stubGateway({ check: jest.fn(async () => o) }));
  await runCheck();
  expect(document.querySelectorAll('li[data-severity]').length).toBe(30);
  fireEvent.click(screen.getByRole('button', { name: '再显示 30 条（还有 45 条）' }));
  expect(document.querySelectorAll('li[data-severity]').length).toBe(60);
});

test('a ribbon 校验 (the shared store) fills an open pane', async () => {
  const store = createOutcomeStore();
  render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={stubGateway()} store={store} />
    </FluentProvider>,
  );
  expect(screen.queryByLabelText('校验摘要')).toBeNull();
  act(() => store.set(seed));
  expect(await screen.findByLabelText('校验摘要')).toBeTruthy();
});

test("Excel's code stays behind 详细信息, never in the sentence", async () => {
  renderPane(
    stubGateway({
      check: jest.fn(async () => ({
        kind: 'error' as const,
        message: 'Excel 暂时没有响应，工作表未作改动：请稍等片刻再试。',
        detail: 'GeneralException: internal error',
      })),
    }),
  );
  fireEvent.click(screen.getByRole('button', { name: '校验' }));
  const alert = await screen.findByRole('alert');
  expect(within(alert).getByText('详细信息').tagName).toBe('SUMMARY');
  expect(alert.querySelector('code')?.textContent).toBe('GeneralException: internal error');
});

test('clicking a finding selects its cell', async () => {
  const gw = stubGateway();
  renderPane(gw);
  await runCheck();
  fireEvent.click(screen.getByRole('button', { name: /^错误\s*G34/ }));
  expect(gw.select).toHaveBeenCalledWith(SHEET, 'G34');
});

test('修正 applies that finding’s fix only, without also jumping to the cell', async () => {
  const gw = stubGateway();
  renderPane(gw);
  await runCheck();
  fireEvent.click(screen.getByRole('button', { name: '把 D5 修正为 299.59' }));
  await waitFor(() =>
    expect(gw.applyFixes).toHaveBeenCalledWith(
      [{ sheet: SHEET, cell: 'D5', value: '299.59', seen: '\u3000' }],
      'sheet',
    ),
  );
  expect(gw.select).not.toHaveBeenCalled();
});

test('全部修正 shows what it will write (cell, old, new), asks once, then sends every fix at once', async () => {
  const gw = stubGateway();
  renderPane(gw);
  await runCheck();
  const fixes = fixesOf(seed);
  fireEvent.click(screen.getByRole('button', { name: `全部修正（${fixes.length}）` }));
  const table = await screen.findByTestId('fix-preview');
  const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent),
  );
  expect(rows).toHaveLength(fixes.length);
  expect(rows[0]).toEqual(['D5', '空', '299.59']);
  expect(gw.applyFixes).not.toHaveBeenCalled();
  fireEvent.click(screen.getByRole('button', { name: '确认修正', hidden: true }));
  await waitFor(() => expect(gw.applyFixes).toHaveBeenCalledWith(fixes, 'sheet'));
  expect(gw.applyFixes).toHaveBeenCalledTimes(1);
});

test('全部修正 cancelled in its preview writes nothing', async () => {
  const gw = stubGateway();
  renderPane(gw);
  await runCheck();
  fireEvent.click(screen.getByRole('button', { name: /^全部修正/ }));
  await screen.findByTestId('fix-preview');
  fireEvent.click(screen.getByRole('button', { name: '取消', hidden: true }));
  await waitFor(() => expect(screen.queryByTestId('fix-preview')).toBeNull());
  expect(gw.applyFixes).not.toHaveBeenCalled();
});

test('the 校验 button is busy and everything is disabled while Excel works', async () => {
  let finish: (o: CheckOutcome) => void = () => undefined;
  const gw = stubGateway({ check: jest.fn(() => new Promise<CheckOutcome>((r) => (finish = r))) });
  renderPane(gw);
  fireEvent.click(screen.getByRole('button', { name: '校验' }));
  const busy = await screen.findByRole('button', { name: /正在校验/ });
  expect((busy as HTMLButtonElement).disabled).toBe(true);
  expect((screen.getByRole('button', { name: '清除标记' }) as HTMLButtonElement).disabled).toBe(
    true,
  );
  await act(async () => finish(seed));
  expect((screen.getByRole('button', { name: '校验' }) as HTMLButtonElement).disabled).toBe(false);
});

test('清除标记 reports how many cells were restored and empties the list', async () => {
  const gw = stubGateway();
  renderPane(gw);
  await runCheck();
  fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
  expect(await screen.findByText('已恢复 9 个单元格的原有格式。')).toBeTruthy();
  expect(screen.queryByLabelText('校验摘要')).toBeNull();
});

test('no form: the sentence of what was looked for', async () => {
  renderPane(
    stubGateway({
      check: jest.fn(async () => ({
        kind: 'not-a-form' as const,
        message: '未找到绩效自评表：在工作表“通讯录”中……',
      })),
    }),
  );
  fireEvent.click(screen.getByRole('button', { name: '校验' }));
  expect(await screen.findByText('没有找到绩效自评表')).toBeTruthy();
  expect(screen.getAllByText(/未找到绩效自评表：在工作表“通讯录”/).length).toBeGreaterThan(0);
});

test('Excel refusing: an alert with the sentence', async () => {
  renderPane(
    stubGateway({
      check: jest.fn(async () => ({
        kind: 'error' as const,
        message: 'Excel 正在编辑单元格：请先按 Enter 或 Esc 结束编辑，再点校验。',
      })),
    }),
  );
  fireEvent.click(screen.getByRole('button', { name: '校验' }));
  expect((await screen.findByRole('alert')).textContent).toContain('正在编辑单元格');
});

test('the form found on another sheet is said so; export writes the results', async () => {
  const elsewhere = {
    ...(seed as Extract<CheckOutcome, { kind: 'checked' }>),
    foundElsewhere: SHEET,
  };
  const gw = stubGateway({ check: jest.fn(async () => elsewhere) });
  renderPane(gw);
  await runCheck();
  expect(
    screen.getByText(/当前工作表没有自评表，已在工作表“部门整体支出绩效自评表”找到/),
  ).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '导出结果' }));
  await waitFor(() => expect(gw.exportFindings).toHaveBeenCalledWith(elsewhere.forms));
  expect(await screen.findByText('结果已写入“校验结果”工作表。')).toBeTruthy();
});

test('全部工作表 checks the whole workbook and lists the findings form by form, each jumping to its own sheet', async () => {
  const one = (seed as Extract<CheckOutcome, { kind: 'checked' }>).result;
  const other = { ...one, sheet: '第二张', form: 'A1:I34' };
  const all: CheckOutcome = {
    kind: 'checked',
    scope: 'workbook',
    forms: [one, other],
    result: one,
    foundElsewhere: null,
    marked: 18,
    notices: [],
  };
  const gw = stubGateway({ check: jest.fn(async () => all) });
  renderPane(gw);
  fireEvent.click(screen.getByRole('button', { name: '全部工作表' }));
  await screen.findByText('找到 2 张自评表');
  expect(gw.check).toHaveBeenCalledWith('workbook', undefined, expect.anything());
  const second = screen.getByRole('region', { name: '工作表“第二张” A1:I34' });
  expect(within(second).getByLabelText('校验摘要').textContent).toContain('读取：资金 8 行');
  fireEvent.click(within(second).getByRole('button', { name: /^错误\s*G34/ }));
  expect(gw.select).toHaveBeenCalledWith('第二张', 'G34');
  const fixes = [one, other].flatMap((f) =>
    f.findings.flatMap((x) => (x.fix ? [{ sheet: f.sheet, ...x.fix }] : [])),
  );
  fireEvent.click(screen.getByRole('button', { name: `全部修正（${fixes.length}）` }));
  fireEvent.click(await screen.findByRole('button', { name: '确认修正', hidden: true }));
  await waitFor(() => expect(gw.applyFixes).toHaveBeenCalledWith(fixes, 'workbook'));
});

describe('核对自评报告', () => {
  const REPORT = path.join(FIXTURES, 'docx/pair/岳麓区总工会自评报告.docx');
  /** A File as the browser gives it; jsdom's has no arrayBuffer, so it is the bytes' own. */
  const fileOf = (name: string, bytes: Uint8Array): File => {
    const file = new File([], name);
    Object.defineProperty(file, 'arrayBuffer', {
      value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    });
    return file;
  };
  const pick = (file: File) =>
    fireEvent.change(screen.getByTestId('report-file'), { target: { files: [file] } });

  /** The gateway's check with a report, as the host does it: the report's findings join the form. */
  const withReportGateway = () =>
    stubGateway({
      check: jest.fn(async (_scope, report) => {
        if (!report || seed.kind !== 'checked') return seed;
        const finding: ReportFinding = {
          rule: 'report.count-mismatch',
          severity: 'warning',
          part: 'form',
          cells: ['B2'],
          message: '自评报告第 5 段“…3246家…”写 3246家工会，自评表部门职责（B2）写 3717家工会。',
          expected: '3717家',
          actual: '3246家',
          fix: null,
          paragraph: report.paragraphs[4].index,
          span: { start: 0, end: 10 },
          quote: '…3246家…',
        };
        const form = { ...seed.result, findings: [...seed.result.findings, finding] };
        return {
          ...seed,
          forms: [form],
          result: form,
          report: { name: report.name, sheet: SHEET, form: null, findings: [finding], notes: [] },
        };
      }),
    });

  test('is disabled until a 校验 found a form; the picked .docx is read in the pane and its findings are listed in their own group', async () => {
    const gw = withReportGateway();
    renderPane(gw);
    const button = () => screen.getByRole('button', { name: '核对自评报告' }) as HTMLButtonElement;
    expect(button().disabled).toBe(true);
    await runCheck();
    expect(button().disabled).toBe(false);
    const input = screen.getByTestId('report-file') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toContain('.docx');
    pick(fileOf('岳麓区总工会自评报告.docx', new Uint8Array(readFileSync(REPORT))));
    const group = await screen.findByRole('region', { name: '自评报告' });
    expect(gw.check).toHaveBeenLastCalledWith(
      'sheet',
      expect.objectContaining({ name: '岳麓区总工会自评报告.docx', hasForm: false }),
    );
    const sent = gw.check.mock.calls[1][1]!;
    expect(sent.paragraphs.length).toBeGreaterThan(20);
    const items = within(group).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-cell'))).toEqual(['B2']);
    expect(items[0].textContent).toContain('自评报告第 5 段：“…3246家…”');
    // Not listed twice: the 表格 group does not hold it.
    expect(screen.queryByRole('region', { name: '表格' })?.textContent ?? '').not.toContain('3246');
    expect(screen.getByText('自评报告：1 处与自评表不符')).toBeTruthy();
    fireEvent.click(within(items[0]).getAllByRole('button')[0]);
    expect(gw.select).toHaveBeenCalledWith(SHEET, 'B2');
    // 修正 re-checks with the same report.
    fireEvent.click(screen.getByRole('button', { name: /^全部修正/ }));
    fireEvent.click(await screen.findByRole('button', { name: '确认修正', hidden: true }));
    await waitFor(() =>
      expect(gw.applyFixes).toHaveBeenCalledWith(expect.any(Array), 'sheet', sent),
    );
  });

  test("several forms: the report's form can be picked, and the report is checked again against it", async () => {
    if (seed.kind !== 'checked') throw new Error('seed');
    const two = { ...seed, forms: [seed.result, { ...seed.result, sheet: '乙' }] };
    const gw = stubGateway({
      check: jest.fn(async (_scope, report) => {
        if (!report) return two;
        const at = report.pick;
        const sheet = at === undefined ? null : two.forms[at].sheet;
        const notes = sheet
          ? []
          : ['工作簿中有多张项目支出自评表，无法确定对应哪一张，自评报告未与表核对。'];
        return { ...two, report: { name: report.name, sheet, form: null, findings: [], notes } };
      }),
    });
    renderPane(gw);
    fireEvent.click(screen.getByRole('button', { name: '校验' }));
    await screen.findAllByLabelText('校验摘要');
    pick(fileOf('岳麓区总工会自评报告.docx', new Uint8Array(readFileSync(REPORT))));
    const select = (await screen.findByTestId('report-form')) as HTMLSelectElement;
    expect(screen.getByText('自评报告未核对')).toBeTruthy();
    expect([...select.options].map((o) => o.textContent)).toEqual([
      '（请选择）',
      `工作表“${SHEET}”${seed.result.form ? ` ${seed.result.form}` : ''}`,
      `工作表“乙”${seed.result.form ? ` ${seed.result.form}` : ''}`,
    ]);
    fireEvent.change(select, { target: { value: '1' } });
    await screen.findByText('自评报告与自评表一致');
    expect(gw.check).toHaveBeenLastCalledWith('sheet', expect.objectContaining({ pick: 1 }));
    expect((screen.getByTestId('report-form') as HTMLSelectElement).value).toBe('1');
    // 修正 keeps the pick.
    fireEvent.click(screen.getByRole('button', { name: /^全部修正/ }));
    fireEvent.click(await screen.findByRole('button', { name: '确认修正', hidden: true }));
    await waitFor(() =>
      expect(gw.applyFixes).toHaveBeenCalledWith(
        expect.any(Array),
        'sheet',
        expect.objectContaining({ pick: 1 }),
      ),
    );
  });

  test('a file that is not a Word document: one sentence, no stack, the gateway is not asked', async () => {
    const gw = withReportGateway();
    renderPane(gw);
    await runCheck();
    pick(fileOf('照片.docx', new Uint8Array([0xff, 0xd8, 0xff, 0xe0])));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('无法核对自评报告');
    expect(alert.textContent).toContain('“照片.docx”不是 Word 文档（.docx），无法核对');
    expect(alert.textContent).not.toMatch(/Error|at /);
    expect(gw.check).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('校验摘要')).toBeTruthy(); // the form's findings stay
  });
});
