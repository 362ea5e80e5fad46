/**
 * docs/rules.md#r-6: the 自评报告 against its form. The report.* rules (rules/report/*.ts) are
 * run over every paragraph; every finding is a warning (the narrative may use another scope or
 * date), names the sentence (paragraph number and a short quote), the form cell and both values.
 */
import type { FormModel } from '../model/form';
import { NATIONAL_PROFILE, type Profile } from '../profile/profile';
import { NARRATIVE_RULES } from '../rules';
import {
  narrativeFinding,
  type NarrativeContext,
  type NarrativeRule,
  type ReportFinding,
} from './context';
import { formFacts } from './formFacts';
import { mentions } from './mentions';
import { fold, type ReportParagraph } from './sentences';

/**
 * The rules in runs: consecutive 'mention' rules share one walk over the mentions, so their
 * findings come in the order of the numbers they are about; a 'paragraph' rule is a run alone.
 */
function runsOf(rules: NarrativeRule[]): NarrativeRule[][] {
  const runs: NarrativeRule[][] = [];
  for (const rule of rules) {
    const last = runs[runs.length - 1];
    if (rule.scope === 'mention' && last?.[0].scope === 'mention') last.push(rule);
    else runs.push([rule]);
  }
  return runs;
}

const RUNS = runsOf(NARRATIVE_RULES);

/** One run's findings in one paragraph. */
function runOver(run: NarrativeRule[], ctx: NarrativeContext): ReportFinding[] {
  const out: ReportFinding[] = [];
  const found = (rule: NarrativeRule, d: ReturnType<NarrativeRule['check']>) => {
    for (const one of Array.isArray(d) ? d : d ? [d] : [])
      out.push(narrativeFinding(rule.meta, ctx.paragraph, one));
  };
  if (run[0].scope === 'paragraph') {
    for (const rule of run) if (rule.scope === 'paragraph') found(rule, rule.check(ctx));
    return out;
  }
  for (const m of ctx.mentions)
    for (const rule of run) if (rule.scope === 'mention') found(rule, rule.check(m, ctx));
  return out;
}

/**
 * The report's paragraphs against one located form (docs/rules.md#r-6): the findings of
 * NARRATIVE_RULES, all warnings, in paragraph order and by sentence within a paragraph. Cells are
 * on the form's sheet.
 */
export function crossCheckReport(
  form: FormModel,
  paragraphs: ReportParagraph[],
  profile: Profile = NATIONAL_PROFILE,
): ReportFinding[] {
  const facts = formFacts(form);
  const folded = paragraphs.map(fold);
  return folded.flatMap((paragraph) => {
    const ctx = { paragraph, mentions: mentions(paragraph), paragraphs: folded, facts, profile };
    return RUNS.flatMap((run) => runOver(run, ctx)).sort((a, b) => a.span.start - b.span.start);
  });
}
