import { differenceText } from '../../findings/format';
import type { TextAmount } from '../../model/form';
import { limitsOf } from '../../profile/limits';
import { type Dec, money, sum } from '../../values/decimal';
import { defineRule, type FindingDetail } from '../rule';

const GROUP_NAME = { sources: '资金来源', structure: '资金结构' } as const;

function valued(items: TextAmount[]): (TextAmount & { value: Dec })[] {
  return items.filter((i): i is TextAmount & { value: Dec } => i.value !== null);
}

/**
 * RULES §2.1 for a breakdown written as text (按收入性质分:2030.12 / 其中: 一般公共预算:1325.68 …):
 * each heading is the sum of its parts, and the 资金来源 heading equals the 资金结构 heading.
 */
export const fundsTextBreakdownMismatch = defineRule(
  { id: 'funds.text-breakdown-mismatch', title: '文字写明的资金构成不符', severity: 'error', part: 'funds' },
  ({ form, profile }) => {
    const breakdowns = form.funds?.textBreakdowns ?? [];
    const tol = limitsOf(profile).amountTolerance;
    const out: FindingDetail[] = [];
    for (const b of breakdowns) {
      const parts = valued(b.parts);
      if (b.heading.value === null || parts.length === 0) continue;
      const total = sum(parts.map((p) => p.value));
      if (total.minus(b.heading.value).abs().lessThanOrEqualTo(tol)) continue;
      out.push({
        cells: [b.heading.cell, ...parts.map((p) => p.cell)],
        message: `${b.heading.label} ${money(b.heading.value)} 应为 ${parts.map((p) => `${p.label} ${money(p.value)}`).join(' + ')} = ${money(total)}，${differenceText(total, b.heading.value)}。`,
        expected: money(total),
        actual: money(b.heading.value),
      });
    }
    const sources = breakdowns.find((b) => b.kind === 'sources' && b.heading.value !== null);
    const structure = breakdowns.find((b) => b.kind === 'structure' && b.heading.value !== null);
    if (sources?.heading.value && structure?.heading.value && sources.heading.value.minus(structure.heading.value).abs().greaterThan(tol)) {
      out.push({
        cells: [structure.heading.cell, sources.heading.cell],
        message: `${structure.heading.label} ${money(structure.heading.value)}（${GROUP_NAME.structure}）应等于${sources.heading.label} ${money(sources.heading.value)}（${GROUP_NAME.sources}），${differenceText(sources.heading.value, structure.heading.value)}。`,
        expected: money(sources.heading.value),
        actual: money(structure.heading.value),
      });
    }
    return out;
  },
);
