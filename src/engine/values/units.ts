import { Dec, gte, lte, ONE } from './decimal';

/**
 * Units that convert into one another: a canonical unit and the factor to it.
 * Anything not listed compares only with itself (家 vs 人 cannot be compared).
 */
const CONVERSIONS: Record<string, { base: string; factor: string }> = {
  元: { base: '元', factor: '1' },
  千元: { base: '元', factor: '1000' },
  万元: { base: '元', factor: '10000' },
  亿元: { base: '元', factor: '100000000' },
  '%': { base: '%', factor: '1' },
  百分比: { base: '%', factor: '1' },
  百分点: { base: '%', factor: '1' },
  '‰': { base: '%', factor: '0.1' },
  天: { base: '天', factor: '1' },
  日: { base: '天', factor: '1' },
  个工作日: { base: '工作日', factor: '1' },
  工作日: { base: '工作日', factor: '1' },
  个月: { base: '月', factor: '1' },
  月: { base: '月', factor: '1' },
  // A month's deadline: "11月底前" is 11月 at the latest (宣城 2021 writes it against "10月").
  月底: { base: '月', factor: '1' },
  月末: { base: '月', factor: '1' },
  月份: { base: '月', factor: '1' },
  年: { base: '月', factor: '12' },
  小时: { base: '小时', factor: '1' },
};

/** The factors as decimals, parsed once (a form converts on every row). */
const FACTORS = new Map(Object.entries(CONVERSIONS).map(([u, c]) => [u, new Dec(c.factor)]));

const MINUS_ONE = new Dec(-1);

/** |d| ≤ 1, without building |d|. */
function withinOne(d: Dec): boolean {
  return lte(d, ONE) && gte(d, MINUS_ONE);
}

export interface Measured {
  value: Dec;
  unit: string;
}

/**
 * Brings two measured values to one unit. An empty unit adopts the other side's (people write
 * "450人" as the target and "474" as the actual). Null when the units cannot be compared.
 */
export function commonUnit(a: Measured, b: Measured): { a: Dec; b: Dec; unit: string } | null {
  if (a.unit === b.unit) return { a: a.value, b: b.value, unit: a.unit };
  if (a.unit === '' || b.unit === '') {
    const unit = a.unit || b.unit;
    const bare = a.unit === '' ? a : b;
    // "0.98" written against a "≥95%" target is a fraction of one.
    const scaled =
      unit === '%' && withinOne(bare.value) && !withinOne((a.unit === '' ? b : a).value)
        ? bare.value.times(100)
        : bare.value;
    return a.unit === '' ? { a: scaled, b: b.value, unit } : { a: a.value, b: scaled, unit };
  }
  const ca = CONVERSIONS[a.unit];
  const cb = CONVERSIONS[b.unit];
  if (!ca || !cb || ca.base !== cb.base) return null;
  const fa = FACTORS.get(a.unit) as Dec;
  const fb = FACTORS.get(b.unit) as Dec;
  return { a: a.value.times(fa), b: b.value.times(fb), unit: ca.base };
}
