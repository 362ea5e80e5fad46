/**
 * What a bureau's 汇总 lists of a form before its findings (issue 23): the kind, the unit or
 * project name and the year as the form states them, and the 全年预算数 / 全年执行数 / 执行率 of
 * its total line. Read-only over the located FormModel; amounts as the form writes them.
 */
import type { FormModel } from '../model/form';
import { displayText } from '../values/text';
import { HUNDRED } from '../values/decimal';
import { formUnit, fundsLines } from './formFacts';

export interface Headline {
  /** 部门整体 or 项目支出. */
  kind: '部门整体' | '项目支出';
  /** The unit's (部门整体) or the project's (项目支出) name beside its label, else from the title. */
  name: string | null;
  /** The year the form states (its title or a 年度 cell), four digits. */
  year: string | null;
  /** The total line's 全年预算数 and 全年执行数, in the form's unit, as decimals. */
  budget: string | null;
  executed: string | null;
  /** 全年执行数 / 全年预算数 × 100, two places ("98.52"); null without both or a zero budget. */
  rate: string | null;
  /** 万元 unless the captions say 元. */
  unit: '万元' | '元';
}

const NAME_LABEL =
  /^(?:项目名称|(?:预算)?(?:部门|单位)(?:[（(]单位[)）])?(?:名称)|主管部门(?:名称)?)[:：]?$/;
const YEAR = /((?:19|20)\d\d)\s*年/;

/** The first text cell right of a label cell (through merges), or null. */
function beside(form: FormModel, row: number, col: number): string | null {
  const { sheet } = form;
  const own = sheet.cell(row, col).ref;
  for (let c = col + 1; c <= form.range.right; c++) {
    const v = sheet.cell(row, c);
    if (v.ref.col === own.col) continue;
    const t = displayText(v.raw);
    if (t) return t;
  }
  return null;
}

export function headlineOf(form: FormModel): Headline {
  const { sheet, range } = form;
  let name: string | null = null;
  let year: string | null = null;
  let title: string | null = null;
  // The name and the year sit above the money block: the title and the first rows.
  const last = Math.min(range.bottom, (form.funds?.headerRow ?? range.top + 8) + 1);
  for (let r = range.top; r <= last && (name === null || year === null); r++) {
    for (let c = range.left; c <= range.right; c++) {
      const at = sheet.cell(r, c);
      if (at.ref.row !== r || at.ref.col !== c) continue;
      const label = sheet.label(r, c);
      if (!label) continue;
      if (name === null && NAME_LABEL.test(label)) name = beside(form, r, c);
      if (year === null) {
        const y = YEAR.exec(displayText(at.raw));
        if (y) year = y[1];
        else if (/^(?:年度|评价年度|自评年度)[:：]?$/.test(label)) {
          const v = /(?:19|20)\d\d/.exec(beside(form, r, c) ?? '');
          if (v) year = v[0];
        }
      }
      if (title === null && /绩效自评/.test(label)) title = displayText(at.raw);
    }
  }
  // "长沙市岳麓区财政局2022年度部门整体支出绩效自评表": the name is what precedes the year.
  if (name === null && title) {
    const before = title.split(/(?:19|20)\d\d\s*年/)[0].replace(/[（(]?$/, '');
    if (before && before !== title && !/绩效/.test(before)) name = before;
  }
  // Only the money lines: formFacts' staff and duties scans of the whole sheet are not needed here.
  const total = fundsLines(form).total;
  const budget = total?.budget ?? null;
  const executed = total?.exec ?? null;
  return {
    kind: form.kind === 'project' ? '项目支出' : '部门整体',
    name,
    year,
    budget: budget ? budget.toString() : null,
    executed: executed ? executed.toString() : null,
    rate:
      budget && executed && !budget.isZero()
        ? executed.div(budget).times(HUNDRED).toDecimalPlaces(2).toFixed(2)
        : null,
    unit: formUnit(form),
  };
}
