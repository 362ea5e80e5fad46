/**
 * How a target compares with its actual: ≥, >, =, ≤, <. A file of its own, with no imports: the
 * lexicon names the comparators' symbols, values/comparator.ts reads them, and both use this type.
 */
export type Comparator = 'ge' | 'gt' | 'eq' | 'le' | 'lt';
