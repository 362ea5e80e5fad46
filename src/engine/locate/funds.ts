import type { SheetView } from '../grid/sheet';
import { getOr, perSheet } from '../grid/memo';
import type { FundsBlock, FundsGroup, FundsRow, TextAmount, TextBreakdown } from '../model/form';
import type { FundsColumnRole, FundsRowKind } from '../model/roles';
import { AMOUNT_ROLES } from '../model/form';
import { type FormCell, readCell } from '../model/cells';
import { fundsRowCells } from './rowCells';
import { parseAmount, parseNumberText } from '../values/amount';
import { displayText } from '../values/text';
import { type Header, headerBottom, headerFacts, readHeader } from './header';
import { statedFundsColumns } from './headerFormula';
import {
  byLabel,
  endsFundsBlock,
  FUNDS_ROLES,
  fundsGroupHint,
  fundsRowKind,
  labelWeight,
} from './labels';

type FundsHeader = Header<FundsColumnRole>;

/** "其中: 一般公共预算:1325.68" → label and amount; "纳入专户管理的非税收入拨款:" → label alone. */
const TEXT_AMOUNT =
  /^(?:其中[:：])?([^:：\d]{2,30})[:：]((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:万元|元)?)?$/;

/** How far below a header the locator looks to tell a row-label column from an amount column. */
export const LABEL_LOOKAHEAD = 10;

/**
 * A column whose cells below are 资金 row labels (合计, 其中：财政资金) is the row-label column,
 * whatever caption sits over it (Sichuan's 年度预算数（万元）): it takes no amount role.
 */
function acceptsFunds(sheet: SheetView) {
  // Every row that could start a header asks of the same rows below: the answer is per cell.
  const memo = ACCEPTS(sheet);
  return (dataRow: number) => (col: number, role: FundsColumnRole) =>
    role === 'reason' ||
    getOr(memo, dataRow * 16384 + col, () => labelsBelowAllow(sheet, dataRow, col));
}

const ACCEPTS = perSheet<number, boolean>();

/** A row with a section label in any column (年度总体目标, 一级指标): the 资金 block ends above it. */
function rowEndsFunds(sheet: SheetView, row: number): boolean {
  return getOr(ENDS(sheet), row, () => {
    for (let c = sheet.left; c <= sheet.right; c++) {
      const label = sheet.label(row, c);
      if (label !== '' && endsFundsBlock(label)) return true;
    }
    return false;
  });
}

const ENDS = perSheet<number, boolean>();

/** False when the labels in this column below dataRow are 资金 row labels. */
function labelsBelowAllow(sheet: SheetView, dataRow: number, col: number): boolean {
  const last = Math.min(sheet.bottom, dataRow + LABEL_LOOKAHEAD);
  for (let r = dataRow; r <= last; r++) {
    // The indicator block below is not the 资金 block: a 合计 there says nothing of this column.
    if (r > dataRow && rowEndsFunds(sheet, r)) break;
    const label = sheet.label(r, col);
    if (label === '') continue;
    // A label merged in from a column to the left (合计 across A:H) is that column's.
    if (sheet.cell(r, col).ref.col !== col) continue;
    const kind = lookaheadKind(label);
    if (kind === 'end') break;
    if (kind === 'row') return false;
  }
  return true;
}

/**
 * What a label below a header says of its column: a breakdown written as text
 * (按支出性质分:1925.67) is no row label ('none'); a section label ends the 资金 block ('end').
 */
const lookaheadKind = byLabel((label: string): 'none' | 'end' | 'row' => {
  if (TEXT_AMOUNT.test(label)) return 'none';
  if (endsFundsBlock(label)) return 'end';
  return fundsRowKind(label) !== null || fundsGroupHint(label) !== null ? 'row' : 'none';
});

function validFunds(cols: Partial<Record<FundsColumnRole, number>>): boolean {
  return (
    ((cols.budget !== undefined || cols.initialBudget !== undefined) && cols.exec !== undefined) ||
    rateOnly(cols)
  );
}

/**
 * A 资金 part that states only its rate, weight and score (执行率 | 分值 | 得分, no amounts): the
 * one row under it is the execution score, recomputed from the stated rate.
 */
function rateOnly(cols: Partial<Record<FundsColumnRole, number>>): boolean {
  return (
    cols.rate !== undefined &&
    cols.score !== undefined &&
    cols.weight !== undefined &&
    AMOUNT_ROLES.every((r) => cols[r] === undefined)
  );
}

/** The header of a 资金 block at this row, or null: a budget and an executed-amount column. */
export function readFundsHeader(sheet: SheetView, row: number): FundsHeader | null {
  const h = withStatedFormula(
    sheet,
    row,
    readHeader(sheet, row, FUNDS_ROLES, acceptsFunds(sheet), validFunds),
  );
  if (!h) return null;
  // Guizhou: 年初预算数(A) is the only budget column, so it is the denominator.
  if (h.columns.budget === undefined && h.columns.initialBudget !== undefined) {
    h.columns.budget = h.columns.initialBudget;
    h.labels.budget = h.labels.initialBudget;
    delete h.columns.initialBudget;
    delete h.labels.initialBudget;
  }
  const header = { ...h, row: headerBottom(sheet, h) };
  return header.columns.rate === undefined ? withStatedRatio(sheet, header) : header;
}

/**
 * The header as its circled-number formulas state it (locate/headerFormula.ts: 支出实现率⑤=④/③
 * makes ④ the executed amount and ③ the budget), over what the words alone gave: the words'
 * other roles stay where they do not sit in a stated column. The header as read without them.
 */
function withStatedFormula(
  sheet: SheetView,
  row: number,
  h: FundsHeader | null,
): FundsHeader | null {
  const stated = statedFundsColumns(sheet, row);
  if (!stated) return h;
  const statedCols = new Set(Object.values(stated));
  const columns: Partial<Record<FundsColumnRole, number>> = {};
  for (const [role, col] of Object.entries(h?.columns ?? {}) as [FundsColumnRole, number][])
    if (!statedCols.has(col) && !(role in stated)) columns[role] = col;
  Object.assign(columns, stated);
  const labels: Partial<Record<FundsColumnRole, string>> = {};
  for (const [role, col] of Object.entries(columns) as [FundsColumnRole, number][])
    labels[role] = h?.columns[role] === col ? h.labels[role] : sheet.label(row, col);
  return {
    // A two-row header read by the words ends below this row; the formulas stand in this one.
    row: h?.row ?? row,
    firstRow: row,
    columns,
    labels,
    guessed: (h?.guessed ?? []).filter((r) => !(r in stated) && columns[r] !== undefined),
    alternatives: {},
  };
}

/** A value column's header: 实际完成值, 完成率, 支出进度 (what a ratio's result is called). */
const RATIO_VALUE = /完成值|完成率|进度|比率|比例/;

/**
 * A rate column named by the form's own formula (RULES §1.3): a header row whose caption states
 * the ratio of its two amount columns (总体支出进度（当年实际支出金额/项目当年下达额度）, a
 * special-bond form) and a column headed as that ratio's value (实际完成值). The column is read
 * as the execution rate, marked as guessed; without such a formula nothing is taken.
 */
function withStatedRatio(sheet: SheetView, header: FundsHeader): FundsHeader {
  const exec = header.labels.exec;
  const budget = header.labels.budget;
  if (!exec || !budget) return header;
  const taken = new Set<number>(Object.values(header.columns));
  let stated = false;
  let valueCol: number | null = null;
  for (let r = header.firstRow; r <= header.row; r++) {
    for (let c = sheet.left; c <= sheet.right; c++) {
      const label = sheet.label(r, c);
      const slash = label.indexOf('/');
      if (slash > 0 && label.slice(0, slash).includes(exec) && label.slice(slash).includes(budget))
        stated = true;
      if (valueCol === null && !taken.has(c) && c > header.columns.exec! && RATIO_VALUE.test(label))
        valueCol = c;
    }
  }
  if (!stated || valueCol === null) return header;
  return {
    ...header,
    columns: { ...header.columns, rate: valueCol },
    labels: { ...header.labels, rate: sheet.label(header.row, valueCol) },
    guessed: [...header.guessed, 'rate'],
  };
}

interface RowLabel {
  label: string;
  kind: FundsRowKind | null;
  col: number;
  hint: 'sources' | 'structure' | null;
}

/** The rightmost recognisable label left of the amounts, and any 资金来源 / 资金结构 hint. */
function readRowLabel(sheet: SheetView, row: number, firstAmountCol: number): RowLabel {
  let hint: RowLabel['hint'] = null;
  let found: RowLabel | null = null;
  let fallback: RowLabel | null = null;
  for (let c = firstAmountCol - 1; c >= sheet.left; c--) {
    const label = sheet.label(row, c);
    if (label === '') continue;
    const kind: FundsRowKind | null = found ? null : fundsRowKind(label);
    if (kind) found = { label, kind, col: c, hint: null };
    else hint = hint ?? fundsGroupHint(label);
    // A side caption merged down the block (整体资金（万元）) is not this row's label.
    const m = sheet.mergeAt(row, c);
    if (!(m && m.bottom > m.top)) fallback = fallback ?? { label, kind: null, col: c, hint: null };
  }
  const best = found ?? fallback ?? { label: '', kind: null, col: firstAmountCol - 1, hint: null };
  return { ...best, hint };
}

function hasAmount(sheet: SheetView, row: number, cols: number[]): boolean {
  return cols.some((c) => parseAmount(sheet.valueAt(row, c)).kind === 'value');
}

function isTextBlock(sheet: SheetView, row: number, cols: number[]): boolean {
  return cols.some((c) => parseAmount(sheet.valueAt(row, c)).kind === 'text');
}

/** A weight stated in the block's caption or its score header: 预算执行情况(10分), 得分(20分*执行率). */
function findLabelWeight(
  sheet: SheetView,
  header: FundsHeader,
  firstAmountCol: number,
): string | null {
  const fromScore = header.labels.score ? labelWeight(header.labels.score) : null;
  if (fromScore) return fromScore;
  for (
    let r = Math.max(sheet.top, header.firstRow - 2);
    r <= Math.min(sheet.bottom, header.row + 8);
    r++
  ) {
    for (let c = sheet.left; c <= (r <= header.row ? sheet.right : firstAmountCol - 1); c++) {
      const label = sheet.label(r, c);
      if (label !== '' && /预算执行|资金|执行率/.test(label)) {
        const w = labelWeight(label);
        if (w) return w;
      }
    }
  }
  return null;
}

/**
 * A row whose cells are "label:amount" texts in merged cells (Hunan county forms write the
 * 资金 breakdown this way), or null when the row is anything else.
 */
function textAmounts(sheet: SheetView, row: number): TextAmount[] | null {
  const items: TextAmount[] = [];
  for (let c = sheet.left; c <= sheet.right; c++) {
    const cell = sheet.cell(row, c);
    if (cell.ref.col !== c || cell.ref.row !== row) continue;
    const label = sheet.label(row, c);
    if (label === '') continue;
    const m = TEXT_AMOUNT.exec(label);
    if (!m) {
      // A side caption merged down the block is not part of the row.
      const merge = sheet.mergeAt(row, c);
      if (merge && merge.bottom > merge.top) continue;
      return null;
    }
    items.push({ cell: cell.ref, label: m[1], value: m[2] ? parseNumberText(m[2]) : null });
  }
  return items.length ? items : null;
}

/** Text amounts grouped by the column they stand in; the first of each column is its heading. */
function textBreakdowns(items: TextAmount[]): TextBreakdown[] {
  const byCol = new Map<number, TextAmount[]>();
  for (const item of items) byCol.set(item.cell.col, [...(byCol.get(item.cell.col) ?? []), item]);
  return [...byCol.values()].map(([heading, ...parts]) => ({
    kind: fundsGroupHint(heading.label),
    heading,
    parts,
  }));
}

/** A 资金 row placed by its label in column `col`. */
function labelledRow(
  sheet: SheetView,
  row: number,
  col: number,
  label: string,
  kind: FundsRowKind,
  columns: FundsHeader['columns'],
): FundsRow {
  const labelCell = sheet.cell(row, col);
  return {
    row,
    label,
    display: displayText(labelCell.raw).replace(/[:：]$/, ''),
    labelCell: labelCell.ref,
    kind,
    cells: fundsRowCells(sheet, row, columns),
  };
}

/**
 * The 资金 block under `header`. `unplacedAsParts` is the other reading of rows whose labels say
 * nothing (RULES §1.3): those in `unplacedAsParts` are parts of the group they stand in; the chooser keeps it when the
 * group's sums then hold.
 */
export function readFundsBlock(
  sheet: SheetView,
  header: FundsHeader,
  stopRow: number,
  unplacedAsParts: ReadonlySet<number> = new Set(),
): FundsBlock {
  const { columns } = header;
  const onlyRate = rateOnly(columns);
  // Without amounts, the stated rate, weight and score are the row's figures.
  const amountCols = (onlyRate ? (['rate', 'weight', 'score'] as const) : AMOUNT_ROLES)
    .map((r) => columns[r])
    .filter((c): c is number => c !== undefined);
  const firstAmountCol = Math.min(...amountCols);
  const rows: FundsRow[] = [];
  const unplaced: FormCell[] = [];
  const hints = new Map<number, 'sources' | 'structure'>();
  const texts: TextAmount[] = [];
  let blanks = 0;
  for (let r = header.row + 1; r <= stopRow; r++) {
    const { label, kind, col, hint } = readRowLabel(sheet, r, firstAmountCol);
    const amounts = hasAmount(sheet, r, amountCols);
    if (label === '' && !amounts) {
      if (++blanks >= 2) break;
      continue;
    }
    blanks = 0;
    // The caller stops the block above the next header; a section label also ends it.
    if (endsFundsBlock(label)) break;
    if (onlyRate) {
      // One row: whatever its label (预算执行率, 资金执行), it is the execution score.
      if (amounts)
        rows.push(
          label === ''
            ? soleTotal(sheet, r, sheet.cell(r, firstAmountCol).ref, '预算执行率', columns)
            : soleTotal(
                sheet,
                r,
                sheet.cell(r, col).ref,
                displayText(sheet.cell(r, col).raw),
                columns,
              ),
        );
      break;
    }
    const written = isTextBlock(sheet, r, amountCols) ? textAmounts(sheet, r) : null;
    if (written) {
      texts.push(...written);
      continue;
    }
    if (!kind) {
      // An unknown line with words where the amounts go is the next section, not money.
      if (isTextBlock(sheet, r, amountCols)) break;
      if (label === '' && rows.length === 0 && amounts) {
        // Chongqing: one row of amounts with no label under the header is the department's budget.
        rows.push(soleTotal(sheet, r, sheet.cell(r, firstAmountCol).ref, '部门预算', columns));
        continue;
      }
      if (amounts && unplacedAsParts.has(r) && label !== '')
        rows.push(labelledRow(sheet, r, col, label, 'component', columns));
      else if (amounts) unplaced.push(readCell(sheet, r, col));
      continue;
    }
    rows.push(labelledRow(sheet, r, col, label, kind, columns));
    if (hint) hints.set(r, hint);
  }
  return {
    headerRow: header.row,
    header: headerFacts(header),
    stopRow,
    columns,
    budgetLabel: header.labels.budget ?? '',
    labelWeight: findLabelWeight(sheet, header, firstAmountCol),
    rows,
    groups: groupRows(rows, hints),
    unplaced,
    textBreakdowns: textBreakdowns(texts),
  };
}

/** The block's one row, read as its total whatever its label says (`display` names it). */
function soleTotal(
  sheet: SheetView,
  row: number,
  labelCell: FormCell['ref'],
  display: string,
  columns: FundsHeader['columns'],
): FundsRow {
  return {
    row,
    label: '合计',
    display,
    labelCell,
    kind: 'total',
    cells: fundsRowCells(sheet, row, columns),
  };
}

/**
 * Splits the rows into 资金来源 and 资金结构 groups. A 合计 opens a group; the parts that follow
 * decide what it is, unless the left column says so (资金来源 / 资金结构).
 */
function groupRows(rows: FundsRow[], hints: Map<number, 'sources' | 'structure'>): FundsGroup[] {
  const groups: FundsGroup[] = [];
  let current: FundsGroup | null = null;
  let kindKnown = false;
  const open = (total: FundsRow | null, kind: FundsGroup['kind'], known: boolean): FundsGroup => {
    const g: FundsGroup = { kind, total, parts: [], basic: null, basicParts: [] };
    groups.push(g);
    kindKnown = known;
    return g;
  };
  for (const row of rows) {
    const hint = hints.get(row.row) ?? null;
    if (row.kind === 'total') {
      current = open(row, hint ?? 'sources', hint !== null);
      continue;
    }
    const wants: FundsGroup['kind'] =
      row.kind === 'source'
        ? 'sources'
        : row.kind === 'component'
          ? (current?.kind ?? 'sources')
          : 'structure';
    if (!current || (kindKnown && current.kind !== wants && row.kind !== 'component')) {
      current = open(null, hint ?? wants, true);
    } else if (!kindKnown) {
      current.kind = hint ?? wants;
      kindKnown = true;
    }
    if (row.kind === 'basicSub') {
      if (current.basic) current.basicParts.push(row);
      continue;
    }
    if (row.kind === 'basic') current.basic = row;
    current.parts.push(row);
  }
  for (const g of groups) g.parts = numberedPartsOnly(g.parts);
  return groups;
}

/**
 * When a group numbers its parts (（1）财政拨款, （2）其他资金), an un-numbered line among them is a
 * breakdown of the line above (其中：一般公共预算), not another part: counting it would add it twice.
 */
function numberedPartsOnly(parts: FundsRow[]): FundsRow[] {
  const numbered = parts.filter((p) => NUMBERED.test(p.label));
  return numbered.length >= 2 ? numbered : parts;
}

const NUMBERED = /^(?:\(\d+\)|\d+[.、)]|[一二三四五六七八九十]+[、.)]|\([一二三四五六七八九十]+\))/;
