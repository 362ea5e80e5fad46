import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { readXlsx } from '../../src/adapters/xlsx/readXlsx';
import { checkWorkbook } from '../../src/engine/check';
import type { CheckResult } from '../../src/engine/findings/types';
import { VARIANTS } from '../helpers/variants';

/**
 * Layout variants keep the findings (issue 18 item 6): every real form, laid out ten other ways
 * (test/helpers/variants.ts), gives the findings of its original at the cells the layout moved.
 */
const REAL = path.join(__dirname, '../fixtures/real');
const FORMS = readdirSync(REAL)
  .filter((f) => f.endsWith('.xlsx'))
  .sort();

function keysOf(results: CheckResult[]): string[] {
  return results
    .flatMap((r) =>
      r.status === 'checked'
        ? r.findings.map((f) => `${r.sheet}|${f.rule}|${f.severity}|${f.cells.join('+')}`)
        : // Which sheet a "no form here" names follows the workbook's first sheet: not compared.
          [`*|${r.status}`],
    )
    .sort();
}

/** Variants known not to keep a form's findings yet, each with why (an honest list, not a skip). */
const KNOWN: Record<string, string> = {};

test('at least ten variants are derived', () => {
  expect(VARIANTS.length).toBeGreaterThanOrEqual(10);
});

describe.each(FORMS)('%s', (file) => {
  const sheets = readXlsx(readFileSync(path.join(REAL, file)), file, {
    maxUnzippedBytes: 1e9,
    unzippedSentence: () => '',
  });
  const base = checkWorkbook(sheets);
  test.each(VARIANTS.map((v) => [v.name, v] as const))('%s', (name, variant) => {
    const applied = variant.apply(sheets, base);
    if (!applied) return;
    const got = keysOf(checkWorkbook(applied.sheets));
    const expected = [
      ...keysOf(base).map((k) => {
        const [sheet, rule, severity, cells] = k.split('|');
        if (cells === undefined) return k;
        const moved = cells.split('+').map((c) => applied.moved(sheet, c) ?? c);
        return `${sheet}|${rule}|${severity}|${moved.join('+')}`;
      }),
      ...(applied.extra?.(base) ?? []),
    ].sort();
    const known = KNOWN[`${file} / ${name}`];
    if (known) {
      expect(got).not.toEqual(expected); // remove the entry once it holds
      return;
    }
    expect(got).toEqual(expected);
  });
});
