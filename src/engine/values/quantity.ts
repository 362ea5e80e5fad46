import { remembered } from './remember';
import { parseNumberText } from './amount';
import type { Comparator } from './comparatorKind';
import { findComparator, stripSuffixComparator } from './comparator';
import type { Measured } from './units';
import { normalizeText } from './text';

/**
 * A quantitative target or actual: "预算执行率>90%" (label, comparator, 90 %), "≤0.2万元",
 * "100家/3500人" (two parts), "95%以上". Null when the text is words, not a measure.
 */
export interface Quantity {
  label: string;
  comparator: Comparator | null;
  parts: Measured[];
}

/** A number then an optional short unit: "%", "‰", or up to five letters/CJK characters. */
const PART = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([%‰]|[A-Za-z\u4e00-\u9fff]{1,5})?$/;

function parsePart(text: string): Measured | null {
  const m = PART.exec(text);
  if (!m) return null;
  const value = parseNumberText(m[1]);
  return value ? { value, unit: m[2] ?? '' } : null;
}

/** Parsed quantities are immutable and targets repeat ("≥90%", "100%"): remember them. */
const quantityOf = remembered((raw: string) => parseUncached(raw), 50_000);

export function parseQuantity(raw: string | number | boolean | null): Quantity | null {
  return typeof raw === 'string' ? quantityOf(raw) : parseUncached(raw);
}

function parseUncached(raw: string | number | boolean | null): Quantity | null {
  if (typeof raw === 'number') {
    const value = parseNumberText(String(raw));
    return value ? { label: '', comparator: null, parts: [{ value, unit: '' }] } : null;
  }
  let text = normalizeText(raw)
    .replace(/\s+/g, '')
    .replace(/\u2212/g, '-');
  if (text === '') return null;
  let label = '';
  let comparator: Comparator | null = null;
  const found = findComparator(text);
  if (found) {
    label = text.slice(0, found.index);
    comparator = found.comparator;
    text = text.slice(found.index + found.length);
    // A label is a short name ("预算执行率"), not a sentence with its own numbers.
    if (label.length > 20 || /[\d,，。；;]/.test(label)) return null;
  }
  const suffix = stripSuffixComparator(text);
  if (suffix.comparator) {
    text = suffix.rest;
    comparator = comparator ?? suffix.comparator;
  }
  const pieces = text.split(/[/／]/);
  const parts: Measured[] = [];
  for (const piece of pieces) {
    const part = parsePart(piece);
    if (!part) return null;
    parts.push(part);
  }
  return parts.length > 0 ? { label, comparator, parts } : null;
}
