import type { Finding } from '../../../engine';
import type { RawValue } from '../../../engine/grid/types';
import { correctReading, type ReadingCorrection } from '../../../engine/reading/correct';
import { type CheckOptions, type FormOutcome, type SheetFix, seenKey } from '../../core/gateway';
import { clearedText } from '../../core/outcomeText';
import { readReport } from '../../core/report';
import { act, type PaneBase, show } from './paneBase';

/** What the check saw in a cell of a sheet (undefined: not seen). */
export function seenOf(b: PaneBase, sheet: string, cell: string): RawValue | undefined {
  return b.checked?.seen?.[seenKey(sheet, cell)];
}

/** A fix with what the check saw in its cell, so 修正 skips a cell changed since. */
export function withSeen(
  b: PaneBase,
  sheet: string,
  fix: { cell: string; value: string },
): SheetFix {
  const seen = b.checked?.seen?.[seenKey(sheet, fix.cell)];
  return seen === undefined ? { sheet, ...fix } : { sheet, ...fix, seen };
}

/** Every fix of every form checked. */
export function fixesOf(b: PaneBase): SheetFix[] {
  return (b.checked?.forms ?? []).flatMap((form) =>
    form.findings.flatMap((f) => (f.fix ? [withSeen(b, form.sheet, f.fix)] : [])),
  );
}

/** 校验, 全部工作表, 修正 and 全部修正. */
export function checkActions(b: PaneBase, fixes: SheetFix[], preview: SheetFix[] | null) {
  const { gateway } = b;
  const options = (): CheckOptions => {
    b.cancel.current = false;
    return { onProgress: b.setProgress, cancelled: () => b.cancel.current, outline: b.outline };
  };
  // A report travels with the fixes' re-check, not with a fresh 校验.
  const fixAndCheck = (f: SheetFix[]) =>
    b.report ? gateway.applyFixes(f, b.scope, b.report) : gateway.applyFixes(f, b.scope);
  const fresh = (scope: 'sheet' | 'workbook') => async () => {
    b.setReport(null);
    show(b, await gateway.check(scope, undefined, options()));
  };
  return {
    onCheck: () => act(b, 'check', fresh('sheet')),
    onCheckAll: () => act(b, 'checkAll', fresh('workbook')),
    // 全部修正 shows what it will write and asks once.
    onFixAll: () => b.setPreview(fixes),
    onConfirmFixes: () => {
      const list = preview ?? [];
      b.setPreview(null);
      void act(b, 'fix', async () => show(b, await fixAndCheck(list)));
    },
    onFix: (sheet: string) => (f: Finding) =>
      act(b, 'fix', async () =>
        f.fix ? show(b, await fixAndCheck([withSeen(b, sheet, f.fix)])) : undefined,
      ),
  };
}

/** 说明…, 更正读取方式 and the profile choice: stored in the workbook, then checked again. */
export function storeActions(b: PaneBase) {
  const { gateway } = b;
  const onExplain = gateway.explain
    ? (sheet: string) => async (f: Finding, text: string) => {
        const o = await gateway.explain!(sheet, f, text, b.scope, b.report ?? undefined);
        // A refusal keeps the dialog open with the sentence.
        if (o.kind === 'error') throw new Error(o.message);
        show(b, o);
      }
    : null;
  // 更正读取方式: stored in the workbook, then checked again; a refusal is said in the section.
  const onCorrect = gateway.correctReading
    ? (form: FormOutcome) =>
        async (c: ReadingCorrection): Promise<string | null> => {
          if (!form.reading) return null;
          const corrected = correctReading(form.reading, form.sheet, c);
          if ('error' in corrected) return corrected.error;
          let refused: string | null = null;
          await act(b, 'check', async () => {
            const o = await gateway.correctReading!(form.sheet, corrected.layout, b.scope);
            if (o.kind === 'error') refused = o.message;
            show(b, o);
          });
          return refused;
        }
    : null;
  const onPickProfile = (id: string | null) =>
    act(b, 'check', async () => {
      if (!gateway.setProfile) return;
      b.setStoredProfile(id);
      show(b, await gateway.setProfile(id, b.scope));
    });
  return { onExplain, onCorrect, onPickProfile };
}

/** 核对自评报告 and the choice of the form it is checked against. */
export function reportActions(b: PaneBase) {
  const failed = (text: string) =>
    b.setMessage({ intent: 'error', title: '无法核对自评报告', text });
  const onReport = (file: File) =>
    act(b, 'report', async () => {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        failed(`无法读取“${file.name}”：请确认文件没有被其他程序占用，再重新选择。`);
        return;
      }
      const read = readReport(file.name, bytes);
      if (read.kind === 'error') {
        failed(read.message);
        return;
      }
      b.setReport(read.report);
      show(b, await b.gateway.check(b.scope, read.report));
    });
  const onPickReportForm = (pick: number) =>
    act(b, 'report', async () => {
      if (!b.report) return;
      const picked = { ...b.report, pick };
      b.setReport(picked);
      show(b, await b.gateway.check(b.scope, picked));
    });
  return { onReport, onPickReportForm };
}

/** 定位, 清除标记 and 导出. */
export function sheetActions(b: PaneBase) {
  const { gateway } = b;
  const onSelect = (sheet: string) => (cell: string) => {
    if (cell)
      void gateway.select(sheet, cell).then((r) =>
        r.kind === 'error'
          ? b.setMessage({
              intent: 'error',
              title: '无法定位单元格',
              text: r.message,
              detail: r.detail,
            })
          : undefined,
      );
  };
  const onClear = () =>
    act(b, 'clear', async () => {
      const r = await gateway.clearMarks();
      b.store.set(null);
      b.setReport(null);
      const text = r.kind === 'cleared' ? clearedText(r) : r.message;
      const title = r.kind === 'cleared' ? '已清除标记' : '无法清除标记';
      b.setMessage({ intent: r.kind === 'cleared' ? 'success' : 'error', title, text });
      b.setLive(`${title}。${text}`);
    });
  const onExport = () =>
    act(b, 'export', async () => {
      if (!b.checked) return;
      const r = await gateway.exportFindings(b.checked.forms);
      b.setMessage(
        r.kind === 'done'
          ? {
              intent: 'success',
              title: '已导出',
              text: `结果已写入“${r.sheet ?? '校验结果'}”工作表。`,
            }
          : { intent: 'error', title: '无法导出', text: r.message, detail: r.detail },
      );
    });
  return { onSelect, onClear, onExport };
}

export type PaneActions = ReturnType<typeof checkActions> &
  ReturnType<typeof storeActions> &
  ReturnType<typeof reportActions> &
  ReturnType<typeof sheetActions>;

export function paneActions(
  b: PaneBase,
  fixes: SheetFix[],
  preview: SheetFix[] | null,
): PaneActions {
  return {
    ...checkActions(b, fixes, preview),
    ...storeActions(b),
    ...reportActions(b),
    ...sheetActions(b),
  };
}
