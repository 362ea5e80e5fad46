import {
  EXPLANATIONS_NAMESPACE,
  type ExplanationPart,
  type StoredExplanation,
} from '../../engine/explain/types';
import { withExplanation } from '../../engine/explain/apply';
import { parseExplanations, serializeExplanations } from '../../engine/explain/xml';

/**
 * The workbook's 审核说明 and profile choice in a custom XML part (Office.js
 * `workbook.customXmlParts`, ExcelApi 1.5), the same XML the CLI reads and writes in the .xlsx
 * package (src/adapters/xlsx/customXml.ts). The slice of Office.js used is typed here, so a fake
 * (test/fakes/fakeCustomXml.ts) stands in for it; Excel.RequestContext fits it as it is.
 */
export interface XmlPartLike {
  id: string;
  getXml(): { value: string };
  delete(): void;
}
export interface XmlPartsContext {
  workbook: {
    customXmlParts: {
      getByNamespace(namespaceUri: string): {
        items: XmlPartLike[];
        load(properties: string): unknown;
      };
      add(xml: string): unknown;
    };
  };
  sync(): Promise<unknown>;
}
export type XmlRun = <T>(batch: (context: XmlPartsContext) => Promise<T>) => Promise<T>;

const EMPTY: ExplanationPart = { profile: null, explanations: [] };

/** The part as stored (the first one in our namespace), or none: one round trip, two syncs. */
export async function readExplanationXml(run: XmlRun): Promise<string | null> {
  return run(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(EXPLANATIONS_NAMESPACE);
    parts.load('items/id');
    await context.sync();
    const first = parts.items.find((x) => x.id);
    if (!first) return null;
    const xml = first.getXml();
    await context.sync();
    // A ClientResult is filled by the sync itself; it has no load().
    // eslint-disable-next-line office-addins/load-object-before-read
    return xml.value;
  });
}

export async function loadExplanations(run: XmlRun): Promise<ExplanationPart> {
  const xml = await readExplanationXml(run);
  return (xml && parseExplanations(xml)) || EMPTY;
}

/**
 * Stores the part: the new one added, then the old ones deleted, in one sync, so a failure leaves
 * the old part in place rather than none.
 */
export async function saveExplanations(run: XmlRun, part: ExplanationPart): Promise<string> {
  const xml = serializeExplanations(part);
  await run(async (context) => {
    const old = context.workbook.customXmlParts.getByNamespace(EXPLANATIONS_NAMESPACE);
    old.load('items/id');
    await context.sync();
    const stale = old.items.filter((x) => x.id);
    context.workbook.customXmlParts.add(xml);
    for (const p of stale) p.delete();
    await context.sync();
  });
  return xml;
}

/** One explanation added (replacing what answered the same finding), the part stored again. */
export async function addExplanation(
  run: XmlRun,
  entry: StoredExplanation,
): Promise<ExplanationPart> {
  const part = await loadExplanations(run);
  const next = { ...part, explanations: withExplanation(part.explanations, entry) };
  await saveExplanations(run, next);
  return next;
}

/** The profile choice stored (null: back to the automatic choice), the explanations kept. */
export async function storeProfileChoice(
  run: XmlRun,
  profile: string | null,
): Promise<ExplanationPart> {
  const next = { ...(await loadExplanations(run)), profile };
  await saveExplanations(run, next);
  return next;
}
