/**
 * What the form says that a report may repeat: the 全年执行数 of each line it holds, the rates,
 * the total score, the staff numbers and the counts written in 部门职责. Read-only over the
 * located FormModel.
 */
import type { CellRef } from '../grid/types';
import type { FormModel, FundsRow } from '../model/form';
import { amountValue, valueOf } from '../values/amount';
import { Dec, sum } from '../values/decimal';
import { mentions, type Mention } from './mentions';
import { fold } from './sentences';

/** The lines of the 资金 block a narrative names. */
export type Line = 'total' | 'appropriation' | 'basic' | 'personnel' | 'public' | 'project';

export const LINE_NAME: Record<Line, string> = {
  total: '支出合计',
  appropriation: '财政拨款',
  basic: '基本支出',
  personnel: '人员支出',
  public: '公用支出',
  project: '项目支出',
};

export interface LineFact {
  line: Line;
  /** The row's label as written. */
  label: string;
  /** The 全年执行数 cell (or, for a blank total, still that cell). */
  cell: CellRef;
  /** Executed amount: the cell's, or the sum of the parts when a total is left blank. */
  exec: Dec | null;
  /** True when exec was added up from the parts because the total cell is blank. */
  fromParts: boolean;
  budget: Dec | null;
  rateCell: CellRef | null;
}

export interface FormFacts {
  /** The form's unit of money: 万元 unless its captions say 元. */
  unit: '万元' | '元';
  lines: Partial<Record<Line, LineFact>>;
  total: { cell: CellRef; value: Dec } | null;
  staff: {
    authorised: { cell: CellRef; value: Dec } | null;
    actual: { cell: CellRef; value: Dec } | null;
  };
  /** Counts written in the 部门职责 (部门职能, 单位职责) text, with the cell. */
  duties: { cell: CellRef; counts: Mention[] } | null;
}

export function formUnit(form: FormModel): '万元' | '元' {
  const { sheet } = form;
  for (let r = sheet.top; r <= sheet.bottom; r++) {
    for (let c = sheet.left; c <= sheet.right; c++) {
      const t = sheet.label(r, c);
      if (/万元/.test(t)) return '万元';
      if (/(?:单位|金额)[:：]?元|\(元\)/.test(t)) return '元';
    }
  }
  return '万元';
}

/** The value cell right of a label cell (through merges): 人员编制 | 3. */
function besideLabel(form: FormModel, pattern: RegExp): { label: CellRef; cell: CellRef } | null {
  const { sheet } = form;
  for (let r = sheet.top; r <= sheet.bottom; r++) {
    for (let c = sheet.left; c <= sheet.right; c++) {
      const here = sheet.cell(r, c).ref;
      if (here.row !== r || here.col !== c) continue;
      if (!pattern.test(sheet.label(r, c))) continue;
      for (let cc = c + 1; cc <= sheet.right; cc++) {
        const v = sheet.cell(r, cc);
        if (v.ref.col === here.col) continue;
        return { label: here, cell: v.ref };
      }
    }
  }
  return null;
}

/** A funds cell as the locator read it (absent where the block has no such column). */
function read(row: FundsRow, role: 'budget' | 'exec'): Dec | null {
  const cell = row.cells[role];
  return cell ? valueOf(cell.parsed) : null;
}

/** Sums the values read, or null when none was. */
function sumRead(values: (Dec | null)[]): Dec | null {
  return values.some((v) => v !== null) ? sum(values.filter((v): v is Dec => v !== null)) : null;
}

/** One line's fact; a blank total is added up from its parts. */
function lineFact(
  line: Line,
  row: FundsRow,
  parts: FundsRow[],
  cols: { exec: number; rate: number | undefined },
): LineFact {
  let exec = read(row, 'exec');
  let budget = read(row, 'budget');
  let fromParts = false;
  if (exec === null && parts.length) {
    const fromRows = sumRead(parts.map((p) => read(p, 'exec')));
    if (fromRows) {
      exec = fromRows;
      fromParts = true;
    }
    if (budget === null) budget = sumRead(parts.map((p) => read(p, 'budget')));
  }
  return {
    line,
    label: row.display,
    cell: { row: row.row, col: cols.exec },
    exec,
    fromParts,
    budget,
    rateCell: cols.rate === undefined ? null : { row: row.row, col: cols.rate },
  };
}

/** The 资金 lines a form states (its total, sources and structure), without the sheet scans. */
export function fundsLines(form: FormModel): Partial<Record<Line, LineFact>> {
  const { funds } = form;
  const lines: Partial<Record<Line, LineFact>> = {};
  const execCol = funds?.columns.exec;
  if (!funds || execCol === undefined) return lines;
  const cols = { exec: execCol, rate: funds.columns.rate };
  const fact = (line: Line, row: FundsRow, parts: FundsRow[] = []) =>
    lineFact(line, row, parts, cols);
  const structure = funds.groups.find((g) => g.kind === 'structure');
  const sources = funds.groups.find((g) => g.kind === 'sources');
  for (const g of [structure, sources]) {
    if (g?.total && !lines.total) {
      const f = fact('total', g.total, g.parts);
      if (f.exec !== null) lines.total = f;
    }
  }
  if (!lines.total && form.kind === 'project') {
    const t = funds.rows.find((r) => r.kind === 'total');
    if (t) lines.total = fact('total', t);
  }
  const appropriation = funds.rows.find(
    (r) => r.kind === 'source' && /财政拨款|财政资金/.test(r.label),
  );
  if (appropriation) lines.appropriation = fact('appropriation', appropriation);
  if (structure?.basic) lines.basic = fact('basic', structure.basic, structure.basicParts);
  for (const p of structure?.basicParts ?? []) {
    if (/人员/.test(p.label)) lines.personnel = fact('personnel', p);
    else if (/公用/.test(p.label)) lines.public = fact('public', p);
  }
  const project = structure?.parts.find((p) => p.kind === 'project');
  if (project) lines.project = fact('project', project);
  else if (form.kind === 'project' && lines.total)
    lines.project = { ...lines.total, line: 'project' };
  return lines;
}

export function formFacts(form: FormModel): FormFacts {
  const { sheet } = form;
  const lines = fundsLines(form);
  let total: FormFacts['total'] = null;
  if (form.total) {
    const v = valueOf(form.total.score.parsed);
    if (v) total = { cell: form.total.scoreCell, value: v };
  }
  const staffAt = (pattern: RegExp) => {
    const at = besideLabel(form, pattern);
    if (!at) return null;
    const v = amountValue(sheet.cell(at.cell.row, at.cell.col).raw);
    return v ? { cell: at.cell, value: v } : null;
  };
  const dutiesAt = besideLabel(form, /^(?:部门|单位)?(?:主要)?(?:职责|职能)(?:概述)?$/);
  let duties: FormFacts['duties'] = null;
  if (dutiesAt) {
    const raw = sheet.cell(dutiesAt.cell.row, dutiesAt.cell.col).raw;
    if (typeof raw === 'string')
      duties = {
        cell: dutiesAt.cell,
        counts: mentions(fold({ index: 0, text: raw })).filter((m) => m.kind === 'count'),
      };
  }
  return {
    unit: formUnit(form),
    lines,
    total,
    staff: {
      authorised: staffAt(/^(?:人员)?编制(?:人数|数)?$/),
      actual: staffAt(/^实有(?:人数|人员)(?:数)?$/),
    },
    duties,
  };
}
