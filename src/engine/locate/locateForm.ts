import { SheetView } from '../grid/sheet';
import type { GridSnapshot } from '../grid/types';
import type { FormModel, FundsBlock, TotalRow } from '../model/form';
import { parseAmount } from '../values/amount';
import { labelText } from '../values/text';
import { readFundsBlock } from './funds';
import { type Block, headerReader } from './headerCache';
import { readIndicatorBlock } from './indicators';
import { isHeaderTotalLabel, notAFormTitle } from './labels';
import { type GivenLayout, layoutFor } from '../reading/layout';
import { corrected, withLayout } from './layout';
import { totalRow } from './rowCells';

export interface LocatedForm {
  form: FormModel;
  sheetIndex: number;
}

export type Located =
  { found: true; forms: LocatedForm[] } | { found: false; message: string; sheet: string | null };

/** The next block header at or below `from`, or null. */
function nextHeader(at: (r: number) => Block | null, from: number, to: number): Block | null {
  for (let r = from; r <= to; r++) {
    const b = at(r);
    if (b) return b;
  }
  return null;
}

function blockTop(b: Block): number {
  return b.header.firstRow;
}

/** 项目支出绩效自评表: its title says so, or its money rows are 年度资金总额 rather than 资金来源/结构. */
function isProjectForm(sheet: SheetView, top: number, funds: FundsBlock | null): boolean {
  for (let r = top; r <= Math.min(sheet.bottom, top + 5); r++) {
    for (let c = sheet.left; c <= sheet.right; c++) {
      const t = sheet.label(r, c);
      if (/项目支出绩效自评表|项目绩效自评表|项目自评表|项目支出绩效/.test(t)) return true;
      if (/部门整体/.test(t)) return false;
    }
  }
  return (funds?.rows ?? []).some((r) => /资金总额|^总额/.test(r.label));
}

/** 自评总分 stated in the header block (Chongqing): the number beside the label. */
function headerTotal(sheet: SheetView, top: number, bottom: number): TotalRow | null {
  for (let r = top; r <= bottom; r++) {
    for (let c = sheet.left; c <= sheet.right; c++) {
      if (!isHeaderTotalLabel(sheet.label(r, c))) continue;
      const label = sheet.cell(r, c).ref;
      for (let cc = c + 1; cc <= sheet.right; cc++) {
        const cell = sheet.cell(r, cc);
        if (cell.ref.col !== cc || cell.ref.row !== r) continue;
        if (parseAmount(cell.raw).kind === 'value')
          return totalRow(sheet, r, label, null, cell.ref);
      }
    }
  }
  return null;
}

/** The name of the table this sheet holds when it is a known kind that is not a self-evaluation form. */
export function notAFormName(snapshot: GridSnapshot): string | null {
  const sheet = new SheetView(snapshot);
  for (let r = sheet.top; r <= Math.min(sheet.bottom, sheet.top + 4); r++) {
    for (let c = sheet.left; c <= sheet.right; c++) {
      const t = labelText(sheet.ownValue(r, c));
      const name = t === '' ? null : notAFormTitle(t);
      if (name) return name;
    }
  }
  return notAFormTitle(labelText(snapshot.sheetName));
}

/**
 * Every form on one sheet, top to bottom (docs/rules.md §1.2): a 资金 block starts a form, an
 * indicator block joins the form above it unless that form already has one.
 */
export function locateOnSheet(snapshot: GridSnapshot, given?: GivenLayout): FormModel[] {
  const sheet = new SheetView(snapshot);
  const layout = layoutFor(given, snapshot.sheetName);
  if (sheet.rowCount <= 0 || notAFormName(snapshot)) return [];
  const forms: Omit<FormModel, 'shared'>[] = [];
  let regionTop = sheet.top;
  let current: Omit<FormModel, 'shared'> | null = null;
  const close = (end: number) => {
    if (!current) return;
    current.range = { ...current.range, bottom: end };
    forms.push(current);
    regionTop = end + 1;
    current = null;
  };
  const open = (top: number): Omit<FormModel, 'shared'> => ({
    kind: 'department',
    sheet,
    range: { top, left: sheet.left, bottom: sheet.bottom, right: sheet.right },
    funds: null,
    indicators: null,
    total: null,
  });
  const at = layout
    ? withLayout(sheet, headerReader(snapshot, sheet), layout)
    : headerReader(snapshot, sheet);
  let block = nextHeader(at, sheet.top, sheet.bottom);
  while (block) {
    let after: Block | null;
    if (block.kind === 'funds') {
      // A 资金 block is a few rows: it ends where the next header starts.
      after = nextHeader(at, block.header.row + 1, sheet.bottom);
      if (current && ((current as FormModel).funds || (current as FormModel).indicators))
        close(blockTop(block) - 1);
      current = current ?? open(regionTop);
      current.funds = readFundsBlock(
        sheet,
        block.header,
        after ? blockTop(after) - 1 : sheet.bottom,
      );
    } else {
      // An indicator block ends itself (total row, a new section, a second header); the search
      // for the next form starts below it, so its thousands of rows are scanned once.
      if (current && (current as FormModel).indicators) close(blockTop(block) - 1);
      current = current ?? open(regionTop);
      const read = readIndicatorBlock(sheet, block.header, sheet.bottom);
      current.indicators = read.block;
      current.total =
        read.total ?? headerTotal(sheet, current.range.top, block.header.firstRow - 1);
      close(read.end);
      after = nextHeader(at, read.end + 1, sheet.bottom);
    }
    block = after;
  }
  close(sheet.bottom);
  const done = forms.filter((f) => f.funds || f.indicators);
  if (done.length) done[done.length - 1].range.bottom = sheet.bottom;
  const located: FormModel[] = done.map((f) => ({
    ...f,
    kind: isProjectForm(sheet, f.range.top, f.funds) ? 'project' : 'department',
    shared: done.length > 1,
  }));
  return layout ? located.map((f) => corrected(f, layout)) : located;
}

/**
 * Finds every form on every sheet. A workbook without one gets a sentence saying what was
 * looked for, naming the table when it is a known kind that is not a self-evaluation form.
 */
export function locateForms(snapshots: GridSnapshot[], layout?: GivenLayout): Located {
  const forms: LocatedForm[] = [];
  snapshots.forEach((snapshot, sheetIndex) => {
    for (const form of locateOnSheet(snapshot, layout)) forms.push({ form, sheetIndex });
  });
  if (forms.length) return { found: true, forms };
  const namedIndex = snapshots.findIndex((s) => notAFormName(s) !== null);
  const named = namedIndex >= 0 ? notAFormName(snapshots[namedIndex]) : null;
  if (named) {
    return {
      found: false,
      sheet: snapshots[namedIndex].sheetName,
      message: `这是${named}，不是绩效自评表：它没有“全年预算数／全年执行数”的资金执行情况，也没有“年度指标值／实际完成值”的绩效指标完成情况，本程序不校验此类表格。`,
    };
  }
  const names = snapshots.map((s) => `“${s.sheetName}”`).join('、') || '（无工作表）';
  return {
    found: false,
    sheet: snapshots.length ? snapshots[0].sheetName : null,
    message: `未找到绩效自评表：在工作表 ${names} 中既没有“全年预算数／全年执行数”资金表头，也没有“年度指标值／实际完成值／得分”指标表头。`,
  };
}
