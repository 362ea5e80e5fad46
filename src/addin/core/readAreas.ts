import type { Reading } from '../../engine/findings/types';
import { columnLetters, parseA1 } from '../../engine/grid/address';

/** Column letters → 0-based index ("A" → 0). */
function colOf(letters: string): number {
  return parseA1(`${letters}1`)?.col ?? -1;
}

function span(columns: string[]): { left: number; right: number } | null {
  const cols = columns.map(colOf).filter((c) => c >= 0);
  return cols.length ? { left: Math.min(...cols), right: Math.max(...cols) } : null;
}

function area(top: number, bottom: number, cols: { left: number; right: number }): string {
  return `${columnLetters(cols.left)}${top}:${columnLetters(cols.right)}${bottom}`;
}

/**
 * The areas a 校验 read, as the pane's 读取方式 names them (1-based rows): each block from its
 * first header row to its last row read (the 资金 rows; the indicator rows, whose last row
 * `lastIndicatorRow` the located form gives), and the 总分 row. A block stops above the 总分
 * row, so no two areas share a cell.
 */
export function readAreas(reading: Reading, lastIndicatorRow: number | null): string[] {
  const total = reading.totalRow;
  const out: string[] = [];
  for (const b of reading.blocks) {
    const cols = span(b.columns.map((c) => c.column));
    if (!cols || !b.headerRows.length) continue;
    const top = b.headerRows[0];
    const rows = b.part === 'funds' ? reading.fundsRows.map((r) => r.row) : [lastIndicatorRow ?? 0];
    let bottom = Math.max(b.headerRows[b.headerRows.length - 1], ...rows);
    if (total !== null && total > b.headerRows[b.headerRows.length - 1] && total <= bottom)
      bottom = total - 1;
    out.push(area(top, bottom, cols));
  }
  if (total !== null) {
    const block =
      reading.blocks.find((b) => b.part === 'indicators') ??
      reading.blocks.find((b) => b.part === 'funds');
    const cells = [reading.totalCells?.weight, reading.totalCells?.score].flatMap((c) =>
      c ? [c.replace(/\d+$/, '')] : [],
    );
    const cols = span([...(block?.columns.map((c) => c.column) ?? []), ...cells]);
    if (cols) out.push(area(total, total, cols));
  }
  return [...new Set(out)];
}
