import type { RawValue } from '../../../engine/grid/types';
import { fixWrite } from '../../../engine/fixes/write';
import type {
  CheckOutcome,
  CheckScope,
  ReportInput,
  SheetFix,
  SkippedFix,
} from '../../core/gateway';
import { check } from './check';
import { type GatewayContext, refusal } from './context';
import { sameValue } from './values';

/**
 * Writes the fixes whose cells still hold what the check saw and that Excel lets us write (a
 * protected sheet's locked cells never); the others are skipped and listed. Two syncs: read,
 * write. Then checks again with the same scope (and report).
 */
export async function applyFixes(
  g: GatewayContext,
  fixes: SheetFix[],
  scope: CheckScope = 'sheet',
  report?: ReportInput,
): Promise<CheckOutcome> {
  let skipped: SkippedFix[];
  try {
    skipped = await g.host.run((context) => writeFixes(context, fixes), {
      mergeUndoGroup: g.caps.undoGroup,
    });
  } catch (e) {
    return refusal(e);
  }
  const out = await check(g, scope, report);
  if (out.kind !== 'checked' || !skipped.length) return out;
  const changed = skipped.filter((s) => s.why === 'changed').map((s) => s.cell);
  const locked = skipped.filter((s) => s.why === 'locked').map((s) => s.cell);
  const notices = [...out.notices];
  if (changed.length)
    notices.push(
      `${changed.join('、')} 在校验之后被改过，没有修正：列表已按现在的内容重新校验，请再看一遍。`,
    );
  if (locked.length)
    notices.push(
      `${locked.join('、')} 在受保护的工作表上被锁定，没有修正：请撤销工作表保护后再修正。`,
    );
  return { ...out, notices, skipped };
}

/** One read sync (values, formats, protection), one write sync when anything is written. */
async function writeFixes(context: Excel.RequestContext, fixes: SheetFix[]): Promise<SkippedFix[]> {
  const skipped: SkippedFix[] = [];
  const sheetNames = [...new Set(fixes.map((f) => f.sheet))];
  const protections = new Map(
    sheetNames.map((name) => {
      const p = context.workbook.worksheets.getItem(name).protection;
      p.load('protected');
      return [name, p] as const;
    }),
  );
  const ranges = fixes.map((f) => {
    const range = context.workbook.worksheets.getItem(f.sheet).getRange(f.cell);
    range.load(['values', 'numberFormat']);
    return { range, lock: range.getCellProperties({ format: { protection: true } }) };
  });
  await context.sync();
  let writes = 0;
  fixes.forEach((f, i) => {
    const { range, lock } = ranges[i];
    const now = range.values[0][0] as RawValue;
    if (
      protections.get(f.sheet)?.protected &&
      lock.value[0][0].format?.protection?.locked !== false
    ) {
      skipped.push({ sheet: f.sheet, cell: f.cell, why: 'locked' });
      return;
    }
    if (f.seen !== undefined && !sameValue(now, f.seen)) {
      skipped.push({ sheet: f.sheet, cell: f.cell, why: 'changed', now });
      return;
    }
    const w = fixWrite(f.value, {
      value: now,
      numberFormat: String(range.numberFormat[0][0] ?? ''),
    });
    if (w.numberFormat) range.numberFormat = [[w.numberFormat]];
    range.values = [[w.value]];
    writes++;
  });
  if (writes) await context.sync();
  return skipped;
}
