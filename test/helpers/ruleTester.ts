import { parseA1 } from '../../src/engine/grid/address';
import { checkWorkbook } from '../../src/engine/check';
import type { Finding } from '../../src/engine/findings/types';
import type { RawValue } from '../../src/engine/grid/types';
import { NATIONAL_PROFILE, type Profile, withOverrides } from '../../src/engine/profile/profile';
import { RULES } from '../../src/engine/rules';
import { departmentForm, projectForm } from './forms';
import { type Rows, setCell, snapshot } from './grid';

/**
 * One case for a rule, eslint RuleTester style: a base form (the consistent department or
 * project form of test/helpers/forms.ts, or rows of its own), cells changed by A1 address, and
 * for an invalid case the cells its findings must start at (in order) and what they must say.
 */
export interface RuleCase {
  name: string;
  base?: 'department' | 'project' | Rows;
  edits?: Record<string, RawValue>;
  merges?: string[];
  /** Formula cells by A1 address with the value the file caches for them (null: no result). */
  formulas?: Record<string, { formula: string; value: RawValue }>;
  profile?: Partial<Profile>;
  /** Invalid cases: each finding's first cell, in order. */
  cells?: string[];
  /** Invalid cases: fields every finding must have (e.g. expected, fix), or a list, one per finding. */
  expect?: Partial<Finding> | Partial<Finding>[];
  /** Invalid cases: text the first finding's message must contain. */
  message?: string | RegExp;
  /** Invalid cases: every cell of the first finding, in order. */
  firstCells?: string[];
  /** Invalid cases: every finding's message, exactly and in order. */
  messages?: string[];
}

export function runCase(id: string, c: RuleCase): Finding[] {
  const rows =
    c.base === undefined || c.base === 'department'
      ? departmentForm()
      : c.base === 'project'
        ? projectForm()
        : c.base.map((r) => [...r]);
  for (const [address, value] of Object.entries(c.edits ?? {})) setCell(rows, address, value);
  const profile = c.profile ? withOverrides(NATIONAL_PROFILE, c.profile) : NATIONAL_PROFILE;
  const s = snapshot(rows, { merges: c.merges });
  if (c.formulas) {
    const formulas = s.values.map((r) => r.map(() => null as string | null));
    for (const [address, { formula, value }] of Object.entries(c.formulas)) {
      const ref = parseA1(address);
      if (!ref) throw new Error(`not an address: ${address}`);
      s.values[ref.row][ref.col] = value;
      formulas[ref.row][ref.col] = formula;
    }
    s.formulas = formulas;
  }
  return checkWorkbook([s], profile).flatMap((r) => r.findings.filter((f) => f.rule === id));
}

/** JSON with object keys sorted, so two spellings of the same input compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

const INVALID_ONLY = ['cells', 'expect', 'message', 'firstCells', 'messages'] as const;

/**
 * Refuses cases that would pass without testing anything, as eslint's RuleTester does: an invalid
 * case must say which cells it expects (otherwise "finds nothing" passes as invalid), a valid case
 * must not carry expectations it never checks, and no two cases may share a name or an input.
 */
export function checkCases(id: string, cases: { valid: RuleCase[]; invalid: RuleCase[] }): void {
  const names = new Map<string, string>();
  const inputs = new Map<string, string>();
  const all = [
    ...cases.valid.map((c) => ['valid', c] as const),
    ...cases.invalid.map((c) => ['invalid', c] as const),
  ];
  for (const [kind, c] of all) {
    const label = `${id}: ${kind} case "${c.name}"`;
    if (kind === 'invalid' && (c.cells === undefined || c.cells.length === 0))
      throw new Error(`${label} must list the cells its findings start at (cells)`);
    if (kind === 'valid') {
      const stray = INVALID_ONLY.filter((k) => c[k] !== undefined);
      if (stray.length > 0) throw new Error(`${label} must not have ${stray.join(', ')}`);
    }
    const sameName = names.get(c.name);
    if (sameName !== undefined) throw new Error(`${label} has the same name as a ${sameName} case`);
    names.set(c.name, kind);
    const input = canonical({
      base: c.base ?? 'department',
      edits: c.edits ?? {},
      merges: c.merges ?? [],
      formulas: c.formulas ?? {},
      profile: c.profile ?? {},
    });
    const sameInput = inputs.get(input);
    if (sameInput !== undefined) throw new Error(`${label} has the same input as ${sameInput}`);
    inputs.set(input, `${kind} case "${c.name}"`);
  }
}

/** valid: the rule finds nothing; invalid: it finds exactly the cells given, with what was asked. */
export function testRule(id: string, cases: { valid: RuleCase[]; invalid: RuleCase[] }): void {
  checkCases(id, cases);
  describe(id, () => {
    test('is in the catalogue', () => {
      expect(RULES.map((r) => r.meta.id)).toContain(id);
    });
    test.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
      expect(runCase(id, c).map((f) => `${f.cells[0]} ${f.message}`)).toEqual([]);
    });
    test.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => {
      const found = runCase(id, c);
      expect(found.map((f) => f.cells[0])).toEqual(c.cells);
      const wants = Array.isArray(c.expect) ? c.expect : found.map(() => c.expect ?? {});
      found.forEach((f, i) => expect(f).toMatchObject(wants[i] ?? {}));
      if (c.message) expect(found[0]?.message).toMatch(c.message);
      if (c.firstCells) expect(found[0]?.cells).toEqual(c.firstCells);
      if (c.messages) expect(found.map((f) => f.message)).toEqual(c.messages);
    });
  });
}
