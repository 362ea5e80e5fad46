import { outcomeDialogUrl, outcomeText } from '../../src/addin/core/outcomeText';
import type { CheckOutcome, FormOutcome } from '../../src/addin/core/gateway';

const form = (errors: number, warnings: number, sheet = '自评表'): FormOutcome => ({
  status: 'checked',
  sheet,
  form: null,
  formKind: 'department',
  message: null,
  findings: [],
  summary: {
    errors,
    warnings,
    infos: 0,
    statedTotal: null,
    recomputedTotal: null,
    fullMarks: null,
    grade: null,
    verdict: null,
    coverage: {
      fundRows: 0,
      indicatorRows: 0,
      recomputed: 0,
      unverifiable: 0,
      unplaced: [],
      missing: [],
    },
  },
});
const checked = (forms: FormOutcome[], marked: number, notices: string[] = []): CheckOutcome => ({
  kind: 'checked',
  scope: 'sheet',
  forms,
  result: {
    ...forms[0],
    summary: {
      ...forms[0].summary,
      errors: forms.reduce((n, f) => n + f.summary.errors, 0),
      warnings: forms.reduce((n, f) => n + f.summary.warnings, 0),
    },
  },
  foundElsewhere: null,
  marked,
  notices,
});

describe('the ribbon button says what it found', () => {
  test('"N 个错误、M 个警告" with where and how many cells were marked', () => {
    expect(outcomeText(checked([form(2, 7)], 9))).toEqual({
      title: '2 个错误、7 个警告',
      text: expect.stringContaining(
        '工作表“自评表”：2 个错误、7 个警告，已在 9 个单元格上标色加批注',
      ),
    });
  });

  test('several forms, a clean form, no form, Excel refusing', () => {
    expect(outcomeText(checked([form(1, 0), form(0, 1, '乙')], 2)).text).toContain(
      '2 张自评表：1 个错误、1 个警告',
    );
    expect(outcomeText(checked([form(0, 0)], 0)).title).toBe('未发现错误或警告');
    expect(outcomeText({ kind: 'not-a-form', message: '未找到绩效自评表：……' })).toEqual({
      title: '没有找到绩效自评表',
      text: '未找到绩效自评表：……',
    });
    expect(outcomeText({ kind: 'error', message: 'Excel 正在编辑单元格' }).title).toBe(
      'Excel 拒绝了操作',
    );
  });

  test('the notices reach the dialog too (e.g. no notes in this Excel)', () => {
    expect(outcomeText(checked([form(1, 0)], 1, ['当前 Excel 不支持批注。'])).text).toContain(
      '当前 Excel 不支持批注。',
    );
  });

  test('the dialog address carries the text in its query string, next to the page', () => {
    const url = new URL(
      outcomeDialogUrl('https://intranet.example/selfeval/', checked([form(2, 7)], 9)),
    );
    expect(url.pathname).toBe('/selfeval/result.html');
    expect(url.searchParams.get('kind')).toBe('error');
    expect(url.searchParams.get('title')).toBe('2 个错误、7 个警告');
  });

  test('the verdict leads the title; the text points to the pane, which now shows the list', () => {
    const f = form(2, 7);
    f.summary.verdict = '需修改';
    const o = checked([f], 9);
    expect(outcomeText(o).title).toBe('需修改：2 个错误、7 个警告');
    expect(outcomeText(o).text).toContain('任务窗格中列出了每一条');
    expect(outcomeText({ kind: 'cancelled', message: '已取消校验。' }).title).toBe('已取消');
  });
});
