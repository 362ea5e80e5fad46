import type { CheckResult, Finding } from '../findings/types';
import { verdictOf } from '../findings/verdict';
import type { Explanation, FindingKey, StoredExplanation } from './types';

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether a stored explanation is about this finding (its values aside). */
export function sameFinding(a: FindingKey, b: FindingKey): boolean {
  return a.rule === b.rule && a.sheet === b.sheet && same(a.labels, b.labels);
}

/**
 * The explanation a finding shows: the one whose values are still the finding's, else the newest
 * about it, outdated. Errors get none (RULES §7.1: arithmetic that does not hold is corrected).
 */
export function explanationFor(f: Finding, stored: StoredExplanation[]): Explanation | null {
  if (f.severity === 'error' || !f.key) return null;
  const key = f.key;
  const about = stored.filter((s) => sameFinding(s, key));
  if (about.length === 0) return null;
  const current = about.filter((s) => same(s.values, key.values));
  const pick = (list: StoredExplanation[]) => list.reduce((a, b) => (b.at > a.at ? b : a), list[0]);
  const s = current.length ? pick(current) : pick(about);
  return { text: s.text, by: s.by, at: s.at, outdated: current.length === 0 };
}

/** A warning is answered when its explanation is current. */
export const answered = (f: Finding): boolean => Boolean(f.explanation && !f.explanation.outdated);

/**
 * The results with each finding's explanation and the verdict counting only the warnings no
 * current explanation answers (RULES §7.2).
 */
export function explainResults(results: CheckResult[], stored: StoredExplanation[]): CheckResult[] {
  // Nothing stored: the check's verdict already counts every warning (most files of a batch).
  if (stored.length === 0) return results;
  return results.map((r) => {
    if (r.status !== 'checked') return r;
    const findings = r.findings.map((f) => {
      const explanation = explanationFor(f, stored);
      if (explanation) return { ...f, explanation };
      if (!f.explanation) return f;
      const rest = { ...f };
      delete rest.explanation;
      return rest;
    });
    const unexplained = findings.filter((f) => f.severity === 'warning' && !answered(f)).length;
    return {
      ...r,
      findings,
      summary: {
        ...r.summary,
        verdict: verdictOf(r.summary.errors, unexplained, r.summary.coverage),
      },
    };
  });
}

/**
 * The stored list with `entry` in it, replacing what explained the same finding before (one
 * explanation per finding; an outdated one is answered anew).
 */
export function withExplanation(
  stored: StoredExplanation[],
  entry: StoredExplanation,
): StoredExplanation[] {
  return [...stored.filter((s) => !sameFinding(s, entry)), entry];
}
