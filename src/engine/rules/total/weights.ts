import type { CellRef } from '../../grid/types';
import { level1Key } from '../../locate/labels';
import { Dec, plain, sum } from '../../values/decimal';
import { defineRule, type FindingDetail } from '../rule';

/** RULES §4.3: level-1 weights that differ from the profile's standard (provinces set their own). */
export const totalLevel1Weights = defineRule(
  { id: 'total.level1-weights', title: '一级指标权重与标准不同', severity: 'info', part: 'total' },
  ({ assessment, profile }) => {
    const out: FindingDetail[] = [];
    const std = profile.standardWeights;
    const e = assessment.execution.find((x) => x.inSum);
    if (e && e.weightCell && assessment.execution.length === 1 && !e.weight.equals(std.execution)) {
      out.push({ cells: [e.weightCell], message: `执行率分值为 ${plain(e.weight)}，${profile.name}的标准为 ${std.execution}（各地可自定权重，仅作提示）。`, expected: std.execution, actual: plain(e.weight) });
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
      const standard = std[key as keyof typeof std];
      if (total.equals(standard) || !g.cell) continue;
      out.push({ cells: [g.cell], message: `${key}分值合计 ${plain(total)}，${profile.name}的标准为 ${standard}（各地可自定权重，仅作提示）。`, expected: standard, actual: plain(total) });
    }
    return out;
  },
);
