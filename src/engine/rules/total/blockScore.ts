import type { CellRef } from '../../grid/types';
import { limitsOf } from '../../profile/limits';
import { Dec, plain, sum } from '../../values/decimal';
import { defineRule, type FindingDetail } from '../rule';

/** RULES §4.5: a block whose weight is written in its label (年度绩效目标(80分)) scores at most that. */
export const totalBlockScoreOverWeight = defineRule(
  { id: 'total.block-score-over-weight', title: '分块得分超过标注分值', severity: 'error', part: 'total' },
  ({ assessment, profile }) => {
    const blocks = new Map<string, { cell: CellRef; label: string; weight: Dec; scores: Dec[]; cells: CellRef[] }>();
    for (const i of assessment.scored) {
      if (i.score.kind !== 'value') continue;
      for (const b of i.row.blocks) {
        const key = `${b.cell.row}:${b.cell.col}`;
        const entry = blocks.get(key) ?? { cell: b.cell, label: b.label, weight: new Dec(b.weight), scores: [], cells: [] };
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
        message: `“${b.label}”下各指标得分之和为 ${b.scores.map((s) => plain(s, 4)).join(' + ')} = ${plain(total)}，超过标注的 ${plain(b.weight)} 分，多 ${plain(total.minus(b.weight))} 分。`,
        expected: `≤ ${plain(b.weight)}`,
        actual: plain(total),
      });
    }
    return out;
  },
);
