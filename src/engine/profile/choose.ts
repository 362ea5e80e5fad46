import type { ProfileUsed } from '../findings/types';
import type { FormModel } from '../model/form';
import { PROFILES, profileById } from './catalogue';
import { NATIONAL_PROFILE, type Profile } from './profile';

/** What the user asked for (pane, `--profile`) and what the workbook stores, either may be absent. */
export interface ProfileRequest {
  asked?: string | null;
  stored?: string | null;
}

const FAMILY_NAME: Record<string, string> = {
  'hubei-2020': '湖北 2020 项目（支出）绩效自评表（得分(20分*执行率)，没有分值列）',
  'sichuan-0013zp': '四川 0013zp 部门预算项目支出绩效自评表',
  'chongqing-department': '重庆部门整体绩效自评表（得分系数列）',
};

/** Labels of a few rows of the form, bounded: family marks sit in its headers and title rows. */
function labelsIn(form: FormModel, fromRow: number, toRow: number): string[] {
  const out: string[] = [];
  const last = Math.min(toRow, fromRow + 15, form.range.bottom);
  for (let r = Math.max(fromRow, form.range.top); r <= last; r++)
    for (let c = form.range.left; c <= Math.min(form.range.right, form.range.left + 15); c++) {
      const l = form.sheet.label(r, c);
      if (l) out.push(l);
    }
  return out;
}

/**
 * The template family a form shows, among those only one profile knows (docs/rules.md §1.1);
 * null for every other form (the MOF form and its variants are the national profile's).
 */
export function familyOf(form: FormModel): string | null {
  const { funds, indicators } = form;
  if (funds && funds.columns.score !== undefined && funds.columns.weight === undefined) {
    const score = form.sheet.label(funds.headerRow, funds.columns.score);
    if (/\d+分[*×xX]执行率/.test(score) && (!indicators || indicators.columns.weight === undefined))
      return 'hubei-2020';
  }
  if (indicators && indicators.columns.coefficient !== undefined) return 'chongqing-department';
  const head = funds ? funds.headerRow : indicators ? indicators.headerRow : form.range.top;
  const marks = labelsIn(form, form.range.top, head);
  if (indicators) marks.push(...labelsIn(form, indicators.headerRow, indicators.headerRow));
  if (marks.some((l) => /0013zp|^绩效指标\(90分\)$/.test(l))) return 'sichuan-0013zp';
  return null;
}

/**
 * Which profile a workbook is checked under, and why (issue 22 item 5): the user's choice, else
 * the one the workbook stores, else the one profile that knows the forms' family, else national.
 */
export function chooseProfile(
  forms: FormModel[],
  request: ProfileRequest = {},
  profiles: readonly Profile[] = PROFILES,
): { profile: Profile; used: ProfileUsed } {
  const used = (profile: Profile, why: string) => ({
    profile,
    used: { id: profile.id, name: profile.name, why },
  });
  const byId = (id: string) => profiles.find((p) => p.id === id) ?? profileById(id);
  const asked = request.asked ? byId(request.asked) : null;
  if (asked) return used(asked, '由使用者选定');
  const stored = request.stored ? byId(request.stored) : null;
  if (stored) return used(stored, '工作簿中保存的选择');
  const families = [...new Set(forms.map(familyOf))];
  if (families.length === 1 && families[0] !== null) {
    const family = families[0];
    const knowing = profiles.filter((p) => p.families.includes(family));
    if (knowing.length === 1)
      return used(
        knowing[0],
        `表式为${FAMILY_NAME[family] ?? family}，只有这一 profile 认得这种表式`,
      );
  }
  const unknown =
    request.stored && !stored ? `（工作簿保存的“${request.stored}”不是已知的 profile）` : '';
  return used(NATIONAL_PROFILE, `默认${unknown}`);
}
