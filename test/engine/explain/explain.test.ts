import { checkWorkbook } from '../../../src/engine/check';
import { explainResults, withExplanation } from '../../../src/engine/explain/apply';
import type { StoredExplanation } from '../../../src/engine/explain/types';
import { parseExplanations, serializeExplanations } from '../../../src/engine/explain/xml';
import type { CheckResult, Finding } from '../../../src/engine/findings/types';
import { departmentForm } from '../../helpers/forms';
import { type Rows, setCell, snapshot } from '../../helpers/grid';

/** The consistent form with one over-execution (其他资金 25 budgeted, 27 spent: a warning only). */
function overExecuted(): Rows {
  const rows = departmentForm();
  // 其他资金 27 of 25, totals kept consistent: 财政拨款 463.1 so 合计 stays 490.1.
  setCell(rows, 'E5', 27);
  setCell(rows, 'F5', '108.00%');
  setCell(rows, 'E4', 463.1);
  setCell(rows, 'F4', '96.43%');
  return rows;
}

const check = (rows: Rows): CheckResult => checkWorkbook([snapshot(rows)])[0];
const over = (r: CheckResult): Finding => {
  const f = r.findings.find((x) => x.rule === 'funds.over-execution');
  if (!f) throw new Error(`no over-execution in ${r.findings.map((x) => x.rule).join(', ')}`);
  return f;
};

function explain(f: Finding, text: string): StoredExplanation {
  if (!f.key) throw new Error('no key');
  return { ...f.key, text, by: '张三', at: '2026-12-03T12:00:00.000Z', cell: f.cells[0] };
}

describe('审核说明 (RULES §7.1)', () => {
  test('a warning explained no longer keeps the form from 可报送', () => {
    const r = check(overExecuted());
    expect(r.summary.errors).toBe(0);
    expect(r.summary.verdict).toBe('需说明');
    const stored = r.findings
      .filter((f) => f.severity === 'warning')
      .map((f) => explain(f, '经批准追加'));
    const [e] = explainResults([r], stored);
    expect(e.summary.verdict).toBe('可报送');
    expect(over(e).explanation).toEqual({
      text: '经批准追加',
      by: '张三',
      at: '2026-12-03T12:00:00.000Z',
      outdated: false,
    });
    // The counts are what the check found: an explanation answers a warning, it does not hide it.
    expect(e.summary.warnings).toBe(r.summary.warnings);
  });

  test('rows inserted above do not lose it: the match is by rule, sheet and labels', () => {
    const r = check(overExecuted());
    const stored = r.findings
      .filter((f) => f.severity === 'warning')
      .map((f) => explain(f, '经批准追加'));
    const moved = overExecuted();
    moved.splice(1, 0, ['填报单位（盖章）：某单位'], ['金额单位：万元']);
    const [e] = explainResults([check(moved)], stored);
    expect(over(e).cells[0]).not.toBe(over(r).cells[0]);
    expect(over(e).explanation?.outdated).toBe(false);
    expect(e.summary.verdict).toBe('可报送');
  });

  test('changed values make it 已过期: shown, not applied', () => {
    const r = check(overExecuted());
    const stored = [explain(over(r), '经批准追加')];
    const changed = overExecuted();
    setCell(changed, 'E5', 28);
    setCell(changed, 'F5', '112.00%');
    setCell(changed, 'E4', 462.1);
    setCell(changed, 'F4', '96.23%');
    const [e] = explainResults([check(changed)], stored);
    expect(over(e).explanation).toMatchObject({ text: '经批准追加', outdated: true });
    expect(e.summary.verdict).toBe('需说明');
  });

  test('an error is never explained, even by a stored entry that names it', () => {
    const rows = overExecuted();
    setCell(rows, 'E3', 500); // 合计 no longer the sum: an error on E3
    const r = check(rows);
    const error = r.findings.find((f) => f.severity === 'error');
    if (!error) throw new Error('no error');
    const [e] = explainResults([r], [explain(error, '不必修改')]);
    expect(e.findings.find((f) => f.severity === 'error')?.explanation).toBeUndefined();
    expect(e.summary.verdict).toBe('需修改');
  });

  test('a second explanation of the same finding replaces the first', () => {
    const r = check(overExecuted());
    const a = explain(over(r), '第一次');
    const b = { ...explain(over(r), '第二次'), at: '2026-12-04T08:00:00.000Z' };
    expect(withExplanation(withExplanation([], a), b)).toEqual([b]);
  });
});

describe('the part urn:selfeval:explanations:1', () => {
  const entry: StoredExplanation = {
    rule: 'funds.over-execution',
    sheet: '部门整体支出绩效自评表',
    labels: ['sources', '(2)其他资金', 'exec'],
    values: ['≤ 25.00', '27.00', '27', '25'],
    text: '经局党组会议批准追加 2 万元 <附件3> & "说明"\n第二行',
    by: '张三',
    at: '2026-12-03T12:00:00.000Z',
    cell: 'E5',
  };

  test('what is written is read back, text with markup characters and line breaks included', () => {
    const xml = serializeExplanations({ profile: 'hubei-2020', explanations: [entry] });
    expect(xml).toContain(
      '<explanations xmlns="urn:selfeval:explanations:1" profile="hubei-2020">',
    );
    expect(parseExplanations(xml)).toEqual({ profile: 'hubei-2020', explanations: [entry] });
  });

  test('a host that writes prefixes and single quotes is read the same', () => {
    const xml = `<ns0:explanations xmlns:ns0='urn:selfeval:explanations:1'><ns0:explanation rule='r.x' sheet='S' at='t'><ns0:label>a</ns0:label><ns0:text>好</ns0:text></ns0:explanation></ns0:explanations>`;
    expect(parseExplanations(xml)?.explanations).toEqual([
      {
        rule: 'r.x',
        sheet: 'S',
        labels: ['a'],
        values: [],
        text: '好',
        by: null,
        at: 't',
        cell: null,
      },
    ]);
  });

  test('another namespace is not ours', () => {
    expect(parseExplanations('<explanations xmlns="urn:other"/>')).toBeNull();
  });
});
