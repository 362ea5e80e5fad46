import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { readXlsx } from '../../src/adapters/xlsx/readXlsx';
import { checkLocated, checkSheet } from '../../src/engine/check';
import { toA1 } from '../../src/engine/grid/address';
import { applyFixes } from '../../src/engine/fixes/apply';
import { planFixes } from '../../src/engine/fixes/plan';
import { rechecker } from '../../src/engine/fixes/recheck';
import type { GridSnapshot } from '../../src/engine/grid/types';
import { locateOnSheet } from '../../src/engine/locate/locateForm';
import type { FormModel } from '../../src/engine/model/form';

/**
 * fixes/recheck.ts: the fix planner re-checks its copies without locating them again when the
 * writes leave every label as it was. On every fixture the plan (and so every finding) must be
 * the one a full re-locate and re-check gives, and writing other numbers into every figure cell
 * (blanks filled, integers for fractions, percentages, the total row; in a text cell as text) must
 * read as a full re-check does.
 */
const FIXTURES = path.resolve(__dirname, '../fixtures');
const workbooks = [FIXTURES, path.join(FIXTURES, 'real')].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
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

const seeded = (sheet: GridSnapshot, forms: FormModel[]) =>
  rechecker(
    (s) => locateOnSheet(s),
    (f) => checkLocated(f),
    { snapshot: sheet, forms, results: forms.map((f) => checkLocated(f)) },
  );

/** Every cell a form's model reads as a figure (an amount, 分值, 得分, rate or coefficient). */
function figureCells(form: FormModel): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  const rows = [
    ...(form.funds?.rows.map((r) => r.cells) ?? []),
    ...(form.indicators?.rows.map((r) => r.cells) ?? []),
  ];
  for (const cells of rows)
    for (const c of Object.values(cells)) if (c && ('parsed' in c || 'rate' in c)) out.push(c.ref);
  if (form.total)
    out.push(form.total.scoreCell, ...(form.total.weightCell ? [form.total.weightCell] : []));
  return out;
}

let incremental = 0;
let relocated = 0;
let written = 0;

describe('incremental re-checks of the fix plan', () => {
  test.each(workbooks)('%s: the plan is the full re-check’s', (_name, file) => {
    for (const sheet of read(file)) {
      const forms = locateOnSheet(sheet);
      if (!forms.length) continue;
      const first = forms.map((f) => checkLocated(f));
      const recheck = seeded(sheet, forms);
      const inc = planFixes(sheet, first, recheck);
      const full = planFixes(sheet, first, (s) => checkSheet(fresh(s)));
      expect(JSON.stringify(inc)).toBe(JSON.stringify(full));
      incremental += recheck.stats.rechecks - recheck.stats.relocated;
      relocated += recheck.stats.relocated;
    }
  });

  test.each(workbooks)('%s: numbers written into every figure cell', (_name, file) => {
    for (const sheet of read(file)) {
      const forms = locateOnSheet(sheet);
      for (const ref of forms.flatMap(figureCells)) {
        // Written as the cell holds it (fixes/write.ts): a number, or text in a text cell.
        for (const value of ['12.5', '0', '7', '12.5%', '合计']) {
          const recheck = seeded(sheet, forms);
          const copy = applyFixes(sheet, [{ cell: toA1(ref), value }]);
          expect(JSON.stringify(recheck(copy))).toBe(JSON.stringify(checkSheet(fresh(copy))));
          written++;
        }
      }
    }
  });

  test('most re-checks of the fixtures locate nothing, and the writes were tried', () => {
    // Fixed when written: the fixtures' plans re-check 28 copies, 19 of them without locating.
    expect(incremental).toBeGreaterThan(relocated);
    expect(written).toBeGreaterThan(2000);
  });
});
