import { readFileSync } from 'fs';
import * as path from 'path';
import { readDocx } from './docx';
import { locateForms } from '../../src/engine/locate/locateForm';
import type { FormModel } from '../../src/engine/model/form';
import { crossCheckReport } from '../../src/engine/narrative/crossCheck';
import { type ReportFinding } from '../../src/engine/narrative/context';
import { ruleMeta } from '../../src/engine/rules';

/**
 * The report.* rules' tester, like ruleTester for the form's rules: each case is a narrative
 * (paragraphs) checked against the seed's form as read from its .docx (部门职责 3717家, 编制 3,
 * 实有 8, 财政拨款 299.59, 基本支出 254.85 = 人员 233.48 + 公用 21.37, 项目支出 44.74, 总分 96).
 * A valid case yields no finding of the rule; an invalid one yields exactly the cells and
 * messages listed, with the rule's catalogued severity and part.
 */
export interface ReportCase {
  name: string;
  paragraphs: string[];
  /** The form cell of each finding of the rule, in order. */
  cells?: string[];
  messages?: string[];
  expected?: (string | null)[];
  actual?: (string | null)[];
}

let seed: FormModel | null = null;
function seedForm(): FormModel {
  if (seed) return seed;
  const docx = readFileSync(path.join(__dirname, '../fixtures/docx/yuelu-2022.docx'));
  const located = locateForms(readDocx(docx).sheets);
  if (!located.found) throw new Error('seed form not found');
  seed = located.forms[0].form;
  return seed;
}

export function runReportCase(id: string, c: ReportCase): ReportFinding[] {
  const paragraphs = c.paragraphs.map((text, i) => ({ index: i + 1, text }));
  return crossCheckReport(seedForm(), paragraphs).filter((f) => f.rule === id);
}

/** As ruleTester's checkCases: an invalid case names its cells; no two cases share a name or a narrative. */
export function checkReportCases(
  id: string,
  cases: { valid: ReportCase[]; invalid: ReportCase[] },
): void {
  const seen = new Set<string>();
  for (const [kind, c] of [
    ...cases.valid.map((v) => ['valid', v] as const),
    ...cases.invalid.map((v) => ['invalid', v] as const),
  ]) {
    const label = `${id}: ${kind} case "${c.name}"`;
    if (kind === 'invalid' && !c.cells?.length)
      throw new Error(`${label} must list the cells its findings start at (cells)`);
    if (kind === 'valid' && (c.cells || c.messages || c.expected || c.actual))
      throw new Error(`${label} must not have expectations`);
    for (const key of [`name ${c.name}`, `paragraphs ${JSON.stringify(c.paragraphs)}`]) {
      if (seen.has(key))
        throw new Error(`${label} repeats the ${key.split(' ')[0]} of another case`);
      seen.add(key);
    }
  }
}

export function testReportRule(
  id: string,
  cases: { valid: ReportCase[]; invalid: ReportCase[] },
): void {
  checkReportCases(id, cases);
  const meta = ruleMeta(id);
  describe(id, () => {
    test('is catalogued', () => expect(meta?.id).toBe(id));
    test.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_n, c) => {
      expect(runReportCase(id, c)).toEqual([]);
    });
    test.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_n, c) => {
      const found = runReportCase(id, c);
      expect(found.length).toBeGreaterThan(0);
      for (const f of found) expect([f.severity, f.part]).toEqual([meta?.severity, meta?.part]);
      expect(found.map((f) => f.cells[0])).toEqual(c.cells);
      if (c.messages) expect(found.map((f) => f.message)).toEqual(c.messages);
      if (c.expected) expect(found.map((f) => f.expected)).toEqual(c.expected);
      if (c.actual) expect(found.map((f) => f.actual)).toEqual(c.actual);
    });
  });
}
