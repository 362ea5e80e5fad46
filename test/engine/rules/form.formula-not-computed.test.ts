import { checkWorkbook } from '../../../src/engine/check';
import type { GridSnapshot } from '../../../src/engine/grid/types';
import { departmentForm } from '../../helpers/forms';
import { snapshot } from '../../helpers/grid';

/** The department form with formulas put on cells (A1 → formula), their values as given. */
function withFormulas(
  cells: Record<string, { formula: string; value: null | number }>,
): GridSnapshot {
  const s = snapshot(departmentForm());
  s.formulas = s.values.map((r) => r.map(() => null as string | null));
  for (const [addr, { formula, value }] of Object.entries(cells)) {
    const col = addr.charCodeAt(0) - 65;
    const row = Number(addr.slice(1)) - 1;
    s.values[row][col] = value;
    s.formulas[row][col] = formula;
  }
  return s;
}

const findings = (s: GridSnapshot) => checkWorkbook([s]).flatMap((r) => r.findings);

describe('form.formula-not-computed', () => {
  test('formulas without a result: one info naming them, and no "未填写" for those cells', () => {
    const f = findings(
      withFormulas({
        H13: { formula: '=G13', value: null },
        H14: { formula: '=G14', value: null },
      }),
    );
    const mine = f.filter((x) => x.rule === 'form.formula-not-computed');
    expect(mine).toHaveLength(1);
    expect(mine[0].severity).toBe('info');
    expect(mine[0].message).toBe(
      '2 个公式单元格没有计算结果（H13、H14），值未知，未按空白或 0 核对；请在 Excel 中打开、重新计算并保存后再校验。',
    );
    expect(f.filter((x) => x.rule === 'indicator.score-blank')).toEqual([]);
  });

  test('a cached 0 is a value: no info, and the score is checked as 0', () => {
    const f = findings(withFormulas({ H13: { formula: '=G13*0', value: 0 } }));
    expect(f.filter((x) => x.rule === 'form.formula-not-computed')).toEqual([]);
    expect(f.some((x) => x.cells.includes('H13'))).toBe(true);
  });

  test('formulas with results: nothing to say', () => {
    const f = findings(withFormulas({ H13: { formula: '=G13', value: 20 } }));
    expect(f.filter((x) => x.rule === 'form.formula-not-computed')).toEqual([]);
  });
});
