import { assess } from './assess/assessment';
import type { CheckResult, Finding, Severity, Summary } from './findings/types';
import { parseA1, toA1 } from './grid/address';
import type { GridSnapshot } from './grid/types';
import { locateForm } from './locate/locateForm';
import type { FormModel } from './model/form';
import { NATIONAL_PROFILE, type Profile } from './profile/profile';
import { RULES } from './rules';
import { amountValue } from './values/amount';
import { Dec, plain } from './values/decimal';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function position(f: Finding): number {
  const ref = f.cells.length ? parseA1(f.cells[0]) : null;
  return ref ? ref.row * 16384 + ref.col : 0;
}

export function gradeOf(total: Dec, profile: Profile): string {
  const band = profile.grades.find((g) => total.greaterThanOrEqualTo(g.min));
  return band ? band.name : profile.grades[profile.grades.length - 1].name;
}

/** Runs every rule over one located form. */
export function checkForm(form: FormModel, profile: Profile = NATIONAL_PROFILE): { findings: Finding[]; summary: Summary } {
  const assessment = assess(form, profile);
  const findings = RULES.flatMap((rule) => rule.check({ form, profile, assessment }))
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || position(a) - position(b));
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const scored = form.indicators !== null || assessment.execution !== null;
  const statedCell = form.total ? form.sheet.cell(form.total.scoreCell.row, form.total.scoreCell.col).raw : null;
  const stated = amountValue(statedCell);
  const recomputed = scored ? assessment.recomputedTotal : null;
  return {
    findings,
    summary: {
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      statedTotal: stated ? plain(stated, 4) : scored && !form.total ? plain(assessment.statedScoreSum) : null,
      recomputedTotal: recomputed ? plain(recomputed) : null,
      grade: recomputed ? gradeOf(recomputed, profile) : null,
    },
  };
}

/** The engine's entry: every sheet of a workbook in, the form's findings out. */
export function checkSheets(snapshots: GridSnapshot[], profile: Profile = NATIONAL_PROFILE): CheckResult {
  const located = locateForm(snapshots);
  if (!located.found) {
    return {
      status: 'not-a-form',
      sheet: null,
      formKind: null,
      message: located.message,
      findings: [],
      summary: { errors: 0, warnings: 0, infos: 0, statedTotal: null, recomputedTotal: null, grade: null },
    };
  }
  return checkLocated(located.form, profile);
}

/** The result for a form already located (the add-in locates once, then checks). */
export function checkLocated(form: FormModel, profile: Profile = NATIONAL_PROFILE): CheckResult {
  const { findings, summary } = checkForm(form, profile);
  const where = form.indicators ? form.indicators.headerRow : form.funds ? form.funds.headerRow : form.sheet.top;
  return {
    status: 'checked',
    sheet: form.sheet.name,
    formKind: form.kind,
    message: `在工作表“${form.sheet.name}”找到${form.kind === 'project' ? '项目支出' : '部门整体支出'}绩效自评表（表头在 ${toA1({ row: where, col: form.sheet.left })} 所在行）。`,
    findings,
    summary,
  };
}
