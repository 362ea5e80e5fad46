import type { Coverage, Verdict } from './types';

/**
 * The verdict of one checked form (RULES §7.2). `unexplainedWarnings` is the number of warnings
 * no 审核说明 answers; a form of which a part could not be read gets none (a verdict on half a
 * form would send it on unread).
 */
export function verdictOf(
  errors: number,
  unexplainedWarnings: number,
  coverage: Coverage,
): Verdict | null {
  if (coverage.missing.length > 0) return null;
  if (errors > 0) return '需修改';
  if (unexplainedWarnings > 0) return '需说明';
  return '可报送';
}

const ORDER: Verdict[] = ['需修改', '需说明', '可报送'];

/** Several forms on one sheet: the worst of their verdicts; none when any form has none. */
export function worstVerdict(verdicts: (Verdict | null)[]): Verdict | null {
  if (verdicts.length === 0 || verdicts.some((v) => v === null)) return null;
  return ORDER.find((v) => verdicts.includes(v)) ?? null;
}
