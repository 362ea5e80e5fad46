/** How a target is compared: 正向 (at least) or 反向 (at most). */
export type Comparator = 'ge' | 'gt' | 'eq' | 'le' | 'lt';

export function isReverse(c: Comparator): boolean {
  return c === 'le' || c === 'lt';
}

/** Symbol and word forms, longest first so "≥" wins over ">" and "不低于" over "低于". */
const FORMS: [string, Comparator][] = [
  ['>=', 'ge'],
  ['≥', 'ge'],
  ['≧', 'ge'],
  ['大于等于', 'ge'],
  ['大于或等于', 'ge'],
  ['不低于', 'ge'],
  ['不少于', 'ge'],
  ['不小于', 'ge'],
  ['达到', 'ge'],
  ['<=', 'le'],
  ['≤', 'le'],
  ['≦', 'le'],
  ['小于等于', 'le'],
  ['小于或等于', 'le'],
  ['不高于', 'le'],
  ['不超过', 'le'],
  ['不大于', 'le'],
  ['不多于', 'le'],
  ['控制在', 'le'],
  ['>', 'gt'],
  ['大于', 'gt'],
  ['高于', 'gt'],
  ['超过', 'gt'],
  ['<', 'lt'],
  ['小于', 'lt'],
  ['低于', 'lt'],
  ['少于', 'lt'],
  ['=', 'eq'],
  ['等于', 'eq'],
  ['==', 'eq'],
];

/** Suffixes that act as comparators: "95%以上" means ≥ 95%. */
const SUFFIXES: [string, Comparator][] = [
  ['及以上', 'ge'],
  ['以上', 'ge'],
  ['及以下', 'le'],
  ['以下', 'le'],
  ['以内', 'le'],
];

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
