import type { Assessment } from '../assess/assessment';
import type { FormModel, LabelledBlock } from '../model/form';
import { limitsOf } from '../profile/limits';
import type { Profile } from '../profile/profile';
import { valueOf } from '../values/amount';
import { Dec, gte, lte, sum, ZERO } from '../values/decimal';

/**
 * How well a form holds together under one reading (RULES §1.3): the identities a correct form
 * satisfies, counted as holding or failing. Only identities between cells the reading places
 * are counted; a reading is never judged by whether one value is right.
 */
export interface Tally {
  holds: number;
  fails: number;
  /**
   * How far the failing identities are from holding: each sum's gap as a share of what it should
   * be (Σ分值 twice the 总分 costs 1; a 10-point slip on 100 costs 0.1), each broken row rule 1.
   * A reading that adds identities a real mistake breaks stays ahead of one that hides them.
   */
  cost: Dec;
}

/** Better first: the smaller cost, then more identities holding. */
export function compareTallies(a: Tally, b: Tally): number {
  return a.cost.comparedTo(b.cost) || b.holds - a.holds;
}

export function sameTally(a: Tally, b: Tally): boolean {
  return a.cost.equals(b.cost) && a.holds === b.holds;
}

export function tallyOf(form: FormModel, a: Assessment, profile: Profile): Tally {
  const t: Tally = { holds: 0, fails: 0, cost: new Dec(0) };
  const { amountTolerance, scoreTolerance } = limitsOf(profile);
  const ONE = new Dec(1);
  const count = (ok: boolean, gap: Dec = ONE) => {
    if (ok) t.holds++;
    else {
      t.fails++;
      t.cost = t.cost.plus(gap);
    }
  };
  /** x = y within tol; when not, the gap as a share of y (at most 2: "twice" is already wrong). */
  const near = (x: Dec, y: Dec, tol: Dec) => {
    const d = x.minus(y).abs();
    count(d.lessThanOrEqualTo(tol), Dec.min(d.dividedBy(Dec.max(y.abs(), ONE)), 2));
  };

  // Σ 分值 = the total's 分值 (the profile's full marks when the form states none).
  if (form.indicators && a.weightKnown && a.scored.length > 0) {
    const full = a.totalWeight?.value ?? new Dec(profile.defaultTotalWeight);
    near(a.weightSum, full, scoreTolerance);
  }
  // Σ 得分 = the total's 得分.
  const stated = a.totalScore ? valueOf(a.totalScore) : null;
  if (stated && a.scored.length > 0) near(a.statedScoreSum, stated, scoreTolerance);
  // A row's 分值 is its own: one cell read as the weight of several rows (a block weight merged
  // down the block) is the wrong reading of that column (RULES §1.3).
  const shared = new Map<string, number>();
  for (const i of a.scored) {
    const ref = i.row.cells.weight?.ref;
    if (ref) shared.set(`${ref.row}:${ref.col}`, (shared.get(`${ref.row}:${ref.col}`) ?? 0) + 1);
  }
  for (const n of shared.values()) if (n > 1) for (let k = 0; k < n; k++) count(false);
  // Every row's score within its weight.
  for (const i of a.scored) {
    if (i.weight === null || i.score.kind !== 'value') continue;
    count(gte(i.score.value, ZERO) && lte(i.score.value, i.weight));
  }
  // A block's rows add up to its weight (weights known), or stay within it (Hubei 2020).
  for (const [block, rows] of blocksOf(a)) {
    const w = new Dec(block.weight);
    if (a.weightKnown) {
      const weights = rows.flatMap((r) => (r.weight ? [r.weight] : []));
      if (weights.length) near(sum(weights), w, scoreTolerance);
    } else {
      const scores = rows.flatMap((r) => (r.score ? [r.score] : []));
      if (scores.length) {
        const over = sum(scores).minus(w);
        count(over.lessThanOrEqualTo(scoreTolerance), over.dividedBy(Dec.max(w, ONE)));
      }
    }
  }
  // Parts add up to their 合计.
  for (const s of a.sums) {
    if (s.totalCell.parsed.kind !== 'value' || s.partsSum === null) continue;
    near(s.totalCell.parsed.value, s.partsSum, amountTolerance);
  }
  return t;
}

/** The scored rows of each labelled block (产出指标(50分), 自评权重 merged down a block). */
function blocksOf(a: Assessment): Map<LabelledBlock, { weight: Dec | null; score: Dec | null }[]> {
  const out = new Map<
    string,
    { block: LabelledBlock; rows: { weight: Dec | null; score: Dec | null }[] }
  >();
  for (const i of a.scored) {
    for (const b of i.row.blocks) {
      const key = `${b.cell.row}:${b.cell.col}`;
      const entry = out.get(key) ?? { block: b, rows: [] };
      entry.rows.push({ weight: i.weight, score: valueOf(i.score) });
      out.set(key, entry);
    }
  }
  return new Map([...out.values()].map((e) => [e.block, e.rows]));
}
