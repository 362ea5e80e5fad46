import { readFileSync } from 'fs';
import * as path from 'path';
import {
  FUNDS_HEADER_WORDS,
  FUNDS_ROW_LABELS,
  type HeaderWord,
  INDICATOR_HEADER_WORDS,
  SECTION_CAPTIONS,
  TOTAL_LABELS,
} from '../../src/engine/lexicon';
import { lexiconMarkdown } from '../../src/engine/lexiconDoc';
import {
  fundsRowKind,
  isHeaderLike,
  isPlaceholderName,
  isTotalLabel,
} from '../../src/engine/locate/labels';
import { findComparator } from '../../src/engine/values/comparator';
import { parseNumberText } from '../../src/engine/values/amount';
import { labelText } from '../../src/engine/values/text';

/** The role a header label takes on its own: the best-fitting entry of its table. */
function bestRole<R extends string>(words: HeaderWord<R>[], label: string): R | null {
  const folded = labelText(label);
  if (!isHeaderLike(folded)) return null;
  const fits = words.filter((w) => w.re.test(folded)).sort((a, b) => b.fit - a.fit);
  return fits.length ? fits[0].role : null;
}

describe('the lexicon is the vocabulary, and every example in it is recognised as it says', () => {
  test('docs/lexicon.md is what the lexicon makes (npm run docs:lexicon)', () => {
    const doc = readFileSync(path.join(__dirname, '../../docs/lexicon.md'), 'utf8');
    expect(doc).toBe(lexiconMarkdown());
  });

  for (const [table, words] of [
    ['资金', FUNDS_HEADER_WORDS],
    ['指标', INDICATOR_HEADER_WORDS],
  ] as const) {
    for (const w of words as HeaderWord<string>[]) {
      for (const example of w.examples) {
        test(`${table} header “${example}” is ${w.role}${w.guessed ? ' (guessed)' : ''}`, () => {
          expect(bestRole(words as HeaderWord<string>[], example)).toBe(w.role);
        });
      }
    }
  }

  test('section captions are never headers', () => {
    for (const c of SECTION_CAPTIONS.examples) expect(isHeaderLike(labelText(c))).toBe(false);
  });

  test('资金 row labels are the kinds their entries say', () => {
    for (const r of FUNDS_ROW_LABELS)
      for (const ex of r.examples) expect([ex, fundsRowKind(labelText(ex))]).toEqual([ex, r.kind]);
  });

  test('total and placeholder labels', () => {
    for (const ex of TOTAL_LABELS.rowExamples) expect(isTotalLabel(labelText(ex))).toBe(true);
    for (const ex of TOTAL_LABELS.placeholderExamples)
      expect(isPlaceholderName(labelText(ex))).toBe(true);
  });

  test('comparators as Yunnan prints them (≧ ≦ ═ ＝) and units in amounts (万 = 万元)', () => {
    expect(findComparator('≧95%')?.comparator).toBe('ge');
    expect(findComparator('≦0.2万元')?.comparator).toBe('le');
    expect(findComparator('═100%')?.comparator).toBe('eq');
    expect(findComparator(labelText('＝100%'))?.comparator).toBe('eq');
    expect(parseNumberText('150万')?.toString()).toBe('150');
    expect(parseNumberText('125.25万')?.toString()).toBe('125.25');
    expect(parseNumberText('4753.66万元')?.toString()).toBe('4753.66');
    expect(parseNumberText('2.6亿元')?.toString()).toBe('26000');
    expect(parseNumberText('215,457.6')?.toString()).toBe('215457.6');
  });
});
