import type { CellRef } from '../../model/cells';
import { level1Key } from '../../values/level1';
import { Dec, plain, sum } from '../../values/decimal';
import { defineRule, fill, type FindingDetail, type RuleMeta } from '../rule';

export const meta: RuleMeta = {
  id: 'total.level1-weights',
  severity: 'info',
  part: 'total',
  title: '一级指标权重与标准不同',
  description:
    '执行率、产出、效益、满意度的分值与 profile 的标准权重（全国：10/50/30/10）不同：各地自定，只作提示。',
  source: 'r-4-3',
  docs: 'docs/rules/total.level1-weights.md',
  messages: {
    execution: '执行率分值为 {weight}，{profile}的标准为 {standard}（各地可自定权重，仅作提示）。',
    level1: '{level1}分值合计 {weight}，{profile}的标准为 {standard}（各地可自定权重，仅作提示）。',
    indicators:
      '绩效指标分值合计 {weight}，{profile}的标准为 {standard}（各地可自定权重，仅作提示）。',
  },
  fix: null,
};

/** docs/rules.md#r-4-3: level-1 weights that differ from the profile's standard (provinces set their own). */
export const totalLevel1Weights = defineRule(meta, ({ assessment, profile }) => {
  const out: FindingDetail[] = [];
  const std = profile.standardWeights;
  const e = assessment.execution.find((x) => x.inSum);
  if (e && e.weightCell && assessment.execution.length === 1 && !e.weight.equals(std.execution)) {
    out.push({
      cells: [e.weightCell],
      message: fill(meta.messages.execution, {
        weight: plain(e.weight),
        profile: profile.name,
        standard: std.execution,
      }),
      expected: std.execution,
      actual: plain(e.weight),
    });
  }
  const groups = new Map<string, { weights: Dec[]; cell: CellRef | null }>();
  for (const i of assessment.scored) {
    const key = level1Key(i.row.level1);
    if (!key || !i.weight) continue;
    const g = groups.get(key) ?? { weights: [], cell: i.row.level1Cell };
    g.weights.push(i.weight);
    groups.set(key, g);
  }
  for (const [key, g] of groups) {
    const total = sum(g.weights);
    const standard = std[key as '产出指标' | '效益指标' | '满意度指标'];
    // A profile with no standard for a level (the split is the project's own) has nothing to say.
    if (standard === null || standard === undefined || total.equals(standard) || !g.cell) continue;
    out.push({
      cells: [g.cell],
      message: fill(meta.messages.level1, {
        level1: key,
        weight: plain(total),
        profile: profile.name,
        standard,
      }),
      expected: standard,
      actual: plain(total),
    });
  }
  // Where the province prints the indicators' whole share instead (四川 0013zp: 绩效指标(90分)).
  const weighted = assessment.scored.filter((i) => i.weight !== null && i.cells.weight);
  if (std.indicators && weighted.length > 0) {
    const total = sum(weighted.map((i) => i.weight as Dec));
    const cell = weighted[0].cells.weight;
    if (!total.equals(std.indicators) && cell)
      out.push({
        cells: [cell],
        message: fill(meta.messages.indicators, {
          weight: plain(total),
          profile: profile.name,
          standard: std.indicators,
        }),
        expected: std.indicators,
        actual: plain(total),
      });
  }
  return out;
});
