import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { loadWorkbook } from '../../src/adapters/exceljs/readWorkbook';
import { checkWorkbook } from '../../src/engine/check';
import { applyFixes } from '../../src/engine/fixes/apply';
import type { CheckResult, Fix } from '../../src/engine/findings/types';
import type { GridSnapshot } from '../../src/engine/grid/types';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const workbooks = [FIXTURES, path.join(FIXTURES, 'real')].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => [path.relative(FIXTURES, path.join(dir, f)), path.join(dir, f)]),
);

/** What 全部修正 does on every sheet, in memory: every offered fix written into its sheet. */
function applyAll(sheets: GridSnapshot[], results: CheckResult[]): GridSnapshot[] {
  const bySheet = new Map<string, Fix[]>();
  for (const r of results)
    for (const f of r.findings)
      if (f.fix && r.sheet) bySheet.set(r.sheet, [...(bySheet.get(r.sheet) ?? []), f.fix]);
  return sheets.map((s) => applyFixes(s, bySheet.get(s.sheetName) ?? []));
}

const keyOf = (sheet: string | null, rule: string, cell: string | undefined) =>
  `${sheet}!${cell ?? ''}|${rule}`;

/** RULES §4a on every fixture: applying every offered fix and checking again settles at once. */
describe('the offered fixes settle in one round on every fixture', () => {
  test('there are the fixtures', () => {
    expect(workbooks.length).toBeGreaterThanOrEqual(15);
  });

  test.each(workbooks)('%s', async (_name, file) => {
    const { sheets } = await loadWorkbook(readFileSync(file), file);
    const before = checkWorkbook(sheets);
    const fixed = new Set(
      before.flatMap((r) => r.findings.flatMap((f) => (f.fix ? [`${r.sheet}!${f.fix.cell}`] : []))),
    );

    // No cell is listed with two different expected values among findings that carry a fix,
    // and a finding with a fix expects exactly the value it writes.
    const expectedAt = new Map<string, string>();
    for (const r of before) {
      for (const f of r.findings) {
        if (!f.fix) continue;
        expect(f.expected).toBe(f.fix.value);
        for (const at of [`${r.sheet}!${f.fix.cell}`, `${r.sheet}!${f.cells[0]}`]) {
          const prev = expectedAt.get(at);
          if (prev !== undefined) expect(`${at} ${f.expected}`).toBe(`${at} ${prev}`);
          expectedAt.set(at, f.expected ?? '');
        }
      }
    }

    const after = checkWorkbook(applyAll(sheets, before));
    const old = new Set(
      before.flatMap((r) =>
        r.findings
          .filter((f) => f.severity !== 'info')
          .map((f) => keyOf(r.sheet, f.rule, f.cells[0])),
      ),
    );
    // A warning the corrected values bring to light (a rate below 90% once its 合计 is filled) is
    // said beforehand, as a fix.follow-up note on its cell: announced, it is not new.
    const announced = new Set(
      before.flatMap((r) =>
        r.findings
          .filter((f) => f.rule === 'fix.follow-up')
          .map((f) => `${r.sheet}!${f.cells[0] ?? ''}`),
      ),
    );
    const fresh = after.flatMap((r) =>
      r.findings
        .filter((f) => f.severity !== 'info')
        .filter((f) => !(f.severity === 'warning' && announced.has(`${r.sheet}!${f.cells[0]}`)))
        .filter(
          (f) =>
            !old.has(keyOf(r.sheet, f.rule, f.cells[0])) ||
            (f.severity === 'error' && fixed.has(`${r.sheet}!${f.cells[0]}`)),
        )
        .map((f) => keyOf(r.sheet, f.rule, f.cells[0])),
    );
    expect(fresh).toEqual([]);
    expect(
      after.flatMap((r) =>
        r.findings.flatMap((f) => (f.fix ? [`${r.sheet}!${f.fix.cell}=${f.fix.value}`] : [])),
      ),
    ).toEqual([]);
    expect(after.map((r) => [r.sheet, r.form, r.status])).toEqual(
      before.map((r) => [r.sheet, r.form, r.status]),
    );
  });
});
