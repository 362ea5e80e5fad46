/**
 * What a report.* rule (rules/report/*.ts) reads and returns: the context of one paragraph of the
 * 自评报告 against the form's facts, and a finding as the rule states it (the mention it is
 * about, the form cells, the message template and its values). crossCheck.ts runs the rules.
 */
import type { Finding } from '../findings/types';
import { toA1 } from '../grid/address';
import type { CellRef } from '../grid/types';
import type { Profile } from '../profile/profile';
import { fill, type RuleMeta } from '../rules/rule';
import type { Dec } from '../values/decimal';
import type { FormFacts } from './formFacts';
import type { Mention } from './mentions';
import { original, quote, sentenceAt, type Folded, type Span } from './sentences';

export interface NarrativeContext {
  /** The paragraph checked. */
  paragraph: Folded;
  /** The numbers it states, in order. */
  mentions: Mention[];
  /** Every paragraph of the report (a rule over one section finds it among them). */
  paragraphs: Folded[];
  /** What the form says that the report may repeat. */
  facts: FormFacts;
  profile: Profile;
}

/** What a report.* rule finds; narrativeFinding makes the Finding of it. */
export interface NarrativeDetail {
  /** The mention the finding is about: its sentence is quoted and its paragraph named. */
  at: Span;
  cells: CellRef[];
  /** A key of the rule's meta.messages, filled with `values` and `where` (the quote). */
  template: string;
  values: Record<string, string>;
  expected: string | null;
  actual: string | null;
}

/**
 * A report.* rule, one file as the form's rules are. A 'mention' rule is asked about each number
 * of the paragraph in turn; a 'paragraph' rule about the paragraph at once (a list, a section).
 */
export type NarrativeRule =
  | {
      meta: RuleMeta;
      scope: 'mention';
      check(m: Mention, ctx: NarrativeContext): NarrativeDetail | null;
    }
  | { meta: RuleMeta; scope: 'paragraph'; check(ctx: NarrativeContext): NarrativeDetail[] };

/** A report.* finding: a Finding, plus where in the narrative it is. */
export interface ReportFinding extends Finding {
  /** The paragraph (numbered as readDocx numbers them) and the sentence's span in its text. */
  paragraph: number;
  span: Span;
  quote: string;
}

/** The finding of `meta`'s rule for a detail found in paragraph `f`. */
export function narrativeFinding(meta: RuleMeta, f: Folded, d: NarrativeDetail): ReportFinding {
  const s = sentenceAt(f, d.at.start);
  const q = quote(f, s, d.at.end);
  const where = `自评报告第 ${f.paragraph.index} 段“${q}”`;
  return {
    rule: meta.id,
    severity: meta.severity,
    part: meta.part,
    cells: d.cells.map(toA1),
    message: fill(meta.messages[d.template], { where, ...d.values }),
    expected: d.expected,
    actual: d.actual,
    fix: null,
    paragraph: f.paragraph.index,
    span: original(f, s),
    quote: q,
  };
}

/** A number as the messages write it. */
export const fmt = (d: Dec): string => d.toFixed();
