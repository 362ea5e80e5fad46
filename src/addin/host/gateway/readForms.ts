import { EXPLANATIONS_NAMESPACE, type ExplanationPart } from '../../../engine/explain/types';
import { parseExplanations } from '../../../engine/explain/xml';
import type { GridSnapshot } from '../../../engine/grid/types';
import { locateForms } from '../../../engine/locate/locateForm';
import type { FormModel } from '../../../engine/model/form';
import type { CheckOptions, CheckScope } from '../../core/gateway';
import { type MarkRecord, parseRecord, RECORD_KEY } from '../../core/marks';
import type { XmlPartsContext } from '../customXml';
import type { Capabilities } from '../excelHost';
import { queueSheetMeta, readSheetContent, type SheetMeta } from '../readSheet';

/** 校验结果, 校验结果（2）, …: result sheets hold no form, so 校验 never reads them. */
const RESULT_NAME = /^校验结果(（\d+）)?$/;

export type Found = {
  snapshots: { snapshot: GridSnapshot; sheet: string; forms: FormModel[] }[];
  metas: Map<string, SheetMeta>;
  names: string[];
  previous: MarkRecord | null;
  foundElsewhere: string | null;
  part: ExplanationPart;
};

/**
 * Reads the sheets and locates their forms. Sync 1: the sheet list, the active sheet's used range
 * (cells with values only), the previous marks and the explanation part's id. Then the active
 * sheet's cells (a sync per chunk; the part's XML rides on the first). With scope 'sheet' the
 * other sheets are read only when the active one holds no form, stopping at the first form; with
 * 'workbook' every sheet is read, one at a time.
 */
export async function readForms(
  context: Excel.RequestContext,
  scope: CheckScope,
  caps: Capabilities,
  control: CheckOptions,
): Promise<Found | { message: string }> {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/name');
  const setting = wb.settings.getItemOrNullObject(RECORD_KEY);
  setting.load('value');
  const parts = (context as unknown as XmlPartsContext).workbook.customXmlParts.getByNamespace(
    EXPLANATIONS_NAMESPACE,
  );
  parts.load('items/id');
  const active = queueSheetMeta(sheets.getActiveWorksheet());
  await context.sync(); // 1
  const names = sheets.items.map((s) => s.name);
  const previous = setting.isNullObject ? null : parseRecord(setting.value);
  const first = parts.items.find((x) => x.id);
  const xml = first ? first.getXml() : null; // read with the next sync
  const activeMeta = active.meta();
  const metas = new Map([[activeMeta.name, activeMeta]]);
  const snapshots: Found['snapshots'] = [];
  // The part (审核说明, profile, corrected readings) arrives with the first read's sync: the
  // readings it stores decide how each sheet is located.
  let part: ExplanationPart | null = null;
  const partNow = async (): Promise<ExplanationPart> => {
    if (!part) {
      const xmlText = xml ? await readClientValue(context, xml) : null;
      part = (xmlText && parseExplanations(xmlText)) || { profile: null, explanations: [] };
    }
    return part;
  };
  const readSheet = async (ws: Excel.Worksheet, meta: SheetMeta): Promise<number> => {
    const snapshot = await readSheetContent(context, ws, meta, caps, control);
    const located = locateForms([snapshot], (await partNow()).readings);
    const forms = located.found ? located.forms.map(({ form }) => form) : [];
    snapshots.push({ snapshot, sheet: meta.name, forms });
    return forms.length;
  };
  const onActive = await readSheet(active.ws, activeMeta);
  let foundElsewhere: string | null = null;
  if (scope === 'workbook' || onActive === 0) {
    const others = names
      .filter((n) => n !== activeMeta.name && !RESULT_NAME.test(n))
      .map((n) => queueSheetMeta(sheets.getItem(n)));
    if (others.length) await context.sync(); // every other sheet's used range, in one small response
    for (const o of others) {
      const meta = o.meta();
      metas.set(meta.name, meta);
      const n = await readSheet(o.ws, meta);
      if (n > 0 && onActive === 0 && foundElsewhere === null) foundElsewhere = meta.name;
      if (n > 0 && scope === 'sheet') break;
    }
  }
  // A blank sheet reads in no sync: the part's XML, when there is one, still needs its own.
  const stored = await partNow();
  if (!snapshots.some((s) => s.forms.length)) {
    const located = locateForms(
      snapshots.map((s) => s.snapshot),
      stored.readings,
    );
    return { message: located.found ? '' : located.message };
  }
  return {
    snapshots,
    metas,
    names,
    previous,
    foundElsewhere: scope === 'sheet' ? foundElsewhere : null,
    part: stored,
  };
}

/** A ClientResult's value, syncing only when the reads before did not already fill it. */
async function readClientValue(
  context: Excel.RequestContext,
  r: { value: string },
): Promise<string> {
  try {
    return r.value;
  } catch {
    await context.sync();
    return r.value;
  }
}
