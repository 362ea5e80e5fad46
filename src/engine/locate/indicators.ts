import type { SheetView } from '../grid/sheet';
import type { CellRef } from '../grid/types';
import type { IndicatorBlock, IndicatorRow, LabelledBlock, TotalRow } from '../model/form';
import type { IndicatorColumnRole } from '../model/roles';
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
    if (isTotalLabel(sheet.label(row, c))) return sheet.masterOf(row, c) ?? { row, col: c };
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
  memo: Map<number, LabelledBlock | null>,
): LabelledBlock[] {
  const out: LabelledBlock[] = [];
  for (let c = sheet.left; c < beforeCol; c++) {
    const label = sheet.label(row, c);
    if (label === '') continue;
    // Keyed by the label's own cell (a merged label is one block over all its rows); Excel has
    // at most 16,384 columns.
    const master = sheet.masterOf(row, c);
    const key = master ? master.row * 16384 + master.col : row * 16384 + c;
    let b = memo.get(key);
    if (b === undefined) {
      const weight = labelWeight(label);
      b = weight
        ? { cell: master ?? { row, col: c }, label: displayText(sheet.valueAt(row, c)), weight }
        : null;
      memo.set(key, b);
    }
    if (b) out.push(b);
  }
  return out;
}

/** What the row scan needs of the header: its columns, where its names and figures start. */
interface BlockScan {
  sheet: SheetView;
  columns: Columns;
  blockLeft: number;
  dataLeft: number;
  nameCol: number;
  stopRow: number;
}

function blockScan(sheet: SheetView, header: IndicatorHeader, stopRow: number): BlockScan {
  const { columns } = header;
  const roleCols = Object.values(columns).filter((c): c is number => c !== undefined);
  const blockLeft = Math.min(...roleCols);
  const dataLeft = Math.min(
    ...FIGURE_ROLES.flatMap((r) => (columns[r] === undefined ? [] : [columns[r] as number])),
  );
  const nameCol = columns.level3 ?? columns.level2 ?? columns.level1 ?? blockLeft;
  return { sheet, columns, blockLeft, dataLeft, nameCol, stopRow };
}

/** A role's cell as a label ("" for a column the block lacks). */
function roleText(scan: BlockScan, r: number, role: IndicatorColumnRole): string {
  const c = scan.columns[role];
  return c === undefined ? '' : labelText(scan.sheet.valueAt(r, c));
}

/** A role's cell as written, for messages. */
function shownAt(scan: BlockScan, r: number, role: IndicatorColumnRole): string {
  const c = scan.columns[role];
  return c === undefined ? '' : displayText(scan.sheet.valueAt(r, c));
}

/** Some figure column (target, actual, 分值, 得分) of the row is filled. */
function figuresFilled(scan: BlockScan, r: number): boolean {
  for (const role of FIGURE_ROLES) if (roleText(scan, r, role) !== '') return true;
  return false;
}

/**
 * An outer label on the left (绩效指标 merged down column A, 年度绩效目标1(40分)) does not end the
 * block; any other new words there do (评价结论 below the form).
 */
function outerLabelEnds(scan: BlockScan, r: number): boolean {
  const { sheet } = scan;
  for (let c = sheet.left; c < scan.blockLeft; c++) {
    const own = sheet.ownValue(r, c);
    if (typeof own !== 'string') continue;
    const t = labelText(own);
    if (t === '' || /^\d+$/.test(t) || labelWeight(t) !== null || /指标|目标/.test(t)) continue;
    return true;
  }
  return false;
}

/** The title or the 项目名称 line of another form starts that form (forms published one under another). */
function nextFormStarts(sheet: SheetView, r: number): boolean {
  for (let c = sheet.left; c <= sheet.right; c++) {
    const own = sheet.ownValue(r, c);
    if (typeof own === 'string' && NEXT_FORM.test(labelText(own))) return true;
  }
  return false;
}

function emptyRow(sheet: SheetView, r: number): boolean {
  for (let c = sheet.left; c <= sheet.right; c++)
    if (labelText(sheet.ownValue(r, c)) !== '') return false;
  return true;
}

/** The next non-empty row within reach holds figures in the block's columns, or is the total. */
function rowsFollow(scan: BlockScan, r: number): boolean {
  const { sheet } = scan;
  for (let n = r + 1; n <= Math.min(scan.stopRow, r + 10); n++) {
    if (emptyRow(sheet, n)) continue;
    if (totalLabelCell(sheet, n, scan.dataLeft) !== null) return true;
    // Another form's header below is not this block's row.
    return (
      figuresFilled(scan, n) &&
      readFundsHeader(sheet, n) === null &&
      readIndicatorHeader(sheet, n) === null
    );
  }
  return false;
}

/** The 一级 and 二级 labels in force: each holds for the rows below it until the next. */
interface Levels {
  level1: string;
  level1Cell: CellRef | null;
  level1Shown: string;
  level2: string;
  level2Shown: string;
}

/** Takes the row's 一级 and 二级 labels where it has them; returns its own 二级 label. */
function takeLevels(scan: BlockScan, r: number, levels: Levels): string {
  const { sheet, columns } = scan;
  if (columns.level1 !== undefined) {
    const raw = sheet.valueAt(r, columns.level1);
    const l1 = labelText(raw);
    if (l1 !== '' && l1 !== levels.level1) {
      levels.level1 = l1;
      levels.level1Shown = displayText(raw);
      levels.level1Cell = sheet.masterOf(r, columns.level1) ?? { row: r, col: columns.level1 };
      levels.level2 = '';
      levels.level2Shown = '';
    }
  }
  const l2 = roleText(scan, r, 'level2');
  if (l2 !== '') {
    levels.level2 = l2;
    levels.level2Shown = shownAt(scan, r, 'level2');
  }
  return l2;
}

/** 一级／二级／三级 as written, the empty ones left out. */
function displayOf(parts: string[]): string {
  let out = '';
  for (const p of parts) if (p !== '') out = out === '' ? p : `${out}／${p}`;
  return out;
}

function indicatorRow(
  scan: BlockScan,
  r: number,
  name: string,
  levels: Levels,
  memo: Map<number, LabelledBlock | null>,
): IndicatorRow {
  return {
    row: r,
    level1: levels.level1,
    level1Cell: levels.level1Cell,
    level2: levels.level2,
    name,
    display: displayOf([levels.level1Shown, levels.level2Shown, shownAt(scan, r, 'level3')]),
    blocks: blocksOf(scan.sheet, r, scan.nameCol, memo),
    cells: indicatorRowCells(scan.sheet, r, scan.columns),
  };
}

export function readIndicatorBlock(
  sheet: SheetView,
  header: IndicatorHeader,
  stopRow: number,
): IndicatorRead {
  const scan = blockScan(sheet, header, stopRow);
  const { columns } = header;
  const rows: IndicatorRow[] = [];
  const memo = new Map<number, LabelledBlock | null>();
  const levels: Levels = {
    level1: '',
    level1Cell: null,
    level1Shown: '',
    level2: '',
    level2Shown: '',
  };
  let total: TotalRow | null = null;
  let blanks = 0;
  let end = header.row;
  for (let r = header.row + 1; r <= stopRow; r++) {
    const totalLabel = totalLabelCell(sheet, r, scan.dataLeft);
    if (totalLabel) {
      total = totalCells(sheet, r, totalLabel, columns);
      end = r;
      break;
    }
    if (outerLabelEnds(scan, r) || nextFormStarts(sheet, r)) break;
    // A second header ends the block (another form below), unless it repeats this one (a page
    // break in a printed form): its rows are skipped. Only a score-like cell makes that worth checking.
    const again = /得分/.test(roleText(scan, r, 'score')) ? readIndicatorHeader(sheet, r) : null;
    if (again && !sameColumns(again.columns, columns)) break;
    if (again) {
      r = again.row;
      continue;
    }
    const l2 = takeLevels(scan, r, levels);
    const name = roleText(scan, r, 'level3');
    if (!figuresFilled(scan, r) && (name === '' || isPlaceholderName(name))) {
      // An empty template line (指标2：, ……) is not an indicator. Three empty rows end the block
      // unless indicators or the total follow (RULES §1.2: rows after placeholders are not dropped).
      if (emptyRow(sheet, r) && ++blanks >= 3 && !rowsFollow(scan, r)) break;
      continue;
    }
    blanks = 0;
    end = r;
    if (isSubtotalLabel(name) || isSubtotalLabel(l2)) continue;
    rows.push(indicatorRow(scan, r, name, levels, memo));
  }
  return {
    block: { headerRow: header.row, header: headerFacts(header), columns, rows },
    total,
    end,
  };
}
