import { checkLocated, settleFixes } from '../../../engine/check';
import type { GridSnapshot } from '../../../engine/grid/types';
import { locateForms } from '../../../engine/locate/locateForm';
import type { FormModel } from '../../../engine/model/form';
import type { Profile } from '../../../engine/profile/profile';
import type { CheckScope, FormOutcome } from '../../core/gateway';
import type { MarkRecord } from '../../core/marks';
import type { EtWorkbook, EtWorksheet } from '../et';
import { type EtBox, boxOf, readEtSheet } from '../readEt';
import { readRecord } from '../store';
import { sheetNames } from './context';

export const RESULT_SHEET = '校验结果';

export interface SheetMeta {
  name: string;
  protected: boolean;
  box: EtBox;
}

export type Found = {
  forms: FormOutcome[];
  models: FormModel[];
  metas: Map<string, SheetMeta>;
  names: string[];
  previous: MarkRecord | null;
  foundElsewhere: string | null;
};

function metaOf(ws: EtWorksheet, name: string): SheetMeta {
  return { name, protected: ws.ProtectContents, box: boxOf(ws.UsedRange) };
}

/** Reads the active sheet, and the others when it holds no form (or scope is the workbook). */
export function readForms(
  wb: EtWorkbook,
  scope: CheckScope,
  profile: Profile,
): Found | { message: string } {
  const names = sheetNames(wb);
  const active = wb.ActiveSheet;
  const activeMeta = metaOf(active, active.Name);
  const previous = readRecord(wb);
  const metas = new Map([[activeMeta.name, activeMeta]]);
  const forms: FormOutcome[] = [];
  const models: FormModel[] = [];
  const snapshots: GridSnapshot[] = [];
  const checkSheet = (ws: EtWorksheet, meta: SheetMeta): number => {
    const snapshot = readEtSheet(ws, meta.name, meta.box);
    snapshots.push(snapshot);
    const located = locateForms([snapshot]);
    if (!located.found) return 0;
    // One consistent fix plan for the sheet (docs/rules.md#r-4a): 全部修正 settles in one round.
    const results = settleFixes(
      snapshot,
      located.forms.map(({ form }) => checkLocated(form, profile)),
      profile,
    );
    for (const r of results) forms.push({ ...r, sheet: meta.name });
    models.push(...located.forms.map(({ form }) => form));
    return results.length;
  };
  const onActive = checkSheet(active, activeMeta);
  let foundElsewhere: string | null = null;
  if (scope === 'workbook' || onActive === 0) {
    for (const name of names) {
      if (name === activeMeta.name || name === RESULT_SHEET) continue;
      const ws = wb.Worksheets.Item(name);
      const meta = metaOf(ws, name);
      metas.set(name, meta);
      const n = checkSheet(ws, meta);
      if (n > 0 && onActive === 0 && foundElsewhere === null) foundElsewhere = name;
      if (n > 0 && scope === 'sheet') break;
    }
  }
  if (forms.length === 0) {
    const located = locateForms(snapshots);
    return { message: located.found ? '' : located.message };
  }
  return {
    forms,
    models,
    metas,
    names,
    previous,
    foundElsewhere: scope === 'sheet' ? foundElsewhere : null,
  };
}
