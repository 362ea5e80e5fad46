import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { readXlsx } from '../../src/adapters/xlsx/readXlsx';
import { checkSheet } from '../../src/engine/check';
import { toA1 } from '../../src/engine/grid/address';
import { applyFixes } from '../../src/engine/fixes/apply';
import type { GridSnapshot } from '../../src/engine/grid/types';
import { HEADER_REACH } from '../../src/engine/locate/headerCache';
import { locateOnSheet } from '../../src/engine/locate/locateForm';

/**
 * locate/headerCache.ts: a re-check of a copy made by applyFixes takes over the parent's header
 * reading for every row the written cells cannot reach. Writing into and around every header
 * (over its labels too, which a real fix never does) must read as a copy with no parent does.
 */
const FIXTURES = path.resolve(__dirname, '../fixtures');
const workbooks = [FIXTURES, path.join(FIXTURES, 'real')].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx') && !f.startsWith('notform-'))
    .map((f) => [path.relative(FIXTURES, path.join(dir, f)), path.join(dir, f)]),
);

const read = (file: string) =>
  readXlsx(readFileSync(file), file, { maxUnzippedBytes: 1e9, unzippedSentence: () => '' });

/** The same cells in new objects: no derivation recorded, so nothing is taken over. */
const fresh = (s: GridSnapshot): GridSnapshot => ({
  ...s,
  values: s.values.map((row) => [...row]),
  merges: s.merges.map((m) => ({ ...m })),
});

const outcome = (s: GridSnapshot) => JSON.stringify(checkSheet(s));

let tried = 0;

describe('header readings taken over by fixed copies', () => {
  test('the reach covers the 资金 lookahead below a two-row header', () => {
    expect(HEADER_REACH).toBe(12);
  });

  test.each(workbooks)('%s', (_name, file) => {
    for (const sheet of read(file)) {
      const forms = locateOnSheet(sheet);
      if (!forms.length) continue;
      const blocks = forms.flatMap((f) => [f.funds, f.indicators].filter((b) => b !== null));
      for (const { headerRow: h, columns } of blocks) {
        const cols = [sheet.originCol, ...Object.values(columns).filter((c) => c !== undefined)];
        // From the row above the header to past its reach below, in the label column and every
        // header column: a number over a label, or a 资金 row label in a figure's place.
        for (let r = Math.max(sheet.originRow, h - 1); r <= h + 13; r++) {
          for (const col of cols) {
            for (const value of ['1', '合计']) {
              // The parent is located first, so its header reading is there to take over.
              locateOnSheet(sheet);
              const copy = applyFixes(sheet, [{ cell: toA1({ row: r, col }), value }]);
              expect(outcome(copy)).toBe(outcome(fresh(copy)));
              tried++;
            }
          }
        }
      }
    }
  });

  test('every header of every form was written around', () => {
    expect(tried).toBeGreaterThan(2000);
  });
});
