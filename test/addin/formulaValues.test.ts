import { readFileSync } from 'fs';
import * as path from 'path';
import { createExcelGateway } from '../../src/addin/host/excelGateway';
import { createFakeHost, type FakeCell } from '../fakes/fakeExcel';
import { cloneBook, fakeBookFromXlsx } from '../fakes/fromExcelJs';
import { FIXTURES } from '../helpers/cli';

/**
 * The add-in reads `values` and `formulas` (RULES §1.3): a formula's value is Excel's result, an
 * empty string, 0 or FALSE included. Excel always has a result, so nothing in the add-in is "not
 * computed" — and the pane agrees with the CLI on the same cells.
 */
async function findingsWithH21(cell: FakeCell): Promise<string[]> {
  const book = cloneBook(
    await fakeBookFromXlsx(readFileSync(path.join(FIXTURES, 'yuelu-2022.xlsx'))),
  );
  book.sheets[0].cells.H21 = { ...book.sheets[0].cells.H21, ...cell };
  const out = await createExcelGateway(createFakeHost(book)).check();
  if (out.kind !== 'checked') throw new Error(out.kind);
  return out.result.findings.map((f) => `${f.rule} ${f.cells.join(',')}`);
}

describe('formula values in the add-in', () => {
  test('a formula showing 0 is checked as the constant 0 would be', async () => {
    const asFormula = await findingsWithH21({ value: 0, formula: '=G21*0' });
    expect(asFormula).toEqual(await findingsWithH21({ value: 0 }));
    expect(asFormula.filter((f) => f.startsWith('indicator.score-blank'))).toEqual([]);
  });

  test('a formula whose result is "" is that value, never "not computed"', async () => {
    const f = await findingsWithH21({ value: '', formula: '=""' });
    expect(f.filter((x) => x.startsWith('form.formula-not-computed'))).toEqual([]);
    expect(f).toEqual(await findingsWithH21({ value: null }));
  });
});
