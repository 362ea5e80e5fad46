import type { RawValue } from '../grid/types';
import { Dec, fromNumber, HUNDRED } from './decimal';
import { parseNumberText } from './amount';
import { decimalsOf, isNotApplicable, normalizeText } from './text';

/**
 * A stated rate. `percent` is in percent units (97.1 for 97.1%) with the number of decimals of
 * a percent it is shown with. A plain number without a % sign (1 or 100) is ambiguous, so it
 * carries both readings and the caller picks the one that fits.
 */
export type StatedRate =
  | { kind: 'percent'; percent: Dec; decimals: number; display: string }
  | {
      kind: 'plain';
      asFraction: { percent: Dec; decimals: number };
      asPercent: { percent: Dec; decimals: number };
      display: string;
    }
  | { kind: 'blank' }
  | { kind: 'na' }
  | { kind: 'text'; text: string };

/** Decimals a number format shows: "0.00%" → 2, "0%" → 0, "General" → null. */
function formatDecimals(numberFormat: string | null): number | null {
  if (!numberFormat) return null;
  const section = numberFormat.split(';')[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (!/[0#?]/.test(section)) return null;
  const m = /\.([0#?]+)/.exec(section);
  return m ? m[1].length : 0;
}

function isPercentFormat(numberFormat: string | null): boolean {
  if (!numberFormat) return false;
  return numberFormat
    .split(';')[0]
    .replace(/"[^"]*"|\\./g, '')
    .includes('%');
}

export function parseRate(
  raw: RawValue,
  numberFormat: string | null,
  displayed: string | null,
): StatedRate {
  if (typeof raw === 'number' && Number.isFinite(raw)) {
    const value = fromNumber(raw);
    if (isPercentFormat(numberFormat)) {
      const shown = displayed ? /(-?[\d.]+)\s*%/.exec(normalizeText(displayed)) : null;
      const decimals = shown ? decimalsOf(shown[1]) : (formatDecimals(numberFormat) ?? 0);
      const percent = value.times(HUNDRED);
      return {
        kind: 'percent',
        percent,
        decimals,
        display: `${percent.toDecimalPlaces(decimals).toFixed(decimals)}%`,
      };
    }
    const fd = formatDecimals(numberFormat);
    const written = fd ?? decimalsOf(value.toFixed());
    return {
      kind: 'plain',
      asFraction: { percent: value.times(HUNDRED), decimals: Math.max(0, written - 2) },
      asPercent: { percent: value, decimals: written },
      display: value.toFixed(),
    };
  }
  if (typeof raw === 'boolean') return { kind: 'text', text: String(raw) };
  const text = normalizeText(raw);
  if (text === '') return { kind: 'blank' };
  if (isNotApplicable(text)) return { kind: 'na' };
  const pct = /^([+-]?[\d,]*\.?\d+)\s*[%％]$/.exec(text.replace(/\s+/g, ''));
  if (pct) {
    const n = parseNumberText(pct[1]);
    if (n)
      return {
        kind: 'percent',
        percent: n,
        decimals: decimalsOf(pct[1]),
        display: text.replace(/\s+/g, ''),
      };
  }
  const n = parseNumberText(text);
  if (n) {
    const written = decimalsOf(text);
    return {
      kind: 'plain',
      asFraction: { percent: n.times(HUNDRED), decimals: Math.max(0, written - 2) },
      asPercent: { percent: n, decimals: written },
      display: text,
    };
  }
  return { kind: 'text', text };
}

/** "97.10%": a percent with the given decimals. */
export function formatPercent(percent: Dec, decimals: number): string {
  return `${percent.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP).toFixed(decimals)}%`;
}
