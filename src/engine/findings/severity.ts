import type { Finding, Severity } from './types';

/**
 * The one vocabulary of severities, for every surface: the Chinese name, the rank findings are
 * listed in, and the mark colour (Excel's own "bad" red and "neutral" yellow; notes are not
 * coloured). The CLI, the annotated copies and the add-in all read it from here.
 */
export const SEVERITY: Record<Severity, { name: string; rank: number; fill: string | null }> = {
  error: { name: '错误', rank: 0, fill: 'FFC7CE' },
  warning: { name: '警告', rank: 1, fill: 'FFEB9C' },
  info: { name: '提示', rank: 2, fill: null },
};

/** The worst severity among findings (error before warning before info). */
export function worstOf(findings: Finding[]): Severity {
  return findings.reduce<Severity>(
    (w, f) => (SEVERITY[f.severity].rank < SEVERITY[w].rank ? f.severity : w),
    'info',
  );
}
