import type { AmountCell, CellRef } from '../model/cells';
import type { FundsBlock, FundsRow } from '../model/form';
import type { Profile } from '../profile/profile';
import type { Parsed } from '../values/amount';
import { Dec, HUNDRED, minDec, ONE, round } from '../values/decimal';
import { computedPercent } from './rate';
import { effectiveAmount } from './funds';

/** An execution-rate score: a funds row that carries 分值 and 得分 (docs/rules.md §2.5, §2.7). */
export interface ExecutionScore {
  row: FundsRow;
  /** Null when the weight is only written in a label (得分(20分*执行率)). */
  weightCell: CellRef | null;
  scoreCell: CellRef;
  weight: Dec;
  stated: Parsed<Dec>;
  /** The row's amounts as they should be (a blank total summed from its parts). */
  budget: Dec | null;
  exec: Dec | null;
  /** Exact rate in percent from the amounts; null when they are missing or the budget is 0. */
  percent: Dec | null;
  /** 分值 × min(执行率, 1), rounded; null when the rate cannot be computed. */
  expected: Dec | null;
  /** Why the score could not be recomputed. */
  why: string | null;
  /** Counted in Σ 分值 / Σ 得分: a sub-row scored beside a scored 合计 is checked but not added again. */
  inSum: boolean;
  /** The part has no amounts: `percent` is the rate the row states. */
  fromRate: boolean;
}

export interface ExecutionScores {
  scores: ExecutionScore[];
  /** Other funds rows that carry a number in 得分 without a 分值. */
  strayCells: CellRef[];
}

/** 分值 × min(执行率, 1), at the profile's decimals (docs/rules.md §2.5); `percent` in percent. */
export function executionScore(weight: Dec, percent: Dec, profile: Profile): Dec {
  return round(weight.times(minDec(percent.dividedBy(HUNDRED), ONE)), profile.scoreDecimals);
}

function scoreRow(
  funds: FundsBlock,
  row: FundsRow,
  weight: Dec,
  weightCell: CellRef | null,
  score: AmountCell,
  profile: Profile,
): ExecutionScore {
  const budget = effectiveAmount(funds, row, 'budget');
  const exec = effectiveAmount(funds, row, 'exec');
  // A part with no amount columns states only its rate: the score is recomputed from it.
  const fromRate = funds.columns.exec === undefined && funds.columns.budget === undefined;
  const stated = fromRate ? statedPercent(row) : null;
  const percent = fromRate ? stated : budget && exec ? computedPercent(budget, exec) : null;
  const why = fromRate
    ? stated === null
      ? '执行率未填写或无法识别'
      : null
    : !budget || !exec
      ? '该行预算数或执行数为空'
      : percent === null
        ? '预算数为 0，执行率不适用'
        : null;
  const expected = percent === null ? null : executionScore(weight, percent, profile);
  return {
    row,
    weightCell,
    scoreCell: score.ref,
    weight,
    stated: score.parsed,
    budget,
    exec,
    percent,
    expected,
    why,
    inSum: true,
    fromRate,
  };
}

/** The rate a row states, in percent: 95%, 0.95 or 95 (a plain number up to 1 is a fraction). */
function statedPercent(row: FundsRow): Dec | null {
  const rate = row.cells.rate?.rate;
  if (!rate) return null;
  if (rate.kind === 'percent') return rate.percent;
  if (rate.kind === 'plain')
    return rate.asFraction.percent.lessThanOrEqualTo(HUNDRED)
      ? rate.asFraction.percent
      : rate.asPercent.percent;
  return null;
}

/** The row's 得分 cell, in a block that has the column: the locator reads every such cell. */
function scoreIn(row: FundsRow): AmountCell {
  const cell = row.cells.score;
  if (!cell) throw new Error(`资金行 ${row.row + 1} 缺少得分单元格`);
  return cell;
}

export function assessExecutionScores(funds: FundsBlock, profile: Profile): ExecutionScores {
  const none: ExecutionScores = { scores: [], strayCells: [] };
  if (funds.columns.score === undefined || funds.rows.length === 0) return none;
  if (funds.columns.weight === undefined) {
    // Hubei 2020: no 分值 column; the weight is in the label, the score on the total row.
    if (!funds.labelWeight) return none;
    const row = funds.rows.find((r) => r.kind === 'total') ?? funds.rows[0];
    const score = scoreIn(row);
    return {
      scores: [scoreRow(funds, row, new Dec(funds.labelWeight), null, score, profile)],
      strayCells: [],
    };
  }
  const scores: ExecutionScore[] = [];
  const strayCells: CellRef[] = [];
  for (const row of funds.rows) {
    const weight = row.cells.weight;
    const score = scoreIn(row);
    if (!weight || weight.parsed.kind !== 'value') {
      if (score.parsed.kind === 'value') strayCells.push(score.ref);
      continue;
    }
    scores.push(scoreRow(funds, row, weight.parsed.value, weight.ref, score, profile));
  }
  // A scored 合计 carries the block's weight; scored sub-rows under it are checked on their own.
  const total = scores.find((s) => s.row.kind === 'total');
  if (total) for (const s of scores) s.inSum = s === total;
  return { scores, strayCells };
}
