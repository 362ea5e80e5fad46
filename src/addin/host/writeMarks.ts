import type { MarkRecord, OriginalFill } from '../core/marks';
import { RECORD_KEY } from '../core/marks';
import type { SheetState, StateRequest, WritePlan } from '../core/markPlan';
import type { Capabilities } from './excelHost';
import { restoreFill } from './fills';
import { BORDER, bordersOf } from './outlines';
import { stripKey } from '../core/outlinePlan';

const FILL = {
  color: true,
  pattern: true,
  tintAndShade: true,
  patternColor: true,
  patternTintAndShade: true,
} as const;

function fillOf(props: Excel.CellProperties): OriginalFill {
  const f = props.format?.fill ?? {};
  return {
    color: f.color ?? null,
    pattern: f.pattern ?? null,
    tintAndShade: f.tintAndShade ?? null,
    patternColor: f.patternColor ?? null,
    patternTintAndShade: f.patternTintAndShade ?? null,
  };
}

/**
 * Reads the fills and notes the plan needs (one sync), and where threaded comments sit (one more
 * sync, only when a sheet has comments). Only these cells' fills are read, never a whole range's.
 */
export async function readStates(
  context: Excel.RequestContext,
  requests: StateRequest[],
  caps: Capabilities,
): Promise<SheetState[]> {
  const queued = requests.map((req) => {
    const ws = context.workbook.worksheets.getItem(req.sheet);
    const fills = req.fills.map(
      (a) => [a, ws.getRange(a).getCellProperties({ format: { fill: FILL } })] as const,
    );
    const notes = caps.notes
      ? req.notes.map((a) => [a, ws.notes.getItemOrNullObject(a).load('content')] as const)
      : [];
    // A collection is navigated to, not loaded; its items are loaded on the next line.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const comments = caps.comments ? ws.comments : null;
    comments?.load('items');
    const borders = (req.borders ?? []).map(
      (strip) =>
        [
          strip,
          ws.getRange(strip.range).getCellProperties({ format: { borders: BORDER } }),
        ] as const,
    );
    return { req, ws, fills, notes, comments, borders };
  });
  if (queued.length === 0) return [];
  await context.sync();
  const located = queued.map((q) =>
    q.comments && q.comments.items.length
      ? q.comments.items.map((c) => c.getLocation().load('address'))
      : [],
  );
  if (located.some((l) => l.length)) await context.sync();
  return queued.map((q, i) => ({
    sheet: q.req.sheet,
    fills: new Map(q.fills.map(([a, p]) => [a, fillOf(p.value[0][0])])),
    notes: new Map(
      q.notes.flatMap(([a, n]) => (n.isNullObject ? [] : [[a, n.content] as [string, string]])),
    ),
    comments: new Set(located[i].map((r) => r.address.replace(/^.*!/, '').replace(/\$/g, ''))),
    borders: new Map(q.borders.map(([strip, p]) => [stripKey(strip), bordersOf(strip, p.value)])),
  }));
}

/** Queues the fills (restore, mark): with the record, the first write batch. */
export function queueMarks(context: Excel.RequestContext, plan: WritePlan): void {
  for (const s of plan.sheets) {
    const ws = context.workbook.worksheets.getItem(s.sheet);
    for (const r of s.restore) restoreFill(ws.getRange(r.address), r.original);
    for (const m of s.mark) ws.getRange(m.address).format.fill.color = m.color;
  }
}

/** Stores the record, or removes the old one when nothing is marked any more. */
export function writeRecord(
  context: Excel.RequestContext,
  record: MarkRecord,
  hadRecord: boolean,
): void {
  if (record.sheets.length || record.outlines?.length)
    context.workbook.settings.add(RECORD_KEY, JSON.stringify(record));
  else if (hadRecord) context.workbook.settings.getItem(RECORD_KEY).delete();
}

/** Queues the notes: their own batch, so a refused note never costs the marks. */
export function queueNotes(context: Excel.RequestContext, plan: WritePlan): number {
  let n = 0;
  for (const s of plan.sheets) {
    const ws = context.workbook.worksheets.getItem(s.sheet);
    for (const op of s.notes) {
      n++;
      if (op.kind === 'add') ws.notes.add(ws.getRange(op.address), op.text);
      else if (op.kind === 'update') ws.notes.getItem(op.address).content = op.text;
      else ws.notes.getItem(op.address).delete();
    }
  }
  return n;
}
