import type { CellRef } from '../grid/types';
import type { SheetView } from '../grid/sheet';

export type FundsColumnRole = 'initialBudget' | 'budget' | 'exec' | 'rate' | 'weight' | 'score';
export type AmountRole = 'initialBudget' | 'budget' | 'exec';
export const AMOUNT_ROLES: AmountRole[] = ['initialBudget', 'budget', 'exec'];
export const AMOUNT_ROLE_NAME: Record<AmountRole, string> = { initialBudget: '年初预算数', budget: '全年预算数', exec: '全年执行数' };

/** What a row of the 整体资金 block is. */
export type FundsRowKind = 'total' | 'source' | 'basic' | 'basicSub' | 'project' | 'component';

export interface FundsRow {
  row: number;
  /** Normalized label, for matching. */
  label: string;
  /** The label as written, for messages. */
  display: string;
  labelCell: CellRef;
  kind: FundsRowKind;
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

export interface FundsBlock {
  headerRow: number;
  columns: Partial<Record<FundsColumnRole, number>>;
  rows: FundsRow[];
  groups: FundsGroup[];
}

export type IndicatorColumnRole = 'level1' | 'level2' | 'level3' | 'target' | 'actual' | 'weight' | 'score' | 'reason' | 'nature' | 'unit';

export interface IndicatorRow {
  row: number;
  level1: string;
  level1Cell: CellRef | null;
  level2: string;
  name: string;
  /** 一级／二级／三级 as written, for messages. */
  display: string;
}

export interface IndicatorBlock {
  headerRow: number;
  columns: Partial<Record<IndicatorColumnRole, number>> & { weight: number; score: number };
  rows: IndicatorRow[];
}

export interface TotalRow {
  row: number;
  labelCell: CellRef;
  weightCell: CellRef;
  scoreCell: CellRef;
}

export interface FormModel {
  kind: 'department' | 'project';
  sheet: SheetView;
  funds: FundsBlock | null;
  indicators: IndicatorBlock | null;
  total: TotalRow | null;
}
