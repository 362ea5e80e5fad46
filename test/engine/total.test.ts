import Decimal from 'decimal.js';
import { gradeOf } from '../../src/engine/check';
import { NATIONAL_PROFILE } from '../../src/engine/profile/profile';
import { byRule, checkRows } from '../helpers/check';
import { departmentForm } from '../helpers/forms';
import { setCell } from '../helpers/grid';

describe('RULES §4 weights and the total', () => {
  test('Σ 分值 ≠ the total’s 分值 is an error on that cell, naming the sum', () => {
    const rows = setCell(departmentForm(), 'G13', 30);
    setCell(rows, 'H13', 30);
    setCell(rows, 'H20', 109.7);
    const r = checkRows(rows);
    const [f] = byRule(r, 'total.weight-sum-mismatch');
    expect(f).toMatchObject({ severity: 'error', cells: ['G20'], expected: '100', actual: '110' });
    expect(f.message).toContain('执行率 10 + 绩效指标 100');
    expect(f.fix).toBeNull();
    // the scores do add up to their total, so no score error
    expect(byRule(r, 'total.score-sum-mismatch')).toHaveLength(0);
  });

  test('a blank total 分值 counts as 100', () => {
    expect(
      byRule(checkRows(setCell(departmentForm(), 'G20', null)), 'total.weight-sum-mismatch'),
    ).toHaveLength(0);
    const rows = setCell(departmentForm(), 'G20', null);
    setCell(rows, 'G19', 15);
    setCell(rows, 'H19', 15);
    setCell(rows, 'H20', 104.7);
    expect(byRule(checkRows(rows), 'total.weight-sum-mismatch')[0]).toMatchObject({
      cells: ['G20'],
      expected: '100',
      actual: '105',
    });
  });

  test('Σ 得分 ≠ the total’s 得分 is an error with the sum as fix (when the weights add up)', () => {
    const r = checkRows(setCell(departmentForm(), 'H20', 96));
    const [f] = byRule(r, 'total.score-sum-mismatch');
    expect(f).toMatchObject({
      severity: 'error',
      cells: ['H20'],
      expected: '99.7',
      actual: '96',
      fix: { cell: 'H20', value: '99.7' },
    });
  });

  test('the seed shape: weights 110 against 100 and scores 106 against 96, both errors, no score fix', () => {
    const rows = setCell(departmentForm(), 'G13', 30);
    setCell(rows, 'H13', 30);
    setCell(rows, 'H20', 99.7);
    const r = checkRows(rows);
    expect(byRule(r, 'total.weight-sum-mismatch')).toHaveLength(1);
    const [f] = byRule(r, 'total.score-sum-mismatch');
    expect(f.expected).toBe('109.7');
    expect(f.fix).toBeNull();
  });

  test('level-1 weights that differ from the national 10/50/30/10 are info only', () => {
    const r = checkRows(departmentForm());
    const infos = byRule(r, 'total.level1-weights');
    // 产出 20+10+10+10 = 50, 效益 30, 满意度 10: standard
    expect(infos).toHaveLength(0);
    const rows = departmentForm();
    setCell(rows, 'G13', 25);
    setCell(rows, 'H13', 25);
    setCell(rows, 'G17', 10);
    setCell(rows, 'H17', 10);
    const r2 = checkRows(rows);
    expect(byRule(r2, 'total.level1-weights').map((f) => [f.severity, f.cells[0]])).toEqual([
      ['info', 'B13'],
      ['info', 'B17'],
    ]);
  });

  test('the summary recomputes the total with recomputed scores and grades it', () => {
    const rows = departmentForm();
    // 72.74% against ≥95% (weight 10) but scored full: recomputed 10 × 72.74 ÷ 95 = 7.66
    setCell(rows, 'F14', '72.74%');
    setCell(rows, 'I14', '原因');
    const r = checkRows(rows);
    expect(r.summary.statedTotal).toBe('99.7');
    expect(r.summary.recomputedTotal).toBe('97.36');
    expect(r.summary.grade).toBe('优');
  });

  test.each([
    ['100', '优'],
    ['90', '优'],
    ['89.99', '良'],
    ['80', '良'],
    ['79.99', '中'],
    ['60', '中'],
    ['59.99', '差'],
    ['0', '差'],
  ])('grade of %s is %s (财政部预算司 bands)', (total, grade) => {
    expect(gradeOf(new Decimal(total), NATIONAL_PROFILE)).toBe(grade);
  });
});
