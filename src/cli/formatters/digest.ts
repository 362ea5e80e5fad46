import type { Severity, Verdict } from '../../engine/findings/types';
import type { FileResult, FileStatus } from '../result';

/** One finding as the 问题清单 and the HTML report list it. */
export interface DigestFinding {
  cell: string;
  severity: Severity;
  rule: string;
  /** The rule's title from the catalogue ("资金合计不符"). */
  title: string;
  message: string;
  expected: string | null;
  actual: string | null;
  /** "D10 填 299.59", or null. */
  fix: string | null;
  /** The 审核说明 (RULES §7.1), "（已过期）" marked, or null. */
  explanation: string | null;
}

/**
 * A form's result as the 汇总 workbook and the HTML report need it, made in the worker (where the
 * rule catalogue is loaded) and kept on disk by the main thread until the run ends.
 */
export interface Digest {
  file: string;
  sheet: string | null;
  form: string | null;
  status: FileStatus;
  message: string | null;
  kind: string | null;
  name: string | null;
  year: string | null;
  budget: string | null;
  executed: string | null;
  rate: string | null;
  stated: string | null;
  recomputed: string | null;
  fullMarks: string | null;
  grade: string | null;
  verdict: Verdict | null;
  errors: number;
  warnings: number;
  infos: number;
  findings: DigestFinding[];
  /** The annotated copy's path (--out), set by the main thread, which knows it. */
  copy?: string | null;
}

/** A rule's title: the catalogue is loaded only when a form has findings (the worker has it). */
function titleOf(rule: string): string {
  const { ruleMeta } = require('../../engine/rules') as typeof import('../../engine/rules');
  return ruleMeta(rule)?.title ?? rule;
}

export function digestOf(r: FileResult): Digest {
  const h = r.headline;
  const checked = r.status === 'checked';
  return {
    file: r.file,
    sheet: r.sheet,
    form: r.form,
    status: r.status,
    message: r.message,
    kind: h?.kind ?? null,
    name: h?.name ?? null,
    year: h?.year ?? null,
    budget: h?.budget ?? null,
    executed: h?.executed ?? null,
    rate: h?.rate ?? null,
    stated: r.summary.statedTotal,
    recomputed: r.summary.recomputedTotal,
    fullMarks: r.summary.fullMarks,
    grade: r.summary.grade,
    verdict: r.summary.verdict,
    errors: checked ? r.summary.errors : 0,
    warnings: checked ? r.summary.warnings : 0,
    infos: checked ? r.summary.infos : 0,
    findings: r.findings.map((f) => ({
      cell: f.cells[0] ?? '',
      severity: f.severity,
      rule: f.rule,
      title: titleOf(f.rule),
      message: f.message,
      expected: f.expected,
      actual: f.actual,
      fix: f.fix ? `${f.fix.cell} 填 ${f.fix.value}` : null,
      explanation: f.explanation
        ? `${f.explanation.outdated ? '（已过期）' : ''}${f.explanation.text}`
        : null,
    })),
  };
}

/** The piece of the formats built from digests (one function: a form's digest is made once). */
export const digestPiece = (r: FileResult): string => JSON.stringify(digestOf(r));

export interface RuleCount {
  rule: string;
  title: string;
  severity: Severity;
  /** Forms with at least one finding of the rule. */
  forms: number;
  findings: number;
}

/** Per rule, how many forms and findings: most findings first, then by id. */
export function ruleCounts(digests: Iterable<Digest>): RuleCount[] {
  const by = new Map<string, RuleCount>();
  for (const d of digests) {
    const seen = new Set<string>();
    for (const f of d.findings) {
      let c = by.get(f.rule);
      if (!c)
        by.set(
          f.rule,
          (c = { rule: f.rule, title: f.title, severity: f.severity, forms: 0, findings: 0 }),
        );
      c.findings++;
      if (!seen.has(f.rule)) {
        seen.add(f.rule);
        c.forms++;
      }
    }
  }
  return [...by.values()].sort(
    (a, b) => b.findings - a.findings || b.forms - a.forms || (a.rule < b.rule ? -1 : 1),
  );
}

/** The digests a spool holds, read back in input order. */
export async function readDigests(lines: AsyncIterable<string>): Promise<Digest[]> {
  const out: Digest[] = [];
  for await (const l of lines) out.push(JSON.parse(l) as Digest);
  return out;
}

/** Where the form is in its file, as the reports show it: "Sheet1", "Sheet1 A1:J40". */
export const placeOf = (d: Digest): string =>
  d.sheet ? `${d.sheet}${d.form ? ` ${d.form}` : ''}` : '';

export const STATUS_TEXT: Record<FileStatus, string> = {
  checked: '已校验',
  'not-a-form': '未找到自评表',
  unreadable: '无法读取',
};
