import type { RawValue } from '../grid/types';
import { MONEY_UNITS } from '../lexicon';
import { Dec, fromNumber } from './decimal';
import { isNotApplicable, normalizeText } from './text';

export type Parsed<T> =
  { kind: 'value'; value: T } | { kind: 'blank' } | { kind: 'na' } | { kind: 'text'; text: string };

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$/;

/** Parses "1,234.56", "254.85　", "-3", "12万元" into a decimal; units of money are dropped. */
export function parseNumberText(text: string): Dec | null {
  const compact = text.replace(/\s+/g, '').replace(/\u2212/g, '-');
  // Forms count in 万元: "2.6亿元" is 26000 of them, "150万" is 150 (lexicon MONEY_UNITS).
  const unit = MONEY_UNITS.find((u) => compact.endsWith(u.unit));
  const t = unit ? compact.slice(0, -unit.unit.length) : compact;
  if (!NUMBER.test(t)) return null;
  const n = new Dec(t.replace(/,/g, ''));
  return unit && unit.inForm !== '1' ? n.times(unit.inForm) : n;
}

/** An amount or score cell: a number, blank, a not-applicable marker, or other text. */
export function parseAmount(raw: RawValue): Parsed<Dec> {
  if (typeof raw === 'number')
    return Number.isFinite(raw)
      ? { kind: 'value', value: fromNumber(raw) }
      : { kind: 'text', text: String(raw) };
  if (typeof raw === 'boolean') return { kind: 'text', text: String(raw) };
  const text = normalizeText(raw);
  if (text === '') return { kind: 'blank' };
  if (isNotApplicable(text)) return { kind: 'na' };
  const n = parseNumberText(text);
  return n ? { kind: 'value', value: n } : { kind: 'text', text };
}

export function amountValue(raw: RawValue): Dec | null {
  const p = parseAmount(raw);
  return p.kind === 'value' ? p.value : null;
}

export function valueOf(p: Parsed<Dec>): Dec | null {
  return p.kind === 'value' ? p.value : null;
}
