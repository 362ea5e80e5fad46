import { fmt, type NarrativeRule } from '../../narrative/context';
import { LINE_NAME } from '../../narrative/formFacts';
import { lineOf } from '../../narrative/lines';
import { round } from '../../values/decimal';
import type { RuleMeta } from '../rule';

export const meta: RuleMeta = {
  id: 'report.rate-mismatch',
  severity: 'warning',
  part: 'funds',
  title: '报告所述执行率与表不符',
  description:
    '自评报告写出的（整体或某一支出行的）预算执行率，与按自评表该行全年执行数 ÷ 全年预算数算出的执行率（按报告写到的位数）不符。',
  source: 'r-6-4',
  docs: 'docs/rules/report.rate-mismatch.md',
  messages: {
    main: '{where}写{line}执行率 {stated}%，按自评表“{label}”全年执行数 {exec} ÷ 全年预算数 {budget} 为 {rate}%。',
  },
  fix: null,
};

/** docs/rules.md#r-6-4: an execution rate stated, against the line's 全年执行数 ÷ 全年预算数. */
export const reportRateMismatch: NarrativeRule = {
  meta,
  scope: 'mention',
  check(m, { facts }) {
    if (m.kind !== 'percent' || !/执行率/.test(m.lead)) return null;
    const named = lineOf(m.lead.slice(0, m.lead.lastIndexOf('执行率')));
    const fact = facts.lines[named?.line ?? 'total'];
    if (!fact || fact.exec === null || !fact.budget || fact.budget.isZero()) return null;
    const percent = fact.exec.dividedBy(fact.budget).times(100);
    if (round(percent, m.decimals).equals(m.value)) return null;
    return {
      at: m,
      cells: [fact.rateCell ?? fact.cell],
      template: 'main',
      values: {
        line: named ? LINE_NAME[named.line] : '',
        stated: m.number,
        label: fact.label,
        exec: fmt(fact.exec),
        budget: fmt(fact.budget),
        rate: round(percent, Math.max(m.decimals, 2)).toFixed(Math.max(m.decimals, 2)),
      },
      expected: `${round(percent, 2).toFixed(2)}%`,
      actual: `${m.number}%`,
    };
  },
};
