import type { Finding } from '../findings/types';
import { parseA1 } from '../grid/address';
import type { FormModel } from '../model/form';
import type { FindingKey } from './types';

/** Numbers as a message writes them, not the digits of an address (D5) or a label (指标1 keeps its 1). */
const NUMBER = /(?<![A-Za-z\d.])-?\d+(?:\.\d+)?%?/g;

function roleAt(columns: Partial<Record<string, number>>, col: number): string {
  for (const [role, c] of Object.entries(columns)) if (c === col) return role;
  return '';
}

/** The labels of the row a cell is on, and its column's role: what survives inserted rows. */
export function labelPath(form: FormModel, address: string): string[] {
  const ref = parseA1(address);
  if (!ref) return [];
  const { funds, indicators, total } = form;
  if (total && ref.row === total.row)
    return [
      '总分',
      ref.col === total.scoreCell.col ? 'score' : ref.col === total.weightCell?.col ? 'weight' : '',
    ];
  const ind = indicators?.rows.find((r) => r.row === ref.row);
  if (ind && indicators)
    return [ind.level1, ind.level2, ind.name, roleAt(indicators.columns, ref.col)];
  const fund = funds?.rows.find((r) => r.row === ref.row);
  if (fund && funds) {
    const group = funds.groups.find(
      (g) =>
        g.total === fund ||
        g.parts.includes(fund) ||
        g.basic === fund ||
        g.basicParts.includes(fund),
    );
    return [group ? group.kind : '', fund.label, roleAt(funds.columns, ref.col)];
  }
  for (const b of funds?.textBreakdowns ?? []) {
    const part = [b.heading, ...b.parts].find(
      (p) => p.cell.row === ref.row && p.cell.col === ref.col,
    );
    if (part) return [b.heading.label, part.label];
  }
  // A row the form does not place (a header cell, a stray score): the first label on it.
  for (let c = form.range.left; c <= form.range.right; c++) {
    const l = form.sheet.label(ref.row, c);
    if (l && !/^[-\d.%]+$/.test(l)) return [l, ''];
  }
  return [''];
}

/** A finding's match key (RULES §7.1): rule + sheet + the row's labels + the values it was made on. */
export function findingKey(form: FormModel, f: Finding): FindingKey {
  return {
    rule: f.rule,
    sheet: form.sheet.name,
    labels: f.cells.length ? labelPath(form, f.cells[0]) : [],
    values: [f.expected ?? '', f.actual ?? '', ...(f.message.match(NUMBER) ?? [])],
  };
}
