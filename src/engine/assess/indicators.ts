import type { SheetView } from '../grid/sheet';
import type { CellRef } from '../grid/types';
import type { IndicatorBlock, IndicatorColumnRole, IndicatorRow } from '../model/form';
import type { Profile } from '../profile/profile';
import { type Parsed, parseAmount } from '../values/amount';
import { type Comparator, comparatorFromNature, COMPARATOR_SYMBOL, isReverse } from '../values/comparator';
import { clamp, Dec, ONE, round, ZERO } from '../values/decimal';
import { classifyOutcome, type Outcome } from '../values/qualitative';
import { parseQuantity, type Quantity } from '../values/quantity';
import { isBlank, isNotApplicable, labelText, normalizeText } from '../values/text';
import { commonUnit } from '../values/units';

export interface ScoreRange {
  min: Dec;
  max: Dec;
  maxInclusive: boolean;
}

interface Base {
  row: IndicatorRow;
  cells: { target: CellRef | null; actual: CellRef | null; weight: CellRef; score: CellRef; reason: CellRef | null };
  targetText: string;
  actualText: string;
  weight: Dec | null;
  score: Parsed<Dec>;
  reasonFilled: boolean | null;
}

interface Quantitative {
  kind: 'quantitative';
  comparator: Comparator;
  expected: Dec;
  met: boolean;
  overAchieved: boolean;
  basis: string;
}

/** A compound target (100家/3500人): full marks when every part is met, else a range. */
interface Compound {
  kind: 'compound';
  comparator: Comparator;
  expected: Dec | null;
  range: ScoreRange;
  met: boolean;
  overAchieved: boolean;
  basis: string;
}

interface Unverifiable {
  kind: 'unverifiable';
  why: string;
}

export type IndicatorAssessment = Base &
  (
    | { kind: 'na' }
    | { kind: 'unscored' }
    | Unverifiable
    | Quantitative
    | Compound
    | { kind: 'qualitative'; outcome: Outcome; range: ScoreRange }
  );

/** One part compared: the share of the weight it earns (0–1) and whether the target was met. */
function partRatio(a: Dec, b: Dec, comparator: Comparator): { ratio: Dec; met: boolean } {
  if (isReverse(comparator)) {
    if (b.lessThanOrEqualTo(a)) return { ratio: ONE, met: true };
    if (a.lessThanOrEqualTo(0) || b.lessThanOrEqualTo(0)) return { ratio: ZERO, met: false };
    return { ratio: clamp(a.dividedBy(b), ZERO, ONE), met: false };
  }
  if (b.greaterThanOrEqualTo(a)) return { ratio: ONE, met: true };
  if (a.lessThanOrEqualTo(0) || b.lessThanOrEqualTo(0)) return { ratio: ZERO, met: false };
  return { ratio: clamp(b.dividedBy(a), ZERO, ONE), met: false };
}

function describe(q: Quantity, values: Dec[], unit: string[]): string {
  return values.map((v, i) => `${v.toFixed()}${unit[i]}`).join('/') || q.label;
}

function reasonFilled(text: string): boolean {
  const t = labelText(text);
  return t !== '' && !isNotApplicable(t) && !/^(?:无|暂无|没有)$/.test(t);
}

function scoreQuantities(
  target: Quantity,
  actual: Quantity,
  natureComparator: Comparator | null,
  weight: Dec,
  profile: Profile,
): Quantitative | Compound | Unverifiable {
  if (target.parts.length !== actual.parts.length) {
    return { kind: 'unverifiable', why: `年度指标值有 ${target.parts.length} 项，实际完成值有 ${actual.parts.length} 项，无法逐项对比` };
  }
  const comparator = target.comparator ?? natureComparator ?? 'ge';
  const as: Dec[] = [];
  const bs: Dec[] = [];
  const units: string[] = [];
  for (let i = 0; i < target.parts.length; i++) {
    const common = commonUnit(target.parts[i], actual.parts[i]);
    if (!common) {
      return { kind: 'unverifiable', why: `单位不一致（${target.parts[i].unit} 与 ${actual.parts[i].unit}），无法比较` };
    }
    as.push(common.a);
    bs.push(common.b);
    units.push(common.unit);
  }
  const parts = as.map((a, i) => partRatio(a, bs[i], comparator));
  const met = parts.every((p) => p.met);
  const overLimit = new Dec(profile.deviationReasonWhen.overAchievedPercent).dividedBy(100);
  const overAchieved = !isReverse(comparator) && as.some((a, i) => a.greaterThan(0) && bs[i].greaterThanOrEqualTo(a.times(overLimit)));
  const basis = `目标 ${COMPARATOR_SYMBOL[comparator]}${describe(target, as, units)}，完成 ${describe(actual, bs, units)}`;
  if (parts.length === 1) {
    return { kind: 'quantitative', comparator, expected: round(weight.times(parts[0].ratio), profile.scoreDecimals), met, overAchieved, basis };
  }
  const ratios = parts.map((p) => p.ratio);
  const lo = ratios.reduce((m, r) => (r.lessThan(m) ? r : m));
  const hi = ratios.reduce((m, r) => (r.greaterThan(m) ? r : m));
  return {
    kind: 'compound',
    comparator,
    expected: met ? weight : null,
    range: { min: round(weight.times(lo), profile.scoreDecimals), max: round(weight.times(hi), profile.scoreDecimals), maxInclusive: true },
    met,
    overAchieved,
    basis,
  };
}

function bandFor(outcome: Outcome, weight: Dec, profile: Profile): ScoreRange {
  const band = profile.qualitativeBands[outcome];
  return { min: weight.times(band.min), max: weight.times(band.max), maxInclusive: band.maxInclusive };
}

export function assessIndicator(sheet: SheetView, block: IndicatorBlock, row: IndicatorRow, profile: Profile): IndicatorAssessment {
  const ref = (role: IndicatorColumnRole): CellRef | null => {
    const c = block.columns[role];
    return c === undefined ? null : sheet.cell(row.row, c).ref;
  };
  const raw = (r: CellRef | null) => (r ? sheet.cell(r.row, r.col).raw : null);
  const cells = { target: ref('target'), actual: ref('actual'), weight: ref('weight') as CellRef, score: ref('score') as CellRef, reason: ref('reason') };
  const weightParsed = parseAmount(raw(cells.weight));
  const base: Base = {
    row,
    cells,
    targetText: normalizeText(raw(cells.target)),
    actualText: normalizeText(raw(cells.actual)),
    weight: weightParsed.kind === 'value' ? weightParsed.value : null,
    score: parseAmount(raw(cells.score)),
    reasonFilled: cells.reason ? reasonFilled(normalizeText(raw(cells.reason))) : null,
  };
  const markers = [raw(cells.target), raw(cells.actual), raw(cells.weight), raw(cells.score)];
  if (base.weight === null) {
    return markers.some((m) => isNotApplicable(m)) || (weightParsed.kind === 'blank' && base.score.kind !== 'value')
      ? { ...base, kind: markers.some((m) => isNotApplicable(m)) ? 'na' : 'unscored' }
      : { ...base, kind: 'unverifiable', why: `分值“${normalizeText(raw(cells.weight))}”不是数字` };
  }
  const weight = base.weight;
  const target = cells.target ? parseQuantity(raw(cells.target)) : null;
  const actual = cells.actual ? parseQuantity(raw(cells.actual)) : null;
  const natureText = normalizeText(raw(ref('nature')));
  const unitText = labelText(raw(ref('unit')));
  const withUnit = (q: Quantity | null): Quantity | null =>
    q && unitText && !isNotApplicable(unitText) ? { ...q, parts: q.parts.map((p) => (p.unit ? p : { ...p, unit: unitText })) } : q;
  if (isBlank(raw(cells.target)) || isBlank(raw(cells.actual))) {
    return { ...base, kind: 'unverifiable', why: isBlank(raw(cells.target)) ? '年度指标值为空' : '实际完成值为空' };
  }
  if (target && actual) {
    const scored = scoreQuantities(withUnit(target) as Quantity, withUnit(actual) as Quantity, comparatorFromNature(natureText), weight, profile);
    return { ...base, ...scored };
  }
  if (target && !actual) {
    return { ...base, kind: 'unverifiable', why: `年度指标值是数量（${base.targetText}），实际完成值“${base.actualText}”不是数量，无法复算得分` };
  }
  const outcome = classifyOutcome(base.actualText);
  return { ...base, kind: 'qualitative', outcome, range: bandFor(outcome, weight, profile) };
}
