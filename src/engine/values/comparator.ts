import { COMPARATOR_SUFFIXES, COMPARATORS } from '../lexicon';
import type { Comparator } from './comparatorKind';

/** How a target is compared: 正向 (at least) or 反向 (at most). */

export function isReverse(c: Comparator): boolean {
  return c === 'le' || c === 'lt';
}

const FORMS = COMPARATORS;
const SUFFIXES = COMPARATOR_SUFFIXES;

export interface ComparatorMatch {
  comparator: Comparator;
  index: number;
  length: number;
}

/** The first comparator in the text (after any label), or null. */
export function findComparator(text: string): ComparatorMatch | null {
  let best: ComparatorMatch | null = null;
  for (const [form, comparator] of FORMS) {
    const index = text.indexOf(form);
    if (index < 0) continue;
    if (!best || index < best.index || (index === best.index && form.length > best.length)) {
      best = { comparator, index, length: form.length };
    }
  }
  return best;
}

export function stripSuffixComparator(text: string): {
  rest: string;
  comparator: Comparator | null;
} {
  for (const [suffix, comparator] of SUFFIXES) {
    if (text.endsWith(suffix)) return { rest: text.slice(0, -suffix.length), comparator };
  }
  return { rest: text, comparator: null };
}

/** A 指标性质 column's cell: 正向/反向, or a symbol. */
export function comparatorFromNature(text: string): Comparator | null {
  if (/反向|越低越好|逆向/.test(text)) return 'le';
  if (/正向|越高越好/.test(text)) return 'ge';
  const m = findComparator(text);
  return m ? m.comparator : null;
}

export const COMPARATOR_SYMBOL: Record<Comparator, string> = {
  ge: '≥',
  gt: '>',
  eq: '=',
  le: '≤',
  lt: '<',
};
