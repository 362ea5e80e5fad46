import { alarmKeys, byRule, checkRows } from '../helpers/check';
import { departmentForm, projectForm } from '../helpers/forms';
import { setCell, snapshot } from '../helpers/grid';
import { checkSheets } from '../../src/engine/check';
import { NATIONAL_PROFILE, withOverrides } from '../../src/engine/profile/profile';

describe('RULES §2 money: totals', () => {
  test('a 合计 that does not add up is an error on the total, naming the parts, with the sum as fix', () => {
    const rows = setCell(departmentForm(), 'D3', 505.12);
    const r = checkRows(rows);
    const [f] = byRule(r, 'funds.sum-mismatch');
    expect(f.severity).toBe('error');
    expect(f.cells).toEqual(['D3', 'D4', 'D5']);
    expect(f.expected).toBe('505.22');
    expect(f.actual).toBe('505.12');
    expect(f.message).toContain('（1）财政拨款 480.22 + （2）其他资金 25.00 = 505.22');
    expect(f.message).toContain('相差 0.10');
    expect(f.fix).toEqual({ cell: 'D3', value: '505.22' });
  });

  test('a difference within the 0.01 尾差 tolerance passes; 0.02 does not', () => {
    expect(
      byRule(checkRows(setCell(departmentForm(), 'D3', 505.23)), 'funds.sum-mismatch'),
    ).toHaveLength(0);
    expect(
      byRule(checkRows(setCell(departmentForm(), 'D3', 505.24)), 'funds.sum-mismatch'),
    ).toHaveLength(1);
  });

  test('decimal arithmetic: 0.1 + 0.2 = 0.3 exactly', () => {
    const rows = departmentForm();
    setCell(rows, 'D4', 0.1);
    setCell(rows, 'D5', 0.2);
    setCell(rows, 'D3', 0.3);
    // with tolerance 0 only exact decimal arithmetic passes: in binary floats 0.1 + 0.2 ≠ 0.3
    const r = checkSheets(
      [snapshot(rows)],
      withOverrides(NATIONAL_PROFILE, { amountTolerance: '0' }),
    );
    expect(byRule(r, 'funds.sum-mismatch').filter((f) => f.cells[0] === 'D3')).toHaveLength(0);
  });

  test('基本支出 = 人员支出 + 公用支出', () => {
    const r = checkRows(setCell(departmentForm(), 'E9', 96));
    const keys = byRule(r, 'funds.sum-mismatch').map((f) => f.cells[0]);
    expect(keys).toContain('E7');
  });

  test('a blank 合计 is a warning with the value it should hold', () => {
    const rows = departmentForm();
    setCell(rows, 'D6', '　');
    setCell(rows, 'E6', null);
    const r = checkRows(rows);
    const blanks = byRule(r, 'funds.blank-total');
    expect(blanks.map((f) => [f.cells[0], f.severity, f.fix?.value])).toEqual([
      ['D6', 'warning', '505.22'],
      ['E6', 'warning', '490.10'],
    ]);
    expect(byRule(r, 'funds.sum-mismatch')).toHaveLength(0);
  });

  test('资金来源合计 ≠ 资金结构合计 is an error naming both sums', () => {
    const rows = departmentForm();
    // structure adds up internally but to a different total
    setCell(rows, 'D10', 110.22);
    setCell(rows, 'D6', 510.22);
    const r = checkRows(rows);
    const [f] = byRule(r, 'funds.sources-structure-mismatch');
    expect(f.severity).toBe('error');
    expect(f.cells).toEqual(['D6', 'D3']);
    expect(f.message).toContain('510.22');
    expect(f.message).toContain('505.22');
  });

  test('blank 合计 rows are compared through their parts (the seed: 254.85 + 44.74 = 299.59)', () => {
    const rows = departmentForm();
    for (const a of ['D3', 'E3', 'D6', 'E6']) setCell(rows, a, null);
    const r = checkRows(rows);
    expect(byRule(r, 'funds.sources-structure-mismatch')).toHaveLength(0);
    // the execution score on the blank total row is computed from the parts
    expect(byRule(r, 'funds.exec-score-mismatch')).toHaveLength(0);
    expect(byRule(r, 'funds.exec-score-unverifiable')).toHaveLength(0);
  });

  test('project form: 年度资金总额 = 财政拨款 + 上年结转 + 其他资金, in every amount column including 年初预算数', () => {
    const rows = setCell(projectForm(), 'C6', 210);
    const r = checkRows(rows);
    expect(byRule(r, 'funds.sum-mismatch').map((f) => f.cells[0])).toEqual(['C6']);
  });
});

describe('RULES §2 money: execution rate', () => {
  test('a wrong rate is an error with the rate at the precision shown', () => {
    const r = checkRows(setCell(departmentForm(), 'F3', '98.00%'));
    const [f] = byRule(r, 'funds.rate-mismatch');
    expect(f.severity).toBe('error');
    expect(f.cells[0]).toBe('F3');
    expect(f.expected).toBe('97.01%');
    expect(f.actual).toBe('98.00%');
    expect(f.fix).toEqual({ cell: 'F3', value: '97.01%' });
    expect(f.message).toContain('490.10 ÷ 全年预算数 505.22');
  });

  test('a rate shown as a whole percent is compared at whole-percent precision', () => {
    expect(
      byRule(checkRows(setCell(departmentForm(), 'F3', '97%')), 'funds.rate-mismatch'),
    ).toHaveLength(0);
    const r = checkRows(setCell(departmentForm(), 'F3', '96%'));
    expect(byRule(r, 'funds.rate-mismatch')[0].fix?.value).toBe('97%');
  });

  test.each([
    ['text 100%', '100%', undefined],
    ['text with full-width space', '　100%', undefined],
    ['text 100.00%', '100.00%', undefined],
    ['fraction formatted 0%', 1, '0%'],
    ['fraction formatted 0.00%', 1, '0.00%'],
    ['plain 1', 1, undefined],
    ['plain 100', 100, undefined],
  ])('100%% accepted as %s', (_name, value, format) => {
    const rows = setCell(departmentForm(), 'F5', value);
    const r = checkRows(rows, format ? { formats: { F5: format } } : {});
    expect(byRule(r, 'funds.rate-mismatch')).toHaveLength(0);
  });

  test('a fraction formatted 0.00% that is off is caught: 0.9801 shown 98.01% vs 97.01%', () => {
    const r = checkRows(setCell(departmentForm(), 'F3', 0.9801), { formats: { F3: '0.00%' } });
    expect(byRule(r, 'funds.rate-mismatch')[0]).toMatchObject({
      expected: '97.01%',
      actual: '98.01%',
    });
  });

  test('a blank rate where both amounts exist is a warning with the value', () => {
    const r = checkRows(setCell(departmentForm(), 'F4', null));
    expect(byRule(r, 'funds.rate-blank')[0]).toMatchObject({
      severity: 'warning',
      cells: ['F4'],
      fix: { cell: 'F4', value: '96.85%' },
    });
  });

  test('a 0 budget makes the rate not applicable: no 0%, no error; a stated rate is only an info', () => {
    const rows = projectForm();
    setCell(rows, 'G9', '0%');
    const r = checkRows(rows);
    expect(byRule(r, 'funds.rate-mismatch')).toHaveLength(0);
    expect(byRule(r, 'funds.rate-blank')).toHaveLength(0);
    expect(byRule(r, 'funds.rate-not-applicable')[0]).toMatchObject({
      severity: 'info',
      cells: ['G9'],
    });
    expect(alarmKeys(r)).toEqual([]);
  });

  test('over-execution is a warning on the 执行数', () => {
    const rows = departmentForm();
    setCell(rows, 'E5', 26);
    setCell(rows, 'F5', '104.00%');
    setCell(rows, 'E3', 491.1);
    setCell(rows, 'F3', '97.20%');
    const r = checkRows(rows);
    expect(byRule(r, 'funds.over-execution').map((f) => f.cells[0])).toEqual(['E5']);
  });

  test('a rate below 90% is a warning asking for the reason', () => {
    const rows = departmentForm();
    setCell(rows, 'E10', 80);
    setCell(rows, 'F10', '76.03%');
    const r = checkRows(rows);
    const low = byRule(r, 'funds.low-execution');
    expect(low.map((f) => f.cells[0])).toContain('F10');
    expect(low[0].message).toContain('原因');
  });
});

describe('RULES §2.5 execution score', () => {
  test('得分 = 分值 × 执行率, rounded to 2 decimals: 10 × 97.007% = 9.70', () => {
    const r = checkRows(setCell(departmentForm(), 'H3', 10));
    const [f] = byRule(r, 'funds.exec-score-mismatch');
    expect(f).toMatchObject({
      severity: 'error',
      cells: ['H3', 'G3'],
      expected: '9.7',
      actual: '10',
      fix: { cell: 'H3', value: '9.7' },
    });
  });

  test('得分不得突破权重: over-execution caps the rate at 100%', () => {
    const rows = departmentForm();
    setCell(rows, 'E5', 30);
    setCell(rows, 'F5', '120.00%');
    setCell(rows, 'E3', 495.1);
    setCell(rows, 'F3', '98.00%');
    setCell(rows, 'H3', 9.8);
    setCell(rows, 'H20', 99.8);
    setCell(rows, 'E4', 465.1);
    expect(byRule(checkRows(rows), 'funds.exec-score-mismatch')).toHaveLength(0);
    // all over: the score is the weight, not more
    for (const [a, v] of [
      ['E3', 600],
      ['E4', 575],
      ['F3', '118.76%'],
      ['F4', '119.74%'],
    ] as const)
      setCell(rows, a, v);
    const r = checkRows(setCell(rows, 'H3', 11.88));
    expect(byRule(r, 'funds.exec-score-mismatch')[0]).toMatchObject({ expected: '10' });
  });

  test('sub-rows carry no score: a number there is an info, not counted', () => {
    const r = checkRows(setCell(departmentForm(), 'H4', 5));
    expect(byRule(r, 'funds.stray-score')[0]).toMatchObject({ severity: 'info', cells: ['H4'] });
    expect(byRule(r, 'total.score-sum-mismatch')).toHaveLength(0);
  });
});

describe('RULES §2 money: breakdown lines are not extra parts', () => {
  test('其中 lines under （1）财政拨款 are not added into 合计 again', () => {
    const rows = departmentForm();
    rows.splice(
      4,
      0,
      [null, null, '其中：一般公共预算', 400.22, 390.1, '97.47%', '－', '－'],
      [null, null, '      政府性基金', 80, 75, '93.75%', '－', '－'],
    );
    const r = checkRows(rows);
    expect(alarmKeys(r)).toEqual([]);
  });

  test('without numbering every source line is a part (project form: 年度资金总额 = 财政拨款 + 上年结转 + 其他资金)', () => {
    expect(alarmKeys(checkRows(projectForm()))).toEqual([]);
    const r = checkRows(setCell(projectForm(), 'D8', 30));
    expect(byRule(r, 'funds.sum-mismatch').map((f) => f.cells[0])).toEqual(['D6']);
  });
});
