import type { CellRange, CellRef } from '../grid/types';
import type { SheetView } from '../grid/sheet';
import type { Dec } from '../values/decimal';
import type { AmountCell, FormCell, RateCell } from './cells';
import type { FundsColumnRole, FundsRowKind, IndicatorColumnRole } from './roles';

export type AmountRole = 'initialBudget' | 'budget' | 'exec';
export const AMOUNT_ROLES: AmountRole[] = ['initialBudget', 'budget', 'exec'];
export const AMOUNT_ROLE_NAME: Record<AmountRole, string> = {
  initialBudget: '年初预算数',
  budget: '全年预算数',
  exec: '全年执行数',
};

export interface FundsRow {
  row: number;
  /** Normalized label, for matching. */
  label: string;
  /** The label as written, for messages. */
  display: string;
  labelCell: CellRef;
  kind: FundsRowKind;
  /** The row's cells in every column the block has, read once by the locator. */
  cells: FundsRowCells;
}

/** A funds row's cells by column; a role is present exactly when the block has that column. */
export interface FundsRowCells {
  initialBudget?: AmountCell;
  budget?: AmountCell;
  exec?: AmountCell;
  weight?: AmountCell;
  score?: AmountCell;
  rate?: RateCell;
}

/** 资金来源 or 资金结构: a 合计 row and the rows that must add up to it. */
export interface FundsGroup {
  kind: 'sources' | 'structure';
  total: FundsRow | null;
  parts: FundsRow[];
  /** 基本支出 and its 人员支出 / 公用支出, when the group is the structure. */
  basic: FundsRow | null;
  basicParts: FundsRow[];
}

/** One "label:amount" written as text inside a merged cell (Hunan county forms). */
export interface TextAmount {
  cell: CellRef;
  label: string;
  /** The amount as written after the label; null when the label stands alone (纳入专户管理的非税收入拨款:). */
  value: Dec | null;
}

/**
 * A breakdown written as text, one column of merged cells: 按收入性质分:2030.12, then its parts
 * (其中: 一般公共预算:1325.68, …). `kind` comes from the heading (按收入性质 / 按支出性质).
 */
export interface TextBreakdown {
  kind: 'sources' | 'structure' | null;
  heading: TextAmount;
  parts: TextAmount[];
}

/**
 * How a block's header was read (RULES §1.3): its rows, each role's label, the roles taken through
 * a stem (guessed), and the columns that could have taken a role but lost it to a better fit.
 */
export interface HeaderFacts<R extends string> {
  firstRow: number;
  row: number;
  labels: Partial<Record<R, string>>;
  guessed: R[];
  alternatives: Partial<Record<R, number[]>>;
}

export interface FundsBlock {
  headerRow: number;
  header: HeaderFacts<FundsColumnRole>;
  /** The last row the block may reach: the reading chooser reads it again from here. */
  stopRow: number;
  columns: Partial<Record<FundsColumnRole, number>>;
  /** What the budget column's header says (年初预算数(A) when it is the only budget column). */
  budgetLabel: string;
  /** The execution score's weight when only a label states it (得分(20分*执行率), 预算执行情况(10分)). */
  labelWeight: string | null;
  rows: FundsRow[];
  groups: FundsGroup[];
  /** Label cells of rows with amounts that could not be placed in a group: reported, never dropped. */
  unplaced: FormCell[];
  /** Breakdowns written as text in merged cells below the rows. */
  textBreakdowns: TextBreakdown[];
}

export interface IndicatorRow {
  row: number;
  level1: string;
  level1Cell: CellRef | null;
  level2: string;
  name: string;
  /** 一级／二级／三级 as written, for messages. */
  display: string;
  /** Labels left of the indicator that state a weight ("产出指标(50分)"): the blocks it belongs to. */
  blocks: LabelledBlock[];
  /** The row's cells in every column the block has, read once by the locator. */
  cells: IndicatorRowCells;
}

/**
 * An indicator row's cells that assess/ judges (the names, level1–3, the locator has already
 * read); a role is set exactly when the block has that column.
 */
export interface IndicatorRowCells {
  target?: FormCell;
  adjustedTarget?: FormCell;
  actual?: FormCell;
  reason?: FormCell;
  nature?: FormCell;
  unit?: FormCell;
  weight?: AmountCell;
  /** Absent on a target-only form, which has no 得分 column. */
  score?: AmountCell;
  coefficient?: RateCell;
}

/** A block of indicators whose weight is written in its label: "年度绩效目标1(40分)". */
export interface LabelledBlock {
  cell: CellRef;
  label: string;
  weight: string;
}

export interface IndicatorBlock {
  headerRow: number;
  header: HeaderFacts<IndicatorColumnRole>;
  /** No score column: a target-only form (RULES §1.1, Hunan 县级专项资金绩效目标自评表). */
  columns: Partial<Record<IndicatorColumnRole, number>>;
  rows: IndicatorRow[];
}

export interface TotalRow {
  row: number;
  labelCell: CellRef;
  /** Null where the form states only the total score (自评总分 in the header block). */
  weightCell: CellRef | null;
  scoreCell: CellRef;
  /** The cells at weightCell and scoreCell, read through merges. */
  weight: AmountCell | null;
  score: AmountCell;
}

/** What was decided at one structural choice point (RULES §1.3), for the result. */
export interface ReadingDecision {
  kind: 'total-row' | 'weights' | 'sub-rows' | 'unplaced-rows';
  chosen: string;
  /**
   * The readings not taken, each with how many of the form's identities held and failed under it,
   * the later choice points settled at their best under it (as for the chosen one).
   */
  others: { says: string; holds: number; fails: number; cost: string }[];
  holds: number;
  fails: number;
  /** How far the failing identities were from holding (reading/identities.ts). */
  cost: string;
  /** Another reading held exactly as well: only what both say is reported. */
  tie: boolean;
}

export interface FormModel {
  kind: 'department' | 'project';
  sheet: SheetView;
  /** The rows and columns the form occupies. */
  range: CellRange;
  /** True when the sheet holds more than one form. */
  shared: boolean;
  funds: FundsBlock | null;
  indicators: IndicatorBlock | null;
  total: TotalRow | null;
  /** The structural choices made when the form was read (reading/choose.ts); none when nothing was open. */
  decisions?: ReadingDecision[];
  /** True when the reading was given by the user (a stored correction or --layout), not chosen. */
  corrected?: boolean;
}
