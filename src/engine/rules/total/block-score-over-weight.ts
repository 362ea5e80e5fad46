import type { CellRef } from '../../model/cells';
import { limitsOf } from '../../profile/limits';
import { Dec, plain, sum } from '../../values/decimal';
import { defineRule, fill, type FindingDetail, type RuleMeta } from '../rule';

export const meta: RuleMeta = {
  id: 'total.block-score-over-weight',
  severity: 'error',
  part: 'total',
  title: '分块得分超过标注分值',
  description:
    '标签里写明分值的分块（湖北 2020 的 年度绩效目标(80分)、产出指标(60分)）下各指标得分之和不得超过该分值。',
  source: 'r-4-5',
  docs: 'docs/rules/total.block-score-over-weight.md',
  messages: {
    main: '“{label}”下各指标得分之和为 {terms} = {sum}，超过标注的 {weight} 分，多 {gap} 分。',
  },
  fix: null,
};

/** docs/rules.md#r-4-5: a block whose weight is written in its label (年度绩效目标(80分)) scores at most that. */
export const totalBlockScoreOverWeight = defineRule(meta, ({ assessment, profile }) => {
  const blocks = new Map<
    string,
    { cell: CellRef; label: string; weight: Dec; scores: Dec[]; cells: CellRef[] }
  >();
  for (const i of assessment.scored) {
    if (i.score.kind !== 'value') continue;
    for (const b of i.row.blocks) {
      const key = `${b.cell.row}:${b.cell.col}`;
      const entry = blocks.get(key) ?? {
        cell: b.cell,
        label: b.label,
        weight: new Dec(b.weight),
        scores: [],
        cells: [],
      };
      entry.scores.push(i.score.value);
      entry.cells.push(i.cells.score);
      blocks.set(key, entry);
    }
  }
  const out: FindingDetail[] = [];
  for (const b of blocks.values()) {
    const total = sum(b.scores);
    if (total.minus(b.weight).lessThanOrEqualTo(limitsOf(profile).scoreTolerance)) continue;
    out.push({
      cells: [b.cell, ...b.cells],
      message: fill(meta.messages.main, {
        label: b.label,
        terms: b.scores.map((s) => plain(s, 4)).join(' + '),
        sum: plain(total),
        weight: plain(b.weight),
        gap: plain(total.minus(b.weight)),
      }),
      expected: `≤ ${plain(b.weight)}`,
      actual: plain(total),
    });
  }
  return out;
});
