import type { CellRef, FormCell, RateCell } from '../model/cells';
import type { IndicatorRow } from '../model/form';
import { limitsOf } from '../profile/limits';
import type { Profile } from '../profile/profile';
import type { Parsed } from '../values/amount';
import type { Comparator } from '../values/comparatorKind';
import { comparatorFromNature, COMPARATOR_SYMBOL, isReverse } from '../values/comparator';
import { clamp, Dec, gt, gte, lt, lte, ONE, round, ZERO } from '../values/decimal';
import { classifyOutcome, type Outcome } from '../values/qualitative';
import { parseQuantity, type Quantity } from '../values/quantity';
import { isNotApplicable, labelText, normalizeText } from '../values/text';
import { commonUnit } from '../values/units';
import { judgeRate, type RateVerdict } from './rate';
import { directionFromName } from '../values/direction';

export interface ScoreRange {
  min: Dec;
  max: Dec;
  maxInclusive: boolean;
}

interface Base {
  row: IndicatorRow;
  cells: {
    target: CellRef | null;
    actual: CellRef | null;
    weight: CellRef | null;
    score: CellRef;
    reason: CellRef | null;
    coefficient: CellRef | null;
  };
  targetText: string;
  actualText: string;
  weight: Dec | null;
  score: Parsed<Dec>;
  /** The form has neither 分值 nor 得分 (target-only): the row is judged, never scored. */
  targetOnly: boolean;
  reasonFilled: boolean | null;
}

interface Quantitative {
  kind: 'quantitative';
  comparator: Comparator;
  expected: Dec;
  /** The share of the weight earned (0–1): what a 得分系数 column must state. */
  ratio: Dec;
  /** Target and actual in one unit, for the formula in messages. */
  a: Dec;
  b: Dec;
  /** The stated 得分系数 judged against the ratio (Chongqing), when the form has one. */
  coefficient: RateVerdict | null;
  met: boolean;
  overAchieved: boolean;
  /** "目标 ≥12场，完成 10场": made only when a message needs it. */
  basis: () => string;
}

/** A compound target (100家/3500人): full marks when every part is met, else a range. */
interface Compound {
  kind: 'compound';
  comparator: Comparator;
  expected: Dec | null;
  range: ScoreRange;
  met: boolean;
  overAchieved: boolean;
  basis: () => string;
}

interface Unverifiable {
  kind: 'unverifiable';
  why: string;
}

export type IndicatorAssessment = Base &
  (
    | { kind: 'na' }
    | { kind: 'unscored' }
    /** A score with no 分值 column (Hubei 2020): counted in the total, weight only in labels. */
    | { kind: 'unweighted' }
    | Unverifiable
    | Quantitative
    | Compound
    | { kind: 'qualitative'; outcome: Outcome; range: ScoreRange }
  );

/**
 * 预算执行率 scored as an indicator (Ningxia's 项目管理—投入管理, evaluation-style templates) with no
 * target of its own ("—" or blank): the target is full execution, so 得分 = 分值 × min(执行率, 1)
 * as for the execution score (docs/rules.md §2.5, §3.2).
 */
const EXECUTION_RATE_NAME =
  /^(?:指标\d*[:：])?(?:项目)?(?:年度)?(?:预算|资金|预算资金|财政资金)?(?:支出)?执行率$/;
const FULL_EXECUTION = parseQuantity('≥100%');

/** Units that name a point in time rather than a quantity. */
const DATE_UNIT = /^(?:年|年底|年末|年内|月|月底|月末|月份|月前|日|号|日前|季度|季末|周)$/;

/** One part compared: the share of the weight it earns (0–1) and whether the target was met. */
interface PartRatio {
  ratio: Dec;
  met: boolean;
}
// Shared answers, never changed: most parts are met, and a 2,000-row form compares thousands.
const PART_MET: PartRatio = { ratio: ONE, met: true };
const PART_NONE: PartRatio = { ratio: ZERO, met: false };

function partRatio(a: Dec, b: Dec, comparator: Comparator): PartRatio {
  if (isReverse(comparator)) {
    if (lte(b, a)) return PART_MET;
    if (lte(a, ZERO) || lte(b, ZERO)) return PART_NONE;
    return { ratio: clamp(a.dividedBy(b), ZERO, ONE), met: false };
  }
  if (gte(b, a)) return PART_MET;
  if (lte(a, ZERO) || lte(b, ZERO)) return PART_NONE;
  return { ratio: clamp(b.dividedBy(a), ZERO, ONE), met: false };
}

function describe(q: Quantity, values: Dec[], unit: string[]): string {
  return values.map((v, i) => `${v.toFixed()}${unit[i]}`).join('/') || q.label;
}

function reasonFilled(text: string): boolean {
  const t = labelText(text);
  return t !== '' && !isNotApplicable(t) && !/^(?:无|暂无|没有)$/.test(t);
}

const unverifiable = (why: string): Unverifiable => ({ kind: 'unverifiable', why });

/**
 * How target and actual compare: the target's comparator, the 指标性质 column's, the name's
 * direction, else ≥; unverifiable when the parts do not pair up or the direction is a guess.
 */
function directionOf(
  target: Quantity,
  actual: Quantity,
  natureComparator: Comparator | null,
  name: string,
): Comparator | Unverifiable {
  if (target.parts.length !== actual.parts.length)
    return unverifiable(
      `年度指标值有 ${target.parts.length} 项，实际完成值有 ${actual.parts.length} 项，无法逐项对比`,
    );
  const named =
    target.comparator === null && natureComparator === null ? directionFromName(name) : null;
  if (named === 'ambiguous')
    return unverifiable(
      `“${name}”未注明比较方向（控制率可能是“不超过”也可能是“达到”），无法复算得分`,
    );
  const stated = target.comparator ?? natureComparator ?? named;
  // A deadline ("12月", "2023年底") with no stated direction: earlier may be better, so do not guess.
  if (stated === null && target.parts.some((p) => DATE_UNIT.test(p.unit)))
    return unverifiable(
      `时间类指标（${target.parts.map((p) => p.value.toFixed() + p.unit).join('/')}）未注明比较方向（≥ 或 ≤），无法复算得分`,
    );
  return stated ?? 'ge';
}

/** Target and actual part by part in one unit each, or why they cannot be compared. */
interface InOneUnit {
  as: Dec[];
  bs: Dec[];
  units: string[];
}

function inOneUnit(target: Quantity, actual: Quantity): InOneUnit | Unverifiable {
  const as: Dec[] = [];
  const bs: Dec[] = [];
  const units: string[] = [];
  for (let i = 0; i < target.parts.length; i++) {
    const common = commonUnit(target.parts[i], actual.parts[i]);
    if (!common)
      return unverifiable(
        `单位不一致（${target.parts[i].unit} 与 ${actual.parts[i].unit}），无法比较`,
      );
    as.push(common.a);
    bs.push(common.b);
    units.push(common.unit);
  }
  return { as, bs, units };
}

/** Beyond the profile's over-achievement ratio on some part (a forward target set too low). */
function overAchievedOn(paired: InOneUnit, comparator: Comparator, profile: Profile): boolean {
  if (isReverse(comparator)) return false;
  const overLimit = limitsOf(profile).overAchievedRatio;
  const { as, bs } = paired;
  for (let i = 0; i < as.length; i++)
    if (gt(as[i], ZERO) && gte(bs[i], as[i].times(overLimit))) return true;
  return false;
}

function scoreQuantities(
  target: Quantity,
  actual: Quantity,
  natureComparator: Comparator | null,
  weight: Dec,
  profile: Profile,
  name: string,
): Omit<Quantitative, 'coefficient'> | Compound | Unverifiable {
  const comparator = directionOf(target, actual, natureComparator, name);
  if (typeof comparator !== 'string') return comparator;
  const paired = inOneUnit(target, actual);
  if ('kind' in paired) return paired;
  const { as, bs, units } = paired;
  const overAchieved = overAchievedOn(paired, comparator, profile);
  const basis = () =>
    `目标 ${COMPARATOR_SYMBOL[comparator]}${describe(target, as, units)}，完成 ${describe(actual, bs, units)}`;
  if (as.length === 1) {
    const part = partRatio(as[0], bs[0], comparator);
    return {
      kind: 'quantitative',
      comparator,
      expected: round(weight.times(part.ratio), profile.scoreDecimals),
      ratio: part.ratio,
      a: as[0],
      b: bs[0],
      met: part.met,
      overAchieved,
      basis,
    };
  }
  const ratios = as.map((a, i) => partRatio(a, bs[i], comparator));
  const met = ratios.every((p) => p.met);
  const lo = ratios.reduce((m, r) => (lt(r.ratio, m) ? r.ratio : m), ratios[0].ratio);
  const hi = ratios.reduce((m, r) => (gt(r.ratio, m) ? r.ratio : m), ratios[0].ratio);
  return {
    kind: 'compound',
    comparator,
    expected: met ? weight : null,
    range: {
      min: round(weight.times(lo), profile.scoreDecimals),
      max: round(weight.times(hi), profile.scoreDecimals),
      maxInclusive: true,
    },
    met,
    overAchieved,
    basis,
  };
}

function bandFor(outcome: Outcome, weight: Dec, profile: Profile): ScoreRange {
  const band = limitsOf(profile).qualitativeBands[outcome];
  return {
    min: weight.times(band.min),
    max: weight.times(band.max),
    maxInclusive: band.maxInclusive,
  };
}

/** A column the block lacks reads as an empty cell with no address. */
const ABSENT = { ref: null, raw: null } as const;
const at = (cell: FormCell | undefined): FormCell | typeof ABSENT => cell ?? ABSENT;
const BLANK: Parsed<Dec> = { kind: 'blank' };

type Read = IndicatorRow['cells'];
type Cell = FormCell | typeof ABSENT;

/** 调整指标值 is the target when it is filled (Chongqing). */
function targetOf(read: Read): Cell {
  const adjusted = read.adjustedTarget;
  return adjusted && normalizeText(adjusted.raw) !== '' && !isNotApplicable(adjusted.raw)
    ? adjusted
    : at(read.target);
}

/**
 * The row's cells and what every kind of assessment states of them. The locator read the cells;
 * the assessment extends this one object rather than spreading copies (a 2,000-row form calls
 * this 2,000 times; the copies were a third of the engine's time).
 */
function baseOf(row: IndicatorRow, target: Cell): Base {
  const { cells: read } = row;
  const actual = at(read.actual);
  const cells = {
    target: target.ref,
    actual: actual.ref,
    weight: at(read.weight).ref,
    // Where a finding on the row's result is marked: its 得分, else its 实际完成值.
    score: at(read.score).ref ?? actual.ref ?? target.ref ?? { row: row.row, col: 0 },
    reason: at(read.reason).ref,
    coefficient: read.coefficient?.ref ?? null,
  };
  const weightParsed = read.weight?.parsed ?? BLANK;
  return {
    row,
    cells,
    targetText: normalizeText(target.raw),
    actualText: normalizeText(actual.raw),
    weight: weightParsed.kind === 'value' ? weightParsed.value : null,
    score: read.score ? read.score.parsed : BLANK,
    // A target-only form (no 分值, no 得分): targets are judged met or not, nothing is scored.
    targetOnly: read.score === undefined && read.weight === undefined,
    reasonFilled: cells.reason ? reasonFilled(normalizeText(at(read.reason).raw)) : null,
  };
}

/** A row with no usable 分值 (on a form that has them): 不适用, unscored, unweighted or unverifiable. */
function withoutWeight(base: Base, read: Read, target: Cell): IndicatorAssessment {
  const weightCell = at(read.weight);
  const na = [target.raw, at(read.actual).raw, weightCell.raw, at(read.score).raw].some((m) =>
    isNotApplicable(m),
  );
  if (na) return Object.assign(base, { kind: 'na' as const });
  if (base.cells.weight === null)
    return Object.assign(base, {
      kind: base.score.kind === 'value' ? ('unweighted' as const) : ('unscored' as const),
    });
  if (read.weight?.parsed.kind === 'blank' && base.score.kind !== 'value')
    return Object.assign(base, { kind: 'unscored' as const });
  return Object.assign(base, unverifiable(`分值“${normalizeText(weightCell.raw)}”不是数字`));
}

/**
 * 预算执行率 with no target of its own, scored against full execution; null when the row is not
 * one or its actual is not a single percentage.
 */
function againstFullExecution(
  base: Base,
  row: IndicatorRow,
  target: Cell,
  weight: Dec,
  profile: Profile,
): IndicatorAssessment | null {
  const implicitTarget =
    (base.targetText === '' || isNotApplicable(target.raw)) &&
    base.actualText !== '' &&
    EXECUTION_RATE_NAME.test(row.name);
  if (!implicitTarget || !FULL_EXECUTION) return null;
  const actualRate = parseQuantity(at(row.cells.actual).raw);
  if (!actualRate || actualRate.parts.length !== 1 || actualRate.parts[0].unit !== '%') return null;
  const scored = scoreQuantities(FULL_EXECUTION, actualRate, null, weight, profile, row.name);
  if (scored.kind !== 'quantitative') return null;
  return Object.assign(base, scored, { coefficient: null, targetText: '≥100%' });
}

/** The 计量单位 column's unit for the parts written without one. */
function withUnit(q: Quantity | null, unitText: string): Quantity | null {
  return q && unitText && !isNotApplicable(unitText)
    ? { ...q, parts: q.parts.map((p) => (p.unit ? p : { ...p, unit: unitText })) }
    : q;
}

/** Target and actual both filled: scored as quantities, else judged as words. */
function judgeFilled(
  base: Base,
  row: IndicatorRow,
  target: Cell,
  weight: Dec,
  profile: Profile,
): IndicatorAssessment {
  const read = row.cells;
  const unitText = labelText(at(read.unit).raw);
  const targetQ = base.cells.target ? withUnit(parseQuantity(target.raw), unitText) : null;
  const actualQ = base.cells.actual ? withUnit(parseQuantity(at(read.actual).raw), unitText) : null;
  if (targetQ && actualQ) {
    const nature = comparatorFromNature(normalizeText(at(read.nature).raw));
    const name = row.name || targetQ.label;
    const scored = scoreQuantities(targetQ, actualQ, nature, weight, profile, name);
    if (scored.kind !== 'quantitative') return Object.assign(base, scored);
    const coefficient = read.coefficient ? judgeCoefficient(read.coefficient, scored.ratio) : null;
    return Object.assign(base, scored, { coefficient });
  }
  if (targetQ)
    return Object.assign(
      base,
      unverifiable(
        `年度指标值是数量（${base.targetText}），实际完成值“${base.actualText}”不是数量，无法复算得分`,
      ),
    );
  const outcome = classifyOutcome(base.actualText);
  return Object.assign(base, {
    kind: 'qualitative' as const,
    outcome,
    range: bandFor(outcome, weight, profile),
  });
}

export function assessIndicator(row: IndicatorRow, profile: Profile): IndicatorAssessment {
  const target = targetOf(row.cells);
  const base = baseOf(row, target);
  if (base.weight === null && !base.targetOnly) return withoutWeight(base, row.cells, target);
  // Judged against a weight of one on a target-only form: met or not, by how much.
  const weight = base.weight ?? ONE;
  const execution = againstFullExecution(base, row, target, weight, profile);
  if (execution) return execution;
  if (base.targetText === '' || base.actualText === '')
    return Object.assign(
      base,
      unverifiable(base.targetText === '' ? '年度指标值为空' : '实际完成值为空'),
    );
  return judgeFilled(base, row, target, weight, profile);
}
/** A stated 得分系数 ("100%", "72.74", 0.7274) against the recomputed ratio. */
function judgeCoefficient(cell: RateCell, ratio: Dec): RateVerdict | null {
  const stated = cell.rate;
  if (stated.kind === 'blank' || stated.kind === 'na') return null;
  return judgeRate(stated, ratio.times(100));
}

/** The score recomputed from target and actual, where the rules fix one; else null. */
export function recomputed(i: IndicatorAssessment): Dec | null {
  return (i.kind === 'quantitative' || i.kind === 'compound') && i.expected ? i.expected : null;
}

/** 0 ≤ 得分 ≤ 分值 broken: decided once, read by every rule that must not say it twice. */
export function outOfRange(i: IndicatorAssessment): boolean {
  if (i.weight === null || i.score.kind !== 'value' || i.kind === 'na') return false;
  return lt(i.score.value, ZERO) || gt(i.score.value, i.weight);
}
