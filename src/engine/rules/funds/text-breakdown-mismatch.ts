import { differenceText } from '../../findings/format';
import type { TextAmount } from '../../model/form';
import { limitsOf } from '../../profile/limits';
import { type Dec, money, sum } from '../../values/decimal';
import { defineRule, fill, type FindingDetail, type RuleMeta } from '../rule';
import { agrees } from '../support/tolerance';

export const meta: RuleMeta = {
  id: 'funds.text-breakdown-mismatch',
  severity: 'error',
  part: 'funds',
  title: '文字写明的资金构成不符',
  description:
    '湖南县级表把资金构成写成文字（按收入性质分:2030.12 / 其中:基本支出:900.47）：每组合计应等于其明细之和，按收入性质分应等于按支出性质分。',
  source: 'r-2-8',
  docs: 'docs/rules/funds.text-breakdown-mismatch.md',
  messages: {
    sum: '{heading} {stated} 应为 {terms} = {sum}，{difference}。',
    sides:
      '{structureLabel} {structure}（资金结构）应等于{sourcesLabel} {sources}（资金来源），{difference}。',
  },
  fix: null,
  // Names two totals of which either may be the wrong one (docs/rules.md#r-4a).
  fixPolicy: 'either-may-be-wrong',
};

function valued(items: TextAmount[]): (TextAmount & { value: Dec })[] {
  return items.filter((i): i is TextAmount & { value: Dec } => i.value !== null);
}

/** docs/rules.md#r-2-8: the 资金 breakdown written as text adds up, and sources equal structure. */
export const fundsTextBreakdownMismatch = defineRule(meta, ({ form, profile }) => {
  const breakdowns = form.funds?.textBreakdowns ?? [];
  const tol = limitsOf(profile).amountTolerance;
  const out: FindingDetail[] = [];
  for (const b of breakdowns) {
    const parts = valued(b.parts);
    if (b.heading.value === null || parts.length === 0) continue;
    const total = sum(parts.map((p) => p.value));
    if (agrees(total, b.heading.value, tol)) continue;
    out.push({
      cells: [b.heading.cell, ...parts.map((p) => p.cell)],
      message: fill(meta.messages.sum, {
        heading: b.heading.label,
        stated: money(b.heading.value),
        terms: parts.map((p) => `${p.label} ${money(p.value)}`).join(' + '),
        sum: money(total),
        difference: differenceText(total, b.heading.value),
      }),
      expected: money(total),
      actual: money(b.heading.value),
    });
  }
  const sources = breakdowns.find((b) => b.kind === 'sources')?.heading;
  const structure = breakdowns.find((b) => b.kind === 'structure')?.heading;
  if (sources?.value && structure?.value && !agrees(sources.value, structure.value, tol)) {
    out.push({
      cells: [structure.cell, sources.cell],
      message: fill(meta.messages.sides, {
        structureLabel: structure.label,
        structure: money(structure.value),
        sourcesLabel: sources.label,
        sources: money(sources.value),
        difference: differenceText(sources.value, structure.value),
      }),
      expected: money(sources.value),
      actual: money(structure.value),
    });
  }
  return out;
});
