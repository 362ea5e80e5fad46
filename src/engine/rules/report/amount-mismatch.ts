import { fmt, type NarrativeRule } from '../../narrative/context';
import { LINE_NAME } from '../../narrative/formFacts';
import { isBudget, lineOf } from '../../narrative/lines';
import { inWan, isChange } from '../../narrative/mentions';
import { toA1 } from '../../model/cells';
import { type Dec, round } from '../../values/decimal';
import type { RuleMeta } from '../rule';

export const meta: RuleMeta = {
  id: 'report.amount-mismatch',
  severity: 'warning',
  part: 'funds',
  title: '报告所述金额与表不符',
  description:
    '自评报告写出的某一支出行金额（整体支出、基本支出、人员经费、公用经费、项目支出、财政拨款）与自评表该行的全年执行数不符（按报告写到的位数比较，万元与元换算后）。',
  source: 'r-6-1',
  docs: 'docs/rules/report.amount-mismatch.md',
  messages: {
    main: '{where}写{line} {stated} {unit}，自评表“{label}”全年执行数（{cell}）为 {form} {formUnit}，相差 {diff} 万元。',
    fromParts:
      '{where}写{line} {stated} {unit}，自评表“{label}”全年执行数（{cell}）未填，按各项之和为 {form} {formUnit}，相差 {diff} 万元。',
  },
  fix: null,
};

/** Equal once both are rounded to the coarser of the two precisions they are written with. */
function sameWritten(a: Dec, aDecimals: number, b: Dec): boolean {
  const bDecimals = b.decimalPlaces();
  const dp = Math.min(aDecimals, bDecimals);
  return round(a, dp).equals(round(b, dp));
}

/** docs/rules.md#r-6-1: an amount stated for a line of the 资金 block against its 全年执行数. */
export const reportAmountMismatch: NarrativeRule = {
  meta,
  scope: 'mention',
  check(m, { facts }) {
    if (m.kind !== 'amount' || isChange(m)) return null;
    const named = lineOf(m.lead);
    if (!named || isBudget(m.lead.slice(named.at))) return null;
    const fact = facts.lines[named.line];
    if (!fact || fact.exec === null) return null;
    // The form's amount in the narrative's unit.
    const formWan = facts.unit === '元' ? fact.exec.dividedBy(10000) : fact.exec;
    const inUnit =
      m.unit === '元'
        ? formWan.times(10000)
        : m.unit === '亿元'
          ? formWan.dividedBy(10000)
          : formWan;
    if (sameWritten(m.value, m.decimals, inUnit)) return null;
    return {
      at: m,
      cells: [fact.cell],
      template: fact.fromParts ? 'fromParts' : 'main',
      values: {
        line: LINE_NAME[named.line],
        stated: m.number,
        unit: m.unit,
        label: fact.label,
        cell: toA1(fact.cell),
        form: fmt(fact.exec),
        formUnit: facts.unit,
        diff: fmt(inWan(m).minus(formWan).abs()),
      },
      expected: fmt(fact.exec),
      actual: `${m.number}${m.unit}`,
    };
  },
};
