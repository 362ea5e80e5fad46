import type { FormModel } from '../../engine/model/form';
import type { FormOutcome } from '../core/gateway';
import { planClear, type SheetState, type StateRequest, type WritePlan } from '../core/markPlan';
import type { MarkRecord } from '../core/marks';
import {
  type BorderStates,
  NO_BORDER,
  OUTLINE_BORDER,
  type OriginalBorder,
  type OutlineTarget,
  type OutlineWrite,
  outlineStrips,
  planOutlines,
  type SheetOutline,
  type Strip,
} from '../core/outlinePlan';
import { readAreas } from '../core/readAreas';

/** What getCellProperties reads of each border (ExcelApi 1.9, as the fills). */
export const BORDER = { style: true, color: true, weight: true, tintAndShade: true } as const;

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

/** Each cell's border on the strip's side, along it (a strip is one row or one column). */
export function bordersOf(strip: Strip, props: Excel.CellProperties[][]): OriginalBorder[] {
  return props.flat().map((p) => {
    const b = p.format?.borders?.[strip.side];
    if (!b || !b.style || b.style === 'None') return NO_BORDER;
    return {
      style: b.style,
      color: b.color ?? null,
      weight: b.weight ?? null,
      tintAndShade: b.tintAndShade ?? null,
    };
  });
}

/** The strips an outline needs, added to the fills' and notes' requests (one read for all). */
export function withBorderRequests(
  requests: StateRequest[],
  strips: Map<string, Strip[]>,
): StateRequest[] {
  const out = requests.map((r) => ({ ...r, borders: strips.get(r.sheet) ?? [] }));
  for (const [sheet, borders] of strips)
    if (!out.some((r) => r.sheet === sheet)) out.push({ sheet, fills: [], notes: [], borders });
  return out;
}

export function borderStates(states: SheetState[]): BorderStates {
  return new Map(states.map((s) => [s.sheet, s.borders ?? new Map()]));
}

/** Puts back the borders first (one setCellProperties per strip), then frames the areas. */
export function queueOutlines(context: Excel.RequestContext, writes: OutlineWrite[]): void {
  for (const w of writes) {
    const ws = context.workbook.worksheets.getItem(w.sheet);
    for (const r of w.restore) {
      const cells = r.borders.map((b): Excel.SettableCellProperties =>
        b ? { format: { borders: { [r.side]: settable(b) } } } : {},
      );
      const vertical = r.side === 'left' || r.side === 'right';
      ws.getRange(r.range).setCellProperties(vertical ? cells.map((c) => [c]) : [cells]);
    }
    for (const a of w.outline) {
      const range = ws.getRange(a);
      for (const edge of EDGES) {
        const b = range.format.borders.getItem(edge);
        b.style = OUTLINE_BORDER.style;
        b.color = OUTLINE_BORDER.color;
        b.weight = OUTLINE_BORDER.weight;
      }
    }
  }
}

/** A border as setCellProperties takes it: "no border" is only its style. */
function settable(b: OriginalBorder): Excel.CellBorder {
  if (b.style === 'None') return { style: 'None' };
  const out: Excel.CellBorder = { style: b.style as Excel.BorderLineStyle };
  if (b.color !== null) out.color = b.color;
  if (b.weight !== null) out.weight = b.weight as Excel.BorderWeight;
  if (b.tintAndShade !== null) out.tintAndShade = b.tintAndShade;
  return out;
}

/**
 * Where this 校验 outlines: on each sheet it may format (never a protected one: Excel refuses
 * borders on its locked cells), the areas its forms were read from; none when the outline is off.
 */
export function outlineTargets(
  on: boolean,
  forms: FormOutcome[],
  located: FormModel[],
  formattable: (sheet: string) => boolean,
): OutlineTarget[] {
  const sheets = [...new Set(forms.map((f) => f.sheet))];
  return sheets.map((sheet) => {
    if (!formattable(sheet)) return { sheet, areas: null };
    if (!on) return { sheet, areas: [] };
    const areas = forms.flatMap((f, i) => {
      if (f.sheet !== sheet || !f.reading) return [];
      const rows = located[i]?.indicators?.rows ?? [];
      const last = rows.length ? Math.max(...rows.map((r) => r.row)) + 1 : null;
      return readAreas(f.reading, last);
    });
    return { sheet, areas: [...new Set(areas)] };
  });
}

/** The record with its outlines (absent when there are none, as an older add-in wrote it). */
export function withOutlines(record: MarkRecord, outlines: SheetOutline[]): MarkRecord {
  return outlines.length ? { ...record, outlines } : record;
}

/** The requests that undo a record (清除标记, a rollback): its outlines' strips too. */
export function clearRequests(
  requests: StateRequest[],
  record: MarkRecord,
  existing: Set<string>,
): StateRequest[] {
  return withBorderRequests(requests, outlineStrips([], record.outlines ?? [], existing));
}

/** The plan that undoes a record: its fills and notes (planClear) and its outlines. */
export function clearAll(
  record: MarkRecord,
  states: SheetState[],
  existing: Set<string>,
): { plan: WritePlan; outlines: OutlineWrite[] } {
  const plan = planClear(record, states, existing);
  const outlines = planOutlines([], record.outlines ?? [], borderStates(states), existing);
  return {
    plan: { ...plan, record: withOutlines(plan.record, outlines.record) },
    outlines: outlines.writes,
  };
}
