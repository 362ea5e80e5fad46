import type { Assessment } from '../assess/assessment';
import type { Finding, Fix, Part, Severity } from '../findings/types';
import { toA1 } from '../grid/address';
import type { CellRef } from '../grid/types';
import type { FormModel } from '../model/form';
import type { Profile } from '../profile/profile';

export interface RuleContext {
  form: FormModel;
  profile: Profile;
  assessment: Assessment;
}

/** A check of RULES.md: a stable id, a severity, the part of the form, and what it finds. */
export interface Rule {
  id: string;
  title: string;
  severity: Severity;
  part: Part;
  check(ctx: RuleContext): Finding[];
}

export interface FindingDetail {
  cells: CellRef[];
  message: string;
  expected?: string | null;
  actual?: string | null;
  fix?: { cell: CellRef; value: string } | null;
}

/** Builds the rule's findings with its id, severity and part filled in. */
export function defineRule(meta: Omit<Rule, 'check'>, find: (ctx: RuleContext) => FindingDetail[]): Rule {
  return {
    ...meta,
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
