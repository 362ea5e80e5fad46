import type { SheetView } from '../grid/sheet';
import type { CellRef } from '../grid/types';
import type {
  IndicatorBlock,
  IndicatorColumnRole,
  IndicatorRow,
  LabelledBlock,
  TotalRow,
} from '../model/form';
import { parseAmount } from '../values/amount';
import { displayText, labelText } from '../values/text';
import { readFundsHeader } from './funds';
import { type Header, headerBottom, headerFacts, readHeader } from './header';
import { indicatorRowCells, totalRow } from './rowCells';
import {
  INDICATOR_ROLES,
  isPlaceholderName,
  isSubtotalLabel,
  isTotalLabel,
  labelWeight,
} from './labels';

type Columns = Partial<Record<IndicatorColumnRole, number>>;
type IndicatorHeader = Header<IndicatorColumnRole>;

/**
 * An indicator table names its indicators and has targets and actuals (docs/rules.md §1.1); a
 * target-only form (Hunan 县级专项资金绩效目标自评表) has no 分值 and no 得分 column.
 */
function validIndicators(cols: Columns): boolean {
  const named = cols.level1 !== undefined || cols.level2 !== undefined || cols.level3 !== undefined;
  return (
    named &&
    (cols.target !== undefined || cols.adjustedTarget !== undefined) &&
    cols.actual !== undefined
  );
}

const acceptAll = () => () => true;

/** The columns that hold a row's figures: a row with none of them filled is not an indicator. */
const FIGURE_ROLES: IndicatorColumnRole[] = [
  'target',
  'adjustedTarget',
  'actual',
  'weight',
  'score',
];

export function readIndicatorHeader(sheet: SheetView, row: number): IndicatorHeader | null {
  const h = readHeader(sheet, row, INDICATOR_ROLES, acceptAll, validIndicators);
  if (!h) return null;
  return { ...h, row: headerBottom(sheet, h) } as IndicatorHeader;
}

/** The total row's label, if this row is one: a 总分/合计 cell left of the score columns. */
function totalLabelCell(sheet: SheetView, row: number, beforeCol: number): CellRef | null {
  for (let c = sheet.left; c < beforeCol; c++) {
    if (isTotalLabel(sheet.label(row, c))) return sheet.cell(row, c).ref;
  }
  return null;
}

/** Where the total's 分值 and 得分 sit: their columns, or the first two numbers right of the label. */
export function totalCells(
  sheet: SheetView,
  row: number,
  label: CellRef,
  cols: Columns,
): TotalRow | null {
  // A target-only form has no 得分 column, and so no total to read.
  if (cols.score === undefined) return null;
  const weightCell = cols.weight === undefined ? null : { row, col: cols.weight };
  const scoreCell = { row, col: cols.score };
  const aligned = [weightCell, scoreCell].some(
    (ref) => ref !== null && parseAmount(sheet.cell(ref.row, ref.col).raw).kind !== 'blank',
  );
  if (!aligned && weightCell) {
    const numbers: CellRef[] = [];
    for (let c = label.col + 1; c <= sheet.right && numbers.length < 2; c++) {
      const cell = sheet.cell(row, c);
      if (cell.ref.col === c && parseAmount(cell.raw).kind === 'value') numbers.push(cell.ref);
    }
    if (numbers.length === 2) return totalRow(sheet, row, label, numbers[0], numbers[1]);
  }
  return totalRow(sheet, row, label, weightCell, scoreCell);
}

/** A form's title or its first line: 项目支出绩效自评表, 绩效目标自评表, (2023年度), 项目名称. */
const NEXT_FORM = /^(?:\S{0,30}自评表(?:\(.*\))?|项目名称[:：]?|\(?\d{4}年度\)?)$/;

/** Two headers that give every role the same column: the second repeats the first. */
function sameColumns(a: Columns, b: Columns): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<IndicatorColumnRole>;
  return [...keys].every((k) => a[k] === b[k]);
}

export interface IndicatorRead {
  block: IndicatorBlock;
  total: TotalRow | null;
  /** The last row that belongs to the block (the total row when there is one). */
  end: number;
}

/** Labels with a weight in the columns left of the indicator's name: the blocks it belongs to. */
function blocksOf(
  sheet: SheetView,
  row: number,
  beforeCol: number,
  memo: Map<string, LabelledBlock | null>,
): LabelledBlock[] {
  const out: LabelledBlock[] = [];
  for (let c = sheet.left; c < beforeCol; c++) {
    const label = sheet.label(row, c);
    if (label === '') continue;
    const ref = sheet.cell(row, c).ref;
    const key = `${ref.row}:${ref.col}`;
    let b = memo.get(key);
    if (b === undefined) {
      const weight = labelWeight(label);
      b = weight ? { cell: ref, label: displayText(sheet.cell(row, c).raw), weight } : null;
      memo.set(key, b);
    }
    if (b) out.push(b);
  }
  return out;
}

export function readIndicatorBlock(
  sheet: SheetView,
  header: IndicatorHeader,
  stopRow: number,
): IndicatorRead {
  const { columns } = header;
  const roleCols = Object.values(columns).filter((c): c is number => c !== undefined);
  const blockLeft = Math.min(...roleCols);
  const dataLeft = Math.min(
    ...FIGURE_ROLES.flatMap((r) => (columns[r] === undefined ? [] : [columns[r] as number])),
  );
  const nameCol = columns.level3 ?? columns.level2 ?? columns.level1 ?? blockLeft;
  // An outer label on the left (绩效指标 merged down column A, 年度绩效目标1(40分)) does not
  // end the block; any other new words there do (评价结论 below the form).
  const outerLabelEnds = (r: number): boolean => {
    for (let c = sheet.left; c < blockLeft; c++) {
      const own = sheet.ownValue(r, c);
      if (typeof own !== 'string') continue;
      const t = labelText(own);
      if (t === '' || /^\d+$/.test(t) || labelWeight(t) !== null || /指标|目标/.test(t)) continue;
      return true;
    }
    return false;
  };
  // The title or the 项目名称 line of another form starts that form (forms published one under another).
  const nextFormStarts = (r: number): boolean => {
    for (let c = sheet.left; c <= sheet.right; c++) {
      const own = sheet.ownValue(r, c);
      if (typeof own === 'string' && NEXT_FORM.test(labelText(own))) return true;
    }
    return false;
  };
  const rows: IndicatorRow[] = [];
  const memo = new Map<string, LabelledBlock | null>();
  let total: TotalRow | null = null;
  let level1 = '';
  let level1Cell: CellRef | null = null;
  let level2 = '';
  let level1Shown = '';
  let level2Shown = '';
  let blanks = 0;
  let end = header.row;
  const shownAt = (r: number, role: IndicatorColumnRole): string => {
    const c = columns[role];
    return c === undefined ? '' : displayText(sheet.cell(r, c).raw);
  };
  const text = (r: number, role: IndicatorColumnRole): string => {
    const c = columns[role];
    return c === undefined ? '' : labelText(sheet.valueAt(r, c));
  };
  const emptyRow = (r: number): boolean => {
    for (let c = sheet.left; c <= sheet.right; c++)
      if (labelText(sheet.ownValue(r, c)) !== '') return false;
    return true;
  };
  // The next non-empty row within reach holds figures in the block's columns, or is the total.
  const rowsFollow = (r: number): boolean => {
    for (let n = r + 1; n <= Math.min(stopRow, r + 10); n++) {
      if (emptyRow(n)) continue;
      if (totalLabelCell(sheet, n, dataLeft) !== null) return true;
      // Another form's header below is not this block's row.
      return (
        FIGURE_ROLES.some((role) => text(n, role) !== '') &&
        readFundsHeader(sheet, n) === null &&
        readIndicatorHeader(sheet, n) === null
      );
    }
    return false;
  };
  for (let r = header.row + 1; r <= stopRow; r++) {
    const totalLabel = totalLabelCell(sheet, r, dataLeft);
    if (totalLabel) {
      total = totalCells(sheet, r, totalLabel, columns);
      end = r;
      break;
    }
    if (outerLabelEnds(r) || nextFormStarts(r)) break;
    // A second header ends the block (another form below), unless it repeats this one (a page
    // break in a printed form): its rows are skipped. Only a score-like cell makes that worth checking.
    const again = /得分/.test(text(r, 'score')) ? readIndicatorHeader(sheet, r) : null;
    if (again && !sameColumns(again.columns, columns)) break;
    if (again) {
      r = again.row;
      continue;
    }
    if (columns.level1 !== undefined) {
      const cell = sheet.cell(r, columns.level1);
      const l1 = labelText(cell.raw);
      if (l1 !== '' && l1 !== level1) {
        level1 = l1;
        level1Shown = displayText(cell.raw);
        level1Cell = cell.ref;
        level2 = '';
        level2Shown = '';
      }
    }
    const l2 = text(r, 'level2');
    if (l2 !== '') {
      level2 = l2;
      level2Shown = shownAt(r, 'level2');
    }
    const name = text(r, 'level3');
    const filled = FIGURE_ROLES.some((role) => text(r, role) !== '');
    if (!filled && (name === '' || isPlaceholderName(name))) {
      // An empty template line (指标2：, ……) is not an indicator. Three empty rows end the block
      // unless indicators or the total follow (RULES §1.2: rows after placeholders are not dropped).
      if (emptyRow(r) && ++blanks >= 3 && !rowsFollow(r)) break;
      continue;
    }
    blanks = 0;
    end = r;
    if (isSubtotalLabel(name) || isSubtotalLabel(l2)) continue;
    rows.push({
      row: r,
      level1,
      level1Cell,
      level2,
      name,
      display: [level1Shown, level2Shown, shownAt(r, 'level3')].filter((p) => p !== '').join('／'),
      blocks: blocksOf(sheet, r, nameCol, memo),
      cells: indicatorRowCells(sheet, r, columns),
    });
  }
  return {
    block: { headerRow: header.row, header: headerFacts(header), columns, rows },
    total,
    end,
  };
}
