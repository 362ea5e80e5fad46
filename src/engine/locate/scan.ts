import type { SheetView } from '../grid/sheet';

/** The label text of every column of a row, read through merges. */
export function rowLabels(sheet: SheetView, row: number): { col: number; label: string }[] {
  const out: { col: number; label: string }[] = [];
  for (let c = sheet.left; c <= sheet.right; c++) {
    const label = sheet.label(row, c);
    if (label !== '') out.push({ col: c, label });
  }
  return out;
}

/** Columns by role in a header row; a role keeps its first (leftmost) column. */
export function headerColumns<R extends string>(
  sheet: SheetView,
  row: number,
  roleOf: (label: string) => R | null,
): Partial<Record<R, number>> {
  const columns: Partial<Record<R, number>> = {};
  for (const { col, label } of rowLabels(sheet, row)) {
    // A header merged across columns counts once, at its first column.
    if (sheet.isMergeSlave(row, col) && sheet.cell(row, col).ref.row === row) continue;
    const role = roleOf(label);
    if (role && columns[role] === undefined) columns[role] = col;
  }
  return columns;
}
