import { withExplanation } from '../../engine/explain/apply';
import {
  EXPLANATIONS_NAMESPACE,
  type ExplanationPart,
  type StoredExplanation,
} from '../../engine/explain/types';
import { parseExplanations, serializeExplanations } from '../../engine/explain/xml';
import { type MarkRecord, parseRecord } from '../core/marks';
import type { EtWorkbook, EtXmlPart } from './et';

/**
 * What the add-in keeps in the workbook, in WPS: custom XML parts (Workbook.CustomXMLParts), since
 * ET has no Office.js-style settings. They travel inside the saved .xlsx, so 清除标记 still works
 * after the file is closed and reopened. The 审核说明 and profile choice use the same part (and
 * namespace) the CLI and the Excel add-in read and write.
 */
export const MARKS_NAMESPACE = 'urn:selfeval:marks:2';

function partsIn(wb: EtWorkbook, ns: string): EtXmlPart[] {
  const found = wb.CustomXMLParts.SelectByNamespace(ns);
  const n = found.Count;
  const out: EtXmlPart[] = [];
  for (let i = 1; i <= n; i++) out.push(found.Item(i));
  return out;
}

/** Replaces the parts of a namespace: the new one added first, so a failure leaves the old one. */
function replaceParts(wb: EtWorkbook, ns: string, xml: string | null): void {
  const stale = partsIn(wb, ns);
  if (xml !== null) wb.CustomXMLParts.Add(xml);
  for (const p of stale) p.Delete();
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

export function recordXml(record: MarkRecord): string {
  return `<marks xmlns="${MARKS_NAMESPACE}">${escapeXml(JSON.stringify(record))}</marks>`;
}

export function recordFromXml(xml: string): MarkRecord | null {
  const m = /<marks\b[^>]*>([\s\S]*)<\/marks>/.exec(xml);
  return m ? parseRecord(unescapeXml(m[1])) : null;
}

/** The marks of the last 校验 (null: none recorded). */
export function readRecord(wb: EtWorkbook): MarkRecord | null {
  const first = partsIn(wb, MARKS_NAMESPACE)[0];
  return first ? recordFromXml(first.XML) : null;
}

/** Stores the record, or removes it when nothing is marked any more. */
export function writeRecord(wb: EtWorkbook, record: MarkRecord): void {
  replaceParts(wb, MARKS_NAMESPACE, record.sheets.length ? recordXml(record) : null);
}

const EMPTY: ExplanationPart = { profile: null, explanations: [] };

export function loadExplanations(wb: EtWorkbook): ExplanationPart {
  const first = partsIn(wb, EXPLANATIONS_NAMESPACE)[0];
  return (first && parseExplanations(first.XML)) || EMPTY;
}

export function saveExplanations(wb: EtWorkbook, part: ExplanationPart): string {
  const xml = serializeExplanations(part);
  replaceParts(wb, EXPLANATIONS_NAMESPACE, xml);
  return xml;
}

/** One explanation added (replacing what answered the same finding), the part stored again. */
export function addExplanation(wb: EtWorkbook, entry: StoredExplanation): ExplanationPart {
  const part = loadExplanations(wb);
  const next = { ...part, explanations: withExplanation(part.explanations, entry) };
  saveExplanations(wb, next);
  return next;
}

/** The profile choice stored (null: back to the automatic choice), the explanations kept. */
export function storeProfileChoice(wb: EtWorkbook, profile: string | null): ExplanationPart {
  const next = { ...loadExplanations(wb), profile };
  saveExplanations(wb, next);
  return next;
}
