import { assess, type Assessment } from './assess/assessment';
import { headlineOf } from './narrative/headline';
import { EMPTY_SUMMARY } from './findings/emptySummary';
import { compareFindings } from './findings/order';
import type { CheckResult, Coverage, Finding, Severity, Summary } from './findings/types';
import { toA1 } from './grid/address';
import type { GridSnapshot } from './grid/types';
import { verdictOf, worstVerdict } from './findings/verdict';
import { findingKey } from './explain/key';
import { type FixPlan, planFixes, withPlan } from './fixes/plan';
import { rechecker } from './fixes/recheck';
import { locateForms, locateOnSheet } from './locate/locateForm';
import type { FormModel } from './model/form';
import { NATIONAL_PROFILE, type Profile } from './profile/profile';
import { describeReading } from './reading/describe';
import type { GivenLayout } from './reading/layout';
import { chooseReading } from './reading/choose';
import { chooseProfile, type ProfileRequest } from './profile/choose';
import { CATALOGUE, RULES } from './rules';
import { supersededBy, withoutSuperseded } from './rules/relations';
import { valueOf } from './values/amount';
import { Dec, plain } from './values/decimal';

export function gradeOf(total: Dec, profile: Profile): string {
  const band = profile.grades.find((g) => total.greaterThanOrEqualTo(g.min));
  return band ? band.name : profile.grades[profile.grades.length - 1].name;
}

/** What was read of the form: rows, recomputable rows, rows not placed, parts not found. */
export function coverageOf(form: FormModel, assessment: Assessment): Coverage {
  const missing: string[] = [];
  if (!form.funds) missing.push('资金');
  if (!form.indicators) missing.push('绩效指标');
  const read = assessment.indicators.filter((i) => i.kind !== 'na');
  return {
    fundRows: form.funds
      ? form.funds.rows.length +
        form.funds.textBreakdowns.reduce((n, b) => n + 1 + b.parts.length, 0)
      : 0,
    indicatorRows: read.length,
    recomputed: read.filter(
      (i) => (i.kind === 'quantitative' || i.kind === 'compound') && i.expected !== null,
    ).length,
    unverifiable: read.filter((i) => i.kind === 'unverifiable').length,
    unplaced: (form.funds?.unplaced ?? []).map((cell) => toA1(cell.ref)),
    missing,
  };
}

/** Which rules supersede which (RuleMeta.supersedes): their findings are said once. */
const SUPERSEDED_BY = supersededBy(CATALOGUE);

/** Runs every rule over one located form. */
export function checkForm(
  form: FormModel,
  profile: Profile = NATIONAL_PROFILE,
): { findings: Finding[]; summary: Summary } {
  const assessment = assess(form, profile);
  const found = RULES.flatMap((rule) => rule.check({ form, profile, assessment }));
  const findings = withoutSuperseded(found, SUPERSEDED_BY).sort(compareFindings);
  for (const f of findings) f.key = findingKey(form, f);
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const coverage = coverageOf(form, assessment);
  const complete = coverage.missing.length === 0;
  const stated = assessment.totalScore ? valueOf(assessment.totalScore) : null;
  // A form with no 得分 column anywhere (a transfer payment's 全年预算数 | 全年执行数 and 指标值 |
  // 全年实际完成值 only) has no total to state or recompute: not 0.
  const scores =
    form.indicators?.columns.score !== undefined || form.funds?.columns.score !== undefined;
  const recomputed = complete && scores ? assessment.recomputedTotal : null;
  return {
    findings,
    summary: {
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      statedTotal: stated
        ? plain(stated, 4)
        : !form.total && form.indicators && scores
          ? plain(assessment.statedScoreSum)
          : null,
      recomputedTotal: recomputed ? plain(recomputed) : null,
      fullMarks: complete && assessment.weightKnown ? plain(assessment.weightSum) : null,
      // A form with no 总分 row was cut short or ends out of view: a grade from part of it is wrong.
      grade: recomputed && form.total ? gradeOf(recomputed, profile) : null,
      verdict: verdictOf(count('error'), count('warning'), coverage),
      coverage,
    },
  };
}

function rangeA1(form: FormModel): string {
  const { top, left, bottom, right } = form.range;
  return `${toA1({ row: top, col: left })}:${toA1({ row: bottom, col: right })}`;
}

/** A finding as two readings can both say it: same rule, cells and message. */
const sameSaying = (f: Finding) => `${f.rule}|${f.cells.join(',')}|${f.message}`;

/**
 * Checks one form under the reading its own arithmetic supports (RULES §1.3, reading/choose.ts).
 * When another reading holds equally well, only the findings both readings give are kept (the
 * ambiguity itself is an info of form.ambiguous-reading).
 */
function checkChosen(
  located: FormModel,
  profile: Profile,
): { form: FormModel; findings: Finding[]; summary: Summary } {
  const chosen = located.corrected
    ? { form: located, rivals: [] as FormModel[] }
    : chooseReading(located, profile);
  const { findings, summary } = checkForm(chosen.form, profile);
  if (chosen.rivals.length === 0) return { form: chosen.form, findings, summary };
  const AMBIGUOUS = 'form.ambiguous-reading';
  const sayings = (list: Finding[]) =>
    new Set(list.filter((f) => f.rule !== AMBIGUOUS).map(sameSaying));
  const own = sayings(findings);
  const agreed = chosen.rivals.map((r) => sayings(checkForm(r, profile).findings));
  // Readings that tie but say the same are one reading as far as the officer can tell: no ambiguity.
  const same = agreed.every((keys) => keys.size === own.size && [...own].every((k) => keys.has(k)));
  const form = same
    ? { ...chosen.form, decisions: chosen.form.decisions?.map((d) => ({ ...d, tie: false })) }
    : chosen.form;
  const kept = findings.filter((f) =>
    f.rule === AMBIGUOUS ? !same : agreed.every((keys) => keys.has(sameSaying(f))),
  );
  const count = (sev: Severity) => kept.filter((f) => f.severity === sev).length;
  return {
    form,
    findings: kept,
    summary: {
      ...summary,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      verdict: verdictOf(count('error'), count('warning'), summary.coverage),
    },
  };
}

/** A checked form's result without the words made for people (message, reading, headline). */
function checkedResult(
  form: FormModel,
  findings: Finding[],
  summary: Summary,
  message: string,
): CheckResult {
  return {
    status: 'checked',
    sheet: form.sheet.name,
    form: form.shared ? rangeA1(form) : null,
    formKind: form.kind,
    message,
    findings,
    summary,
  };
}

/** The result for a form already located (the add-in locates once, then checks). */
export function checkLocated(located: FormModel, profile: Profile = NATIONAL_PROFILE): CheckResult {
  const { form, findings, summary } = checkChosen(located, profile);
  const where = form.indicators
    ? form.indicators.headerRow
    : form.funds
      ? form.funds.headerRow
      : form.sheet.top;
  const kind = form.kind === 'project' ? '项目支出' : '部门整体支出';
  const ambiguous = (form.decisions ?? []).some((d) => d.tie);
  const message = `在工作表“${form.sheet.name}”${form.shared ? ` ${rangeA1(form)} ` : ''}找到${kind}绩效自评表（表头在 ${toA1({ row: where, col: form.sheet.left })} 所在行）。`;
  return {
    ...checkedResult(form, findings, summary, message),
    reading: describeReading(form, ambiguous),
    headline: headlineOf(form),
  };
}

/**
 * checkLocated for the fix plan's re-checks of its copies: the findings and summary, which is all
 * the plan reads of them; the message, the reading's description and the headline are not made.
 */
function checkForPlan(located: FormModel, profile: Profile): CheckResult {
  const { form, findings, summary } = checkChosen(located, profile);
  return checkedResult(form, findings, summary, '');
}

function notAForm(message: string, sheet: string | null): CheckResult {
  return {
    status: 'not-a-form',
    sheet,
    form: null,
    formKind: null,
    message,
    findings: [],
    summary: EMPTY_SUMMARY,
  };
}

/** The engine's entry: every sheet of a workbook in, one result per form out (docs/rules.md §1.2). */
export function checkWorkbook(
  snapshots: GridSnapshot[],
  profile: Profile = NATIONAL_PROFILE,
  layout?: GivenLayout,
): CheckResult[] {
  return checkLocatedForms(snapshots, locateForms(snapshots, layout), profile, layout);
}

/**
 * checkWorkbook under the profile chosen for it (issue 22 item 5: the user's, the workbook's, the
 * forms' family's, or the national one): every result names it.
 */
export function checkWorkbookChoosing(
  snapshots: GridSnapshot[],
  request: ProfileRequest,
  adjust: (p: Profile) => Profile = (p) => p,
  layout?: GivenLayout,
): CheckResult[] {
  const located = locateForms(snapshots, layout);
  const { profile, used } = chooseProfile(
    located.found ? located.forms.map((f) => f.form) : [],
    request,
  );
  return checkLocatedForms(snapshots, located, adjust(profile), layout).map((r) => ({
    ...r,
    profile: used,
  }));
}

function checkLocatedForms(
  snapshots: GridSnapshot[],
  located: ReturnType<typeof locateForms>,
  profile: Profile,
  layout?: GivenLayout,
): CheckResult[] {
  if (!located.found) return [notAForm(located.message, located.sheet)];
  const results = located.forms.map(({ form }) => checkLocated(form, profile));
  // Fixes are planned a sheet at a time: the forms stacked on one sheet share its cells.
  const sheets = [...new Set(located.forms.map((f) => f.sheetIndex))];
  for (const sheetIndex of sheets) {
    const at = located.forms.flatMap((f, i) => (f.sheetIndex === sheetIndex ? [i] : []));
    const settled = settleFixes(
      snapshots[sheetIndex],
      at.map((i) => results[i]),
      profile,
      layout,
      at.map((i) => located.forms[i].form),
    );
    at.forEach((i, k) => (results[i] = settled[k]));
  }
  return results;
}

/** Locates and checks every form on one sheet: one result per form, top to bottom. */
export function checkSheet(
  snapshot: GridSnapshot,
  profile: Profile = NATIONAL_PROFILE,
  layout?: GivenLayout,
): CheckResult[] {
  return locateOnSheet(snapshot, layout).map((form) => checkLocated(form, profile));
}

/**
 * The consistent fix plan (docs/rules.md#r-4a) of one sheet, given its check (fixes/plan.ts).
 * `forms` are the forms `results` were checked from, when the caller has them: the re-checks of
 * copies that leave every label as it was then locate nothing (fixes/recheck.ts).
 */
export function fixPlanOf(
  snapshot: GridSnapshot,
  results: CheckResult[],
  profile: Profile = NATIONAL_PROFILE,
  layout?: GivenLayout,
  forms?: FormModel[],
): FixPlan {
  const recheck = rechecker(
    (s) => locateOnSheet(s, layout),
    (form) => checkForPlan(form, profile),
    forms && forms.length === results.length ? { snapshot, forms, results } : undefined,
  );
  return planFixes(snapshot, results, recheck);
}

/**
 * One sheet's results with their fixes replaced by the sheet's fix plan (docs/rules.md#r-4a):
 * `results` are the checks of every form on `snapshot` (checkLocated of each, top to bottom), as the add-in
 * makes them before combineResults. The re-checks (and their cost) happen only when a fix is
 * offered. checkWorkbook calls it for every sheet.
 */
export function settleFixes(
  snapshot: GridSnapshot,
  results: CheckResult[],
  profile: Profile = NATIONAL_PROFILE,
  layout?: GivenLayout,
  forms?: FormModel[],
): CheckResult[] {
  if (!results.some((r) => r.findings.some((f) => f.fix))) return results;
  return withPlan(results, fixPlanOf(snapshot, results, profile, layout, forms));
}

/** One result for the workbook: its most complete form (tests and single-form callers). */
export function checkSheets(
  snapshots: GridSnapshot[],
  profile: Profile = NATIONAL_PROFILE,
  layout?: GivenLayout,
): CheckResult {
  const results = checkWorkbook(snapshots, profile, layout);
  const score = (r: CheckResult) =>
    r.status !== 'checked'
      ? -1
      : 3 - r.summary.coverage.missing.length + r.summary.coverage.indicatorRows / 1e5;
  return results.reduce((best, r) => (score(r) > score(best) ? r : best), results[0]);
}

/**
 * The forms of one sheet as one result (the add-in marks a sheet at a time): findings of every
 * form, counts and coverage added up; totals and grade only when there is a single form.
 */
export function combineResults(results: CheckResult[]): CheckResult {
  if (results.length === 1) return results[0];
  const first = results[0];
  const add = (k: 'errors' | 'warnings' | 'infos') => results.reduce((n, r) => n + r.summary[k], 0);
  const cov = results.map((r) => r.summary.coverage);
  return {
    ...first,
    form: null,
    message: `在工作表“${first.sheet}”找到 ${results.length} 张自评表：${results.map((r) => r.form).join('、')}。`,
    findings: results.flatMap((r) => r.findings),
    summary: {
      errors: add('errors'),
      warnings: add('warnings'),
      infos: add('infos'),
      statedTotal: null,
      recomputedTotal: null,
      fullMarks: null,
      grade: null,
      verdict: worstVerdict(results.map((r) => r.summary.verdict)),
      coverage: {
        fundRows: cov.reduce((n, c) => n + c.fundRows, 0),
        indicatorRows: cov.reduce((n, c) => n + c.indicatorRows, 0),
        recomputed: cov.reduce((n, c) => n + c.recomputed, 0),
        unverifiable: cov.reduce((n, c) => n + c.unverifiable, 0),
        unplaced: cov.flatMap((c) => c.unplaced),
        missing: [...new Set(cov.flatMap((c) => c.missing))],
      },
    },
  };
}
