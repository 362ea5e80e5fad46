import { SheetView } from '../grid/sheet';
import type { GridSnapshot } from '../grid/types';
import type { FormModel } from '../model/form';
import { labelText } from '../values/text';
import { findFundsHeader, readFundsBlock } from './funds';
import { findIndicatorHeader, readIndicatorBlock } from './indicators';

export type Located =
  | { found: true; form: FormModel; sheetIndex: number }
  | { found: false; message: string };

/** Looks for the form on one sheet; null when neither block is there. */
export function locateOnSheet(snapshot: GridSnapshot): FormModel | null {
  const sheet = new SheetView(snapshot);
  if (sheet.rowCount <= 0) return null;
  const indicatorHeader = findIndicatorHeader(sheet, sheet.top, sheet.bottom);
  const fundsHeader = findFundsHeader(sheet, sheet.top, indicatorHeader ?? sheet.bottom);
  if (indicatorHeader === null && fundsHeader === null) return null;
  const funds = fundsHeader === null ? null : readFundsBlock(sheet, fundsHeader, indicatorHeader === null ? sheet.bottom : indicatorHeader - 1);
  const ind = indicatorHeader === null ? null : readIndicatorBlock(sheet, indicatorHeader);
  return {
    kind: isProjectForm(sheet, funds?.rows.map((r) => r.label) ?? []) ? 'project' : 'department',
    sheet,
    funds,
    indicators: ind?.block ?? null,
    total: ind?.total ?? null,
  };
}

/** 项目支出绩效自评表: its title says so, or its money rows are 年度资金总额 rather than 资金来源/结构. */
function isProjectForm(sheet: SheetView, fundsLabels: string[]): boolean {
  for (let r = sheet.top; r <= Math.min(sheet.bottom, sheet.top + 5); r++) {
    for (let c = sheet.left; c <= sheet.right; c++) {
      const t = labelText(sheet.ownValue(r, c));
      if (/项目支出绩效自评表|项目绩效自评表/.test(t)) return true;
      if (/部门整体支出/.test(t)) return false;
    }
  }
  return fundsLabels.some((l) => /资金总额/.test(l));
}

function completeness(form: FormModel): number {
  return (form.funds ? 1 : 0) + (form.indicators ? 2 : 0) + (form.total ? 1 : 0) + (form.indicators?.rows.length ?? 0) / 10000;
}

/**
 * Finds the form on whichever sheet holds it (the most complete one wins; the first on a tie).
 * A workbook without one gets a sentence saying what was looked for.
 */
export function locateForm(snapshots: GridSnapshot[]): Located {
  let best: { form: FormModel; sheetIndex: number; score: number } | null = null;
  snapshots.forEach((snapshot, sheetIndex) => {
    const form = locateOnSheet(snapshot);
    if (!form) return;
    const score = completeness(form);
    if (!best || score > best.score) best = { form, sheetIndex, score };
  });
  if (best) {
    const { form, sheetIndex } = best;
    return { found: true, form, sheetIndex };
  }
  const names = snapshots.map((s) => `“${s.sheetName}”`).join('、') || '（无工作表）';
  return {
    found: false,
    message: `未找到绩效自评表：在工作表 ${names} 中既没有“全年预算数／全年执行数”资金表头，也没有“一级指标／三级指标／分值／得分”指标表头。`,
  };
}
