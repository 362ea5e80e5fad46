import type { UnmarkedCells } from '../../core/gateway';
import type { TargetSheet } from '../../core/markPlan';
import { type MarkRecord, planMarks } from '../../core/marks';
import type { SheetMeta } from '../readSheet';

/** Which cells of each protected sheet Excel will not let us format: one sync, only for such sheets. */
async function lockedCells(
  context: Excel.RequestContext,
  wanted: { sheet: string; cells: string[] }[],
): Promise<Map<string, Set<string>>> {
  const queued = wanted.map((w) => {
    const ws = context.workbook.worksheets.getItem(w.sheet);
    return {
      sheet: w.sheet,
      cells: w.cells.map(
        (a) => [a, ws.getRange(a).getCellProperties({ format: { protection: true } })] as const,
      ),
    };
  });
  const out = new Map<string, Set<string>>();
  if (!queued.some((q) => q.cells.length)) return out;
  await context.sync();
  for (const q of queued)
    out.set(
      q.sheet,
      new Set(
        q.cells
          .filter(([, p]) => p.value[0][0].format?.protection?.locked !== false)
          .map(([a]) => a),
      ),
    );
  return out;
}

export interface Protected {
  unmarked: UnmarkedCells[];
  notices: string[];
  /** Some mark goes on a protected sheet (Excel may still refuse it). */
  markedProtected: boolean;
}

/**
 * A protected sheet: marks only where Excel allows formatting (unlocked cells, or a protection
 * that allows formatting cells); the rest are listed. Sets each such target's `blocked` cells.
 */
export async function protectTargets(
  context: Excel.RequestContext,
  targets: TargetSheet[],
  metas: Map<string, SheetMeta>,
  previous: MarkRecord | null,
): Promise<Protected> {
  const guarded = (t: TargetSheet) =>
    t.writable && metas.get(t.sheet)?.protected && !metas.get(t.sheet)?.allowFormatCells;
  const locked = await lockedCells(
    context,
    targets.filter(guarded).map((t) => ({
      sheet: t.sheet,
      cells: [
        ...new Set([
          ...planMarks(t.findings).map((p) => p.address),
          ...(previous?.sheets.find((x) => x.sheet === t.sheet)?.cells ?? []).map((c) => c.address),
        ]),
      ],
    })),
  );
  const out: Protected = { unmarked: [], notices: [], markedProtected: false };
  for (const t of targets) {
    if (!metas.get(t.sheet)?.protected) continue;
    t.blocked = t.writable ? locked.get(t.sheet) : undefined;
    const cells = planMarks(t.findings)
      .map((p) => p.address)
      .filter((a) => !t.writable || t.blocked?.has(a));
    if (t.writable && planMarks(t.findings).length > cells.length) out.markedProtected = true;
    if (cells.length) {
      out.unmarked.push({ sheet: t.sheet, cells });
      out.notices.push(
        `工作表“${t.sheet}”受保护，${cells.length} 个单元格不能标色：${cells.join('、')}。这些问题只在下方列表中。`,
      );
    }
  }
  return out;
}
