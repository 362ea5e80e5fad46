import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { CATALOGUE, NARRATIVE_RULES, REPORT_RULES, RULES } from '../../src/engine/rules';
import type { RuleMeta } from '../../src/engine/rules/rule';
import { catalogueTable, TABLE_END, TABLE_START } from '../../src/engine/rules/table';

/**
 * The catalogue is one rule per file named after its id, and every surface agrees with it: the
 * registry, docs/rules/<id>.md, the README table, a test file per rule, the docs/rules.md anchor
 * it cites. Ids are stable: the ones below may gain company, never change.
 */
const ROOT = path.resolve(__dirname, '../..');
const RULES_DIR = path.join(ROOT, 'src/engine/rules');
const PARTS = ['form', 'funds', 'indicator', 'total', 'fix', 'report'];

const STABLE_IDS = [
  'form.partial',
  'funds.sum-mismatch',
  'funds.blank-total',
  'funds.sources-structure-mismatch',
  'funds.text-breakdown-mismatch',
  'funds.rate-mismatch',
  'funds.rate-blank',
  'funds.rate-not-applicable',
  'funds.rate-unreadable',
  'funds.over-execution',
  'funds.low-execution',
  'funds.exec-score-mismatch',
  'funds.exec-score-blank',
  'funds.exec-score-unverifiable',
  'funds.stray-score',
  'funds.unplaced-row',
  'indicator.score-out-of-range',
  'indicator.score-blank',
  'indicator.score-mismatch',
  'indicator.compound-score-out-of-range',
  'indicator.coefficient-mismatch',
  'indicator.coefficient-score-mismatch',
  'indicator.qualitative-band',
  'indicator.reason-missing',
  'indicator.unverifiable',
  'total.weight-sum-mismatch',
  'total.score-sum-mismatch',
  'total.block-score-over-weight',
  'total.score-blank',
  'total.missing',
  'total.level1-weights',
  'fix.follow-up',
  'report.amount-mismatch',
  'report.itemised-sum-mismatch',
  'report.count-mismatch',
  'report.rate-mismatch',
  'report.total-score-mismatch',
];

const files = PARTS.flatMap((part) =>
  readdirSync(path.join(RULES_DIR, part))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ part, name: f.replace(/\.ts$/, ''), file: path.join(RULES_DIR, part, f) })),
);

describe('the rule catalogue', () => {
  test('ids are unique, and the stable ids are all still there', () => {
    const ids = CATALOGUE.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(STABLE_IDS));
  });

  test.each(files.map((f) => [`${f.part}/${f.name}.ts`, f] as const))(
    '%s exports the meta of the id it is named after, and is registered',
    (_label, f) => {
      const mod = require(f.file) as { meta?: RuleMeta };
      expect(mod.meta?.id).toBe(`${f.part}.${f.name}`);
      expect(CATALOGUE).toContain(mod.meta);
    },
  );

  test('every catalogued id has its file (nothing registered that lives elsewhere)', () => {
    expect(CATALOGUE.map((m) => m.id).sort()).toEqual(
      files.map((f) => `${f.part}.${f.name}`).sort(),
    );
  });

  test.each(CATALOGUE.map((m) => [m.id, m] as const))(
    '%s: title, description, messages, a doc page, its source anchor, and (for a check) its test',
    (id, m) => {
      expect(m.title).toMatch(/\S/);
      expect(m.description.length).toBeGreaterThan(8);
      expect(Object.keys(m.messages).length).toBeGreaterThan(0);
      expect(m.docs).toBe(`docs/rules/${id}.md`);
      const page = path.join(ROOT, m.docs);
      expect(
        existsSync(page)
          ? readFileSync(page, 'utf8').split('\n')[0]
          : `missing docs/rules/${id}.md`,
      ).toBe(`# ${id}`);
      expect(readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8')).toContain(`id="${m.source}"`);
      if (RULES.some((r) => r.meta.id === id) || id.startsWith('report.'))
        expect(
          existsSync(path.join(ROOT, 'test/engine/rules', `${id}.test.ts`))
            ? id
            : `missing test/engine/rules/${id}.test.ts`,
        ).toBe(id);
    },
  );

  test('the report.* rules run over the narrative are the ones catalogued, each once', () => {
    const run = NARRATIVE_RULES.map((r) => r.meta);
    expect(new Set(run).size).toBe(run.length);
    expect([...run].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...REPORT_RULES].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  test('relations name catalogued rules, none supersedes itself, and they form no cycle', () => {
    const ids = new Set(CATALOGUE.map((m) => m.id));
    for (const m of CATALOGUE) {
      for (const id of m.supersedes ?? []) {
        expect(`${m.id} supersedes ${ids.has(id) ? 'a catalogued rule' : id}`).toBe(
          `${m.id} supersedes a catalogued rule`,
        );
        expect(id).not.toBe(m.id);
      }
    }
    // Depth-first over "supersedes": a rule met again on the path is a cycle.
    const byId = new Map(CATALOGUE.map((m) => [m.id, m] as const));
    const cycle = (id: string, path: string[]): string[] | null => {
      if (path.includes(id)) return [...path, id];
      for (const next of byId.get(id)?.supersedes ?? []) {
        const found = cycle(next, [...path, id]);
        if (found) return found;
      }
      return null;
    };
    for (const m of CATALOGUE) expect(cycle(m.id, [])).toBeNull();
  });

  test('a superseding rule runs on the form (its findings are there to supersede with)', () => {
    const checks = new Set(RULES.map((r) => r.meta.id));
    for (const m of CATALOGUE.filter((c) => c.supersedes?.length)) {
      expect(checks.has(m.id)).toBe(true);
      for (const id of m.supersedes ?? []) expect(checks.has(id)).toBe(true);
    }
  });

  test('a fix policy is one the fix plan knows, on a rule that can have errors', () => {
    for (const m of CATALOGUE.filter((c) => c.fixPolicy !== undefined)) {
      expect([m.id, m.fixPolicy]).toEqual([m.id, 'either-may-be-wrong']);
      expect([m.id, m.severity]).toEqual([m.id, 'error']);
    }
  });

  test('the README rule table is the one the catalogue makes (npm run docs:rules)', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const table = readme
      .slice(readme.indexOf(TABLE_START) + TABLE_START.length, readme.indexOf(TABLE_END))
      .trim();
    expect(table).toBe(catalogueTable(CATALOGUE));
  });
});
