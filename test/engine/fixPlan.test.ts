import {
  checkSheets,
  checkWorkbook,
  fixPlanOf,
  settleFixes,
  checkSheet,
} from '../../src/engine/check';
import { applyFixes } from '../../src/engine/fixes/apply';
import { FOLLOW_UP_RULE, planFixes, type Recheck } from '../../src/engine/fixes/plan';
import type { CheckResult, Finding, Fix } from '../../src/engine/findings/types';
import type { GridSnapshot } from '../../src/engine/grid/types';
import { departmentForm, projectForm } from '../helpers/forms';
import { getCell, setCell, snapshot } from '../helpers/grid';

/** Every fix the results offer. */
function fixesOf(results: CheckResult[]): Fix[] {
  return results.flatMap((r) => r.findings.flatMap((f) => (f.fix ? [f.fix] : [])));
}

/** Applies every offered fix in memory and checks again. */
function afterFixes(snap: GridSnapshot): {
  before: CheckResult[];
  after: CheckResult[];
  fixes: Fix[];
} {
  const before = checkWorkbook([snap]);
  const fixes = fixesOf(before);
  return { before, after: checkWorkbook([applyFixes(snap, fixes)]), fixes };
}

const alarms = (results: CheckResult[]) =>
  results.flatMap((r) =>
    r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}@${f.cells[0]}`),
  );

describe('applyFixes writes as the add-in does', () => {
  test('"100.00%" into a blank cell: the number 1 formatted 0.00%; "299.59": the number 299.59; the input is untouched', () => {
    const snap = snapshot(
      [
        ['a', null],
        [null, 'x'],
      ],
      { formats: { B2: '@' } },
    );
    const out = applyFixes(snap, [
      { cell: 'B1', value: '100.00%' },
      { cell: 'A2', value: '299.59' },
    ]);
    expect(out.values[0][1]).toBe(1);
    expect(out.numberFormats?.[0][1]).toBe('0.00%');
    expect(out.values[1][0]).toBe(299.59);
    expect(snap.values[0][1]).toBeNull();
    expect(snap.values[1][0]).toBeNull();
    expect(snap.numberFormats?.[0][1]).toBeNull();
  });

  test('a rate into a %-formatted cell is a fraction and keeps the format; into text it stays text; 97.1-style stays so', () => {
    const snap = snapshot([[0.5, '50%', 50]], { formats: { A1: '0%' } });
    const out = applyFixes(snap, [
      { cell: 'A1', value: '97.10%' },
      { cell: 'B1', value: '97.10%' },
      { cell: 'C1', value: '97.10%' },
    ]);
    expect(out.values[0]).toEqual([0.971, '97.10%', 97.1]);
    expect(out.numberFormats?.[0][0]).toBe('0%');
  });

  test('a cell outside the snapshot grows it; a written cell loses its formula and displayed text', () => {
    const snap: GridSnapshot = {
      sheetName: 'S',
      originRow: 1,
      originCol: 1,
      values: [[1]],
      formulas: [['=A1']],
      texts: [['1']],
      merges: [],
    };
    const out = applyFixes(snap, [
      { cell: 'A1', value: '5' },
      { cell: 'D4', value: '7' },
      { cell: 'B2', value: '2' },
    ]);
    expect(out.originRow).toBe(0);
    expect(out.originCol).toBe(0);
    expect(out.values[0][0]).toBe(5);
    expect(out.values[1][1]).toBe(2);
    expect(out.values[3][3]).toBe(7);
    expect(out.formulas?.[1][1]).toBeNull();
    expect(out.texts?.[1][1]).toBeNull();
    expect(snap.values).toEqual([[1]]);
  });
});

describe('the fix plan (RULES §4a)', () => {
  test('blank 合计 and blank rate: the rate the filled totals make computable is in the same plan', () => {
    const rows = departmentForm();
    for (const a of ['D3', 'E3', 'F3']) setCell(rows, a, null);
    const snap = snapshot(rows);
    const plan = fixPlanOf(snap, checkSheet(snap));
    expect(plan.fixes.map((f) => [f.cell, f.value, f.round])).toEqual([
      ['D3', '505.22', 1],
      ['E3', '490.10', 1],
      ['F3', '97.01%', 2],
    ]);
    expect(plan.rounds).toBe(2);
    expect(plan.dropped).toEqual([]);
    const { before, after } = afterFixes(snap);
    // The rate fix is offered on a note of its own, as the later check put it.
    const rate = before[0].findings.find((f) => f.fix?.cell === 'F3') as Finding;
    expect(rate).toMatchObject({
      rule: FOLLOW_UP_RULE,
      severity: 'info',
      expected: '97.01%',
      cells: ['F3'],
    });
    expect(rate.message).toContain('= 97.01%');
    expect(fixesOf(after)).toEqual([]);
    expect(alarms(after)).toEqual([]);
    expect(before[0].summary.infos).toBe(
      before[0].findings.filter((f) => f.severity === 'info').length,
    );
  });

  test('a total recomputed from corrected scores: the 总分 fix is the final sum, and its expected says so', () => {
    const rows = projectForm();
    setCell(rows, 'H12', 20); // 服务老人人数 met: 25 due
    setCell(rows, 'H17', 94.5); // the stated scores' sum
    setCell(rows, 'H6', 9); // execution score: 9.5 due
    const snap = snapshot(rows);
    const [r] = checkWorkbook([snap]);
    const total = r.findings.find((f) => f.cells[0] === 'H17' && f.fix) as Finding;
    expect(total.fix).toEqual({ cell: 'H17', value: '99.5' });
    expect(total.expected).toBe('99.5');
    expect(total.message).toContain('应填 99.5');
    expect(
      fixesOf([r])
        .map((f) => `${f.cell}=${f.value}`)
        .sort(),
    ).toEqual(['H12=25', 'H17=99.5', 'H6=9.5']);
    const { after } = afterFixes(snap);
    expect(fixesOf(after)).toEqual([]);
    expect(alarms(after)).toEqual([]);
  });

  test('a score fix that would break a 总分 which gets no fix (Σ 分值 is off) is not offered', () => {
    const rows = projectForm();
    setCell(rows, 'G17', 110); // Σ 分值 100 ≠ 110: the 总分 gets no fix
    setCell(rows, 'H12', 20); // 25 due
    setCell(rows, 'H17', 94.5); // = Σ stated scores: the total agrees today
    const snap = snapshot(rows);
    const [r] = checkWorkbook([snap]);
    const score = r.findings.find(
      (f) => f.rule === 'indicator.score-mismatch' && f.cells[0] === 'H12',
    ) as Finding;
    expect(score.fix).toBeNull();
    expect(fixPlanOf(snap, checkSheet(snap)).dropped).toEqual([
      { cell: 'H12', reason: 'contradicted' },
    ]);
  });

  test('a warning the corrected values bring to light is announced beforehand, without a fix', () => {
    const rows = projectForm();
    setCell(rows, 'E7', 100); // the parts of 全年执行数 add up to 120, not the 190 stated: once
    setCell(rows, 'G7', '55.56%'); // corrected, the rate on the 合计 row falls below 90%
    const snap = snapshot(rows);
    const [r] = checkWorkbook([snap]);
    const { after } = afterFixes(snap);
    const announced = new Set(
      r.findings.filter((f) => f.rule === FOLLOW_UP_RULE && !f.fix).map((f) => f.cells[0]),
    );
    const old = new Set(alarms([r]));
    const fresh = after[0].findings.filter(
      (f) => f.severity !== 'info' && !old.has(`${f.rule}@${f.cells[0]}`),
    );
    expect(fresh.length).toBeGreaterThan(0);
    for (const f of fresh) {
      expect(f.severity).toBe('warning');
      expect(announced.has(f.cells[0])).toBe(true);
    }
    expect(fresh.map((f) => `${f.rule}@${f.cells[0]}`)).toEqual(['funds.low-execution@G6']);
    expect(
      fixesOf([r])
        .map((f) => `${f.cell}=${f.value}`)
        .sort(),
    ).toEqual(['E6=120.00', 'G6=60.00%', 'H17=96', 'H6=6']);
    expect(fixesOf(after)).toEqual([]);
  });

  test('RULES §4a: 资金来源合计 and 资金结构合计 disagree and each agrees with its parts once fixed: no fix for either', () => {
    const rows = departmentForm();
    setCell(rows, 'D4', 470.22); // sources parts now 495.22; 合计 505.22 still equals the structure
    setCell(rows, 'F4', '98.91%'); // the part's own rate agrees with its amounts
    const snap = snapshot(rows);
    const first = checkSheet(snap);
    expect(first[0].findings.find((f) => f.rule === 'funds.sum-mismatch')?.fix).toEqual({
      cell: 'D3',
      value: '495.22',
    });
    const plan = fixPlanOf(snap, first);
    expect(plan.dropped).toContainEqual({ cell: 'D3', reason: 'contradicted' });
    const [r] = checkWorkbook([snap]);
    expect(r.findings.filter((f) => f.fix && ['D3', 'D6'].includes(f.fix.cell))).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'funds.sum-mismatch' && f.cells[0] === 'D3')).toBe(
      true,
    );
    expect(r.findings.some((f) => f.rule === 'funds.sources-structure-mismatch')).toBe(true);
    const { after } = afterFixes(snap);
    expect(fixesOf(after)).toEqual([]);
  });

  test('RULES §4a: a blank 资金来源合计 whose parts disagree with the 资金结构合计 is not filled', () => {
    const rows = departmentForm();
    setCell(rows, 'D3', null);
    setCell(rows, 'D4', 470.22);
    setCell(rows, 'F4', '98.91%');
    const snap = snapshot(rows);
    const [r] = checkWorkbook([snap]);
    expect(r.findings.find((f) => f.rule === 'funds.blank-total')?.fix).toBeNull();
    expect(fixesOf(checkWorkbook([applyFixes(snap, fixesOf([r]))]))).toEqual([]);
  });

  test('no cell is offered two values, and every fix-carrying finding expects its fix', () => {
    const rows = departmentForm();
    for (const a of ['D3', 'E3', 'F3', 'H3', 'H20']) setCell(rows, a, null);
    setCell(rows, 'H13', 15);
    const [r] = checkWorkbook([snapshot(rows)]);
    const byCell = new Map<string, Set<string>>();
    for (const f of r.findings) {
      if (!f.fix) continue;
      expect(f.expected).toBe(f.fix.value);
      byCell.set(f.fix.cell, (byCell.get(f.fix.cell) ?? new Set()).add(f.fix.value));
    }
    expect([...byCell.values()].every((s) => s.size === 1)).toBe(true);
    expect(byCell.get('H20')).toEqual(new Set(['99.7']));
    expect(byCell.get('H3')).toEqual(new Set(['9.7']));
    expect(byCell.get('H13')).toEqual(new Set(['20']));
    const { after } = afterFixes(snapshot(rows));
    expect(fixesOf(after)).toEqual([]);
    expect(getCell(rows, 'H20')).toBeNull(); // the caller's rows are never written
  });
});

describe('the plan drops what does not settle (fake checks)', () => {
  const finding = (
    cell: string,
    value: string,
    rule = 'r.one',
    severity: Finding['severity'] = 'error',
  ): Finding => ({
    rule,
    severity,
    part: 'funds',
    cells: [cell],
    message: 'm',
    expected: value,
    actual: 'x',
    fix: { cell, value },
  });
  const result = (findings: Finding[]): CheckResult => ({
    status: 'checked',
    sheet: 'S',
    form: null,
    formKind: 'department',
    message: null,
    findings,
    summary: {
      errors: findings.length,
      warnings: 0,
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
  const snap: GridSnapshot = {
    sheetName: 'S',
    originRow: 0,
    originCol: 0,
    values: [[1, 2, 3]],
    merges: [],
  };
  const cellOf = (s: GridSnapshot, col: number) => s.values[0][col];

  test('two findings that want one cell to hold different values: that cell gets no fix, the others do', () => {
    const first = [result([finding('A1', '5'), finding('A1', '6', 'r.two'), finding('B1', '7')])];
    // Once B1 is 7 nothing is left to fix.
    const recheck: Recheck = (s) => [result(cellOf(s, 1) === 7 ? [] : [finding('B1', '7')])];
    const plan = planFixes(snap, first, recheck);
    expect(plan.fixes.map((f) => `${f.cell}=${f.value}`)).toEqual(['B1=7']);
    expect(plan.dropped).toEqual([{ cell: 'A1', reason: 'conflict' }]);
  });

  test('a conflict that only a later round shows drops that cell too', () => {
    const first = [result([finding('A1', '5')])];
    // (Warnings: a new error that writing A1 brings about would drop A1 as well.)
    const recheck: Recheck = (s) => [
      result(
        cellOf(s, 0) === 5
          ? [finding('B1', '8', 'r.one', 'warning'), finding('B1', '9', 'r.two', 'warning')]
          : [],
      ),
    ];
    const plan = planFixes(snap, first, recheck);
    expect(plan.fixes.map((f) => f.cell)).toEqual(['A1']);
    expect(plan.dropped).toEqual([{ cell: 'B1', reason: 'conflict' }]);
    expect(plan.revealed.map((r) => r.finding.rule)).toEqual(['r.one', 'r.two']);
  });

  test('a new error that writing a cell brings about drops that cell (and only it)', () => {
    const first = [result([finding('A1', '5'), finding('B1', '7')])];
    const total: Finding = { ...finding('C1', '0', 'r.total'), fix: null };
    // Writing A1 breaks C1, which gets no fix; B1 is harmless.
    const recheck: Recheck = (s) => [result(cellOf(s, 0) === 5 ? [total] : [])];
    const plan = planFixes(snap, first, recheck);
    expect(plan.fixes.map((f) => `${f.cell}=${f.value}`)).toEqual(['B1=7']);
    expect(plan.dropped).toEqual([{ cell: 'A1', reason: 'contradicted' }]);
  });

  test('a fix a later round undoes (puts the old value back) is dropped', () => {
    const first = [result([finding('A1', '5')])];
    const recheck: Recheck = (s) => [result(cellOf(s, 0) === 5 ? [finding('A1', '1')] : [])];
    const plan = planFixes(snap, first, recheck);
    expect(plan.fixes).toEqual([]);
    expect(plan.dropped).toEqual([{ cell: 'A1', reason: 'undone' }]);
  });

  test('a fix that never settles is dropped; a fix offered again after it was written is dropped', () => {
    let n = 10;
    const drifting: Recheck = () => [result([finding('C1', String(n++))])];
    expect(planFixes(snap, [result([finding('C1', '4')])], drifting).dropped).toEqual([
      { cell: 'C1', reason: 'unsettled' },
    ]);
    const stuck: Recheck = () => [result([finding('C1', '4')])];
    const plan = planFixes(snap, [result([finding('C1', '4')])], stuck);
    expect(plan.fixes).toEqual([]);
    expect(plan.dropped).toEqual([{ cell: 'C1', reason: 'unsettled' }]);
  });

  test('a fixed cell that still carries an error once the plan is applied is dropped', () => {
    const first = [result([finding('A1', '5')])];
    const still: Finding = { ...finding('A1', '5'), rule: 'r.other', fix: null };
    const recheck: Recheck = (s) => [result(cellOf(s, 0) === 5 ? [still] : [])];
    const plan = planFixes(snap, first, recheck);
    expect(plan.fixes).toEqual([]);
    expect(plan.dropped).toEqual([{ cell: 'A1', reason: 'contradicted' }]);
  });

  test('settleFixes leaves results without fixes as they are (no re-check)', () => {
    const r = checkSheets([snapshot(departmentForm())]);
    const snap2 = snapshot(departmentForm());
    expect(settleFixes(snap2, [r])[0]).toBe(r);
  });
});
