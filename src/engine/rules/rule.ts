import type { Assessment } from '../assess/assessment';
import type { Finding, Fix, Part, Severity } from '../findings/types';
import { type CellRef, toA1 } from '../model/cells';
import type { FormModel } from '../model/form';
import type { Profile } from '../profile/profile';

export interface RuleContext {
  form: FormModel;
  profile: Profile;
  assessment: Assessment;
}

/**
 * How the fix plan (fixes/plan.ts) reads an error of this rule that still stands once the plan is
 * applied. 'either-may-be-wrong': the error names two totals of which either may be the wrong
 * one, so every planned cell it names is contradicted, not only its first (docs/rules.md#r-4a).
 */
export type FixPolicy = 'either-may-be-wrong';

/**
 * What a rule is, for people and for every surface that names it (README table, pane, 校验结果
 * sheet, docs/rules/<id>.md): its stable id, severity, part, title, what it checks, where the rule
 * comes from (a docs/rules.md anchor), its page, its message templates, the fix it offers, and its
 * relations to other rules (which it supersedes, how the fix plan treats it).
 */
export interface RuleMeta {
  /** Stable: `<part>.<name>`, and the file is rules/<part>/<name>.ts. */
  id: string;
  severity: Severity;
  part: Part;
  /** Chinese title, a few words. */
  title: string;
  /** One sentence: what it checks. */
  description: string;
  /** Where the rule is stated: an anchor of docs/rules.md ("r-2-1"). */
  source: string;
  /** Its page, `docs/rules/<id>.md` (the README table links it). */
  docs: string;
  /** Message templates; `{name}` is filled from the finding's values (fill()). */
  messages: Record<string, string>;
  /** The fix it offers, in words; null when it offers none. */
  fix: string | null;
  /**
   * Ids of rules this one supersedes: a finding of a listed rule whose first cell (the cell it is
   * about) is the first cell of one of this rule's findings is not reported, since this one says it
   * already (checkForm, rules/relations.ts). The catalogue test checks the ids exist and form no cycle.
   */
  supersedes?: string[];
  /** How the fix plan treats its errors; absent: an error contradicts only a fix on its first cell. */
  fixPolicy?: FixPolicy;
}

/** A check of docs/rules.md, one file as in eslint's lib/rules: its meta and what it finds. */
export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): Finding[];
}

export interface FindingDetail {
  cells: CellRef[];
  message: string;
  expected?: string | null;
  actual?: string | null;
  fix?: { cell: CellRef; value: string } | null;
}

/** Fills a message template: `{name}` → values.name. A missing value is a bug, so it shows. */
export function fill(template: string, values: Record<string, string | number>): string {
  const parts = partsOf(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i];
    out += (key in values ? String(values[key]) : `{${key}}`) + parts[i + 1];
  }
  return out;
}

/** A template split once into text, key, text, key, …, text: messages are filled per finding. */
const PARTS = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = PARTS.get(template);
  if (!parts) {
    // split with a capture group keeps the keys at the odd indexes.
    parts = template.split(/\{(\w+)\}/);
    if (PARTS.size >= 5_000) PARTS.clear();
    PARTS.set(template, parts);
  }
  return parts;
}

/** Builds the rule's findings with its id, severity and part filled in. */
export function defineRule(meta: RuleMeta, find: (ctx: RuleContext) => FindingDetail[]): Rule {
  return {
    meta,
    check: (ctx) =>
      find(ctx).map((d): Finding => {
        const fix: Fix | null = d.fix ? { cell: toA1(d.fix.cell), value: d.fix.value } : null;
        return {
          rule: meta.id,
          severity: meta.severity,
          part: meta.part,
          cells: dedupe(d.cells.map(toA1)),
          message: d.message,
          expected: d.expected ?? null,
          actual: d.actual ?? null,
          fix,
        };
      }),
  };
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}
