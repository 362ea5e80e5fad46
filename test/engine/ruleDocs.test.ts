import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import type { RawValue } from '../../src/engine/grid/types';
import { CATALOGUE } from '../../src/engine/rules';
import { departmentForm, projectForm } from '../helpers/forms';
import type { Rows } from '../helpers/grid';
import { checkReportCases, type ReportCase, runReportCase } from '../helpers/reportTester';
import { checkCases, type RuleCase, runCase } from '../helpers/ruleTester';

/**
 * Docs that run: every example on docs/rules/<id>.md is a fenced block this test executes.
 *
 *   ```selfeval-case
 *   rule: funds.rate-mismatch     the page's id
 *   kind: invalid                 invalid (the rule fires) or valid (it finds nothing)
 *   base: department              department | project: the consistent forms of test/helpers/forms.ts
 *   keep: 1,12-20                 optional: only these Excel rows of the base (edits then address the kept sheet)
 *   rows: [["…", 1], …]           instead of base: a small sheet of its own, JSON rows
 *   edits: {"F3": "97.10%"}       JSON: cells changed by A1 address
 *   merges: ["A1:A2"]             optional, JSON
 *   formulas: {"H13": {"formula": "=G13", "value": null}}  optional: formula cells, cached value
 *   profile: {"lowExecution": 85} optional, JSON: overrides of the national profile
 *   paragraphs: ["…"]             report.* rules: a 自评报告 narrative checked against the seed's form
 *   cells: ["F3"]                 invalid: each finding's first cell, in order
 *   message: 资金来源合计执行率应为 …  invalid: the first finding's message, exactly
 *   messages: ["…", "…"]          invalid, instead of message: every finding's message, in order
 *   ```
 *
 * One `key: value` a line; a value is JSON when it parses as JSON, otherwise plain text; a line
 * starting with whitespace continues the previous value; `#` at the start of a line is a comment.
 * An invalid example's messages must also be quoted in the page's prose (outside the blocks), so
 * what a reader sees is the checker's real output for the block beside it.
 */
const ROOT = path.resolve(__dirname, '../..');
const DOCS = path.join(ROOT, 'docs/rules');
const KEYS = [
  'rule',
  'kind',
  'name',
  'base',
  'keep',
  'rows',
  'edits',
  'merges',
  'formulas',
  'profile',
  'paragraphs',
  'cells',
  'message',
  'messages',
];

/**
 * Pages with nothing to run, and why. None so far: the report.* pages run through the report
 * tester (a narrative against the seed's form), fix.follow-up through the form's fix plan.
 */
const EXEMPT: Record<string, string> = {};

interface DocCase {
  page: string;
  index: number;
  fields: Record<string, unknown>;
}

function parseBlock(page: string, index: number, body: string): DocCase {
  const fields: Record<string, unknown> = {};
  const raw: [string, string][] = [];
  for (const line of body.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (/^\s/.test(line) && raw.length > 0) {
      raw[raw.length - 1][1] += `\n${line.trim()}`;
      continue;
    }
    const m = /^([a-z]+):\s*(.*)$/.exec(line);
    if (!m) throw new Error(`${page} block ${index}: not a "key: value" line: ${line}`);
    if (!KEYS.includes(m[1])) throw new Error(`${page} block ${index}: unknown key ${m[1]}`);
    raw.push([m[1], m[2]]);
  }
  for (const [key, text] of raw) {
    try {
      fields[key] = JSON.parse(text);
    } catch {
      fields[key] = text;
    }
  }
  return { page, index, fields };
}

const BLOCK = /^```selfeval-case\n([\s\S]*?)^```$/gm;

/** The page's cases, and its prose: the text with the blocks taken out. */
function parsePage(file: string): { prose: string; cases: DocCase[] } {
  const text = readFileSync(path.join(DOCS, file), 'utf8');
  const cases = [...text.matchAll(BLOCK)].map((m, i) => parseBlock(file, i + 1, m[1]));
  return { prose: text.replace(BLOCK, ''), cases };
}

function messagesOf(c: DocCase): string[] {
  if (Array.isArray(c.fields.messages)) return c.fields.messages as string[];
  return typeof c.fields.message === 'string' ? [c.fields.message] : [];
}

/** "1,12-20" → the Excel rows 1 and 12 to 20. */
function keepRows(rows: Rows, spec: string): Rows {
  const wanted = new Set<number>();
  for (const part of spec.split(',')) {
    const [from, to = from] = part.split('-').map((n) => Number(n.trim()));
    for (let r = from; r <= to; r++) wanted.add(r);
  }
  return rows.filter((_row, i) => wanted.has(i + 1));
}

function toRuleCase(c: DocCase): RuleCase {
  const f = c.fields;
  const name = typeof f.name === 'string' ? f.name : `block ${c.index}`;
  let base: RuleCase['base'] = f.rows as Rows | undefined;
  if (base !== undefined && (f.base !== undefined || f.keep !== undefined))
    throw new Error(`${c.page} ${name}: rows is a sheet of its own, without base or keep`);
  if (base === undefined) {
    if (f.base !== undefined && f.base !== 'department' && f.base !== 'project')
      throw new Error(`${c.page} ${name}: base is department or project, not ${String(f.base)}`);
    base = f.base ?? 'department';
    if (typeof f.keep === 'string' || typeof f.keep === 'number')
      base = keepRows(base === 'project' ? projectForm() : departmentForm(), String(f.keep));
  }
  return {
    name,
    base,
    edits: f.edits as Record<string, RawValue> | undefined,
    merges: f.merges as string[] | undefined,
    formulas: f.formulas as RuleCase['formulas'],
    profile: f.profile as RuleCase['profile'],
    cells: f.cells as string[] | undefined,
    message: f.message as string | undefined,
  };
}

const pages = readdirSync(DOCS)
  .filter((f) => f.endsWith('.md'))
  .map((file) => ({ id: file.replace(/\.md$/, ''), ...parsePage(file) }));

describe('the rule pages', () => {
  test('there is a page for every catalogued rule, and no page without a rule', () => {
    expect(pages.map((p) => p.id).sort()).toEqual(CATALOGUE.map((m) => m.id).sort());
  });

  test('every exemption names a page and says why', () => {
    for (const [id, why] of Object.entries(EXEMPT)) {
      expect(pages.map((p) => p.id)).toContain(id);
      expect(why.length).toBeGreaterThan(10);
    }
  });
});

describe.each(pages.map((p) => [p.id, p] as const))('docs/rules/%s.md', (id, page) => {
  const { cases, prose } = page;
  const valid = cases.filter((c) => c.fields.kind === 'valid');
  const invalid = cases.filter((c) => c.fields.kind === 'invalid');

  test('has a failing and a passing example block, each for this rule', () => {
    if (id in EXEMPT) return;
    expect(invalid.length).toBeGreaterThan(0);
    expect(valid.length).toBeGreaterThan(0);
    expect(cases.map((c) => `${String(c.fields.rule)} ${String(c.fields.kind)}`)).toEqual(
      cases.map((c) => `${id} ${c.fields.kind === 'valid' ? 'valid' : 'invalid'}`),
    );
  });

  test('every invalid example lists its cells and its messages, and the prose quotes them', () => {
    for (const c of invalid) {
      const cells = c.fields.cells;
      expect([c.index, Array.isArray(cells) && cells.length > 0]).toEqual([c.index, true]);
      expect([c.index, messagesOf(c).length > 0]).toEqual([c.index, true]);
      for (const message of messagesOf(c)) expect(prose).toContain(message);
    }
  });

  const isReport = id.startsWith('report.');
  test('no two examples are the same case', () => {
    const toReportCase = (c: DocCase): ReportCase => ({
      name: `block ${c.index}`,
      paragraphs: c.fields.paragraphs as string[],
      cells: c.fields.cells as string[] | undefined,
    });
    const check = isReport
      ? () =>
          checkReportCases(id, {
            valid: valid.map(toReportCase),
            invalid: invalid.map(toReportCase),
          })
      : () => checkCases(id, { valid: valid.map(toRuleCase), invalid: invalid.map(toRuleCase) });
    expect(check).not.toThrow();
  });

  if (cases.length === 0) return;
  test.each(cases.map((c) => [c.index, c] as const))('block %i runs as written', (_i, c) => {
    const found = isReport
      ? runReportCase(id, { name: `block ${c.index}`, paragraphs: c.fields.paragraphs as string[] })
      : runCase(id, toRuleCase(c));
    const got = found.map((f) => `${f.cells[0]} ${f.message}`);
    if (c.fields.kind === 'valid') {
      expect(got).toEqual([]);
      return;
    }
    expect(found.map((f) => f.cells[0])).toEqual(c.fields.cells);
    if (Array.isArray(c.fields.messages))
      expect(found.map((f) => f.message)).toEqual(c.fields.messages);
    else expect(found[0]?.message).toBe(c.fields.message);
  });
});

describe('the rule tester refuses cases that test nothing (as eslint’s RuleTester does)', () => {
  type Cases = { valid: RuleCase[]; invalid: RuleCase[] };
  const ok: RuleCase = { name: 'a', edits: { F3: '97.10%' }, cells: ['F3'] };
  const refused: [string, Cases][] = [
    [
      'an invalid case without cells',
      { valid: [], invalid: [{ name: 'a', edits: { F3: '90%' } }] },
    ],
    ['an invalid case with no cells', { valid: [], invalid: [{ ...ok, cells: [] }] }],
    ['a valid case with a message', { valid: [{ name: 'v', message: 'x' }], invalid: [ok] }],
    ['two cases with one name', { valid: [{ name: 'a', edits: { F3: '97%' } }], invalid: [ok] }],
    [
      'two cases with one input, spelled differently',
      {
        valid: [{ name: 'v', base: 'department', edits: { F5: 1, F3: '97%' } }],
        invalid: [{ ...ok, edits: { F3: '97%', F5: 1 } }],
      },
    ],
  ];
  test.each(refused)('%s', (_label, cases) => {
    expect(() => checkCases('funds.rate-mismatch', cases)).toThrow();
  });

  test('the report tester too: an invalid narrative without cells, two cases with one narrative', () => {
    const said = { name: 'a', paragraphs: ['自评总分98分。'] };
    const id = 'report.total-score-mismatch';
    expect(() => checkReportCases(id, { valid: [], invalid: [said] })).toThrow(/cells/);
    expect(() =>
      checkReportCases(id, {
        valid: [{ ...said, name: 'b' }],
        invalid: [{ ...said, cells: ['H34'] }],
      }),
    ).toThrow(/paragraphs/);
  });

  test('and accepts distinct cases', () => {
    expect(() =>
      checkCases('funds.rate-mismatch', { valid: [{ name: 'v' }], invalid: [ok] }),
    ).not.toThrow();
  });
});
