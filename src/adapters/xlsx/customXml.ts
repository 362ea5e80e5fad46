import { randomUUID } from 'crypto';
import { EXPLANATIONS_NAMESPACE, type ExplanationPart } from '../../engine/explain/types';
import { parseExplanations, serializeExplanations } from '../../engine/explain/xml';
import { Budget, CORRUPT, readDirectory, streamEntry, UnreadableFile, type ZipEntry } from './zip';
import { freshEntry, type OutEntry, storedEntry, zipOf } from './zipWrite';

/**
 * The custom XML part of an .xlsx package, as Office.js `workbook.customXmlParts` keeps it
 * (customXml/itemN.xml, its itemPropsN.xml and rels, a workbook relationship, a content type):
 * the CLI reads and writes the same part the add-in does (RULES §7.1).
 */

/** Parts read here are small; a package claiming more for one is not ours to trust. */
const PART_BUDGET = 16 * 1024 * 1024;

function text(buf: Uint8Array, e: ZipEntry): string {
  let out = '';
  streamEntry(buf, e, new Budget(PART_BUDGET, () => CORRUPT), (t) => (out += t));
  return out;
}

const ITEM = /^customXml\/item(\d+)\.xml$/;

/** The XML of the package's custom part in `namespace` (its root's namespace), or null. */
export function readCustomXmlPart(buf: Uint8Array, namespace: string): string | null {
  const entries = readDirectory(buf);
  for (const e of entries.values()) {
    if (!ITEM.test(e.name)) continue;
    const xml = text(buf, e);
    const root = /<(?!\?)(?!!)[^>]*>/.exec(xml)?.[0] ?? '';
    if (root.includes(`"${namespace}"`) || root.includes(`'${namespace}'`)) return xml;
  }
  return null;
}

/** The workbook's 审核说明 and profile choice, or null when it holds none (or an unreadable one). */
export function readExplanationPart(buf: Uint8Array): ExplanationPart | null {
  try {
    const xml = readCustomXmlPart(buf, EXPLANATIONS_NAMESPACE);
    return xml === null ? null : parseExplanations(xml);
  } catch (e) {
    if (e instanceof UnreadableFile) return null;
    throw e;
  }
}

const REL_CUSTOM_XML =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const REL_PROPS =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';

/**
 * The package with the custom part in `namespace` set to `xml`: the part replaced where it is,
 * else added as the next customXml/itemN.xml with its properties, rels, the workbook's
 * relationship and the content type. Every other entry is copied byte for byte.
 */
export function writeCustomXmlPart(buf: Uint8Array, namespace: string, xml: string): Buffer {
  const entries = readDirectory(buf);
  const copied = (e: ZipEntry): OutEntry => {
    if (e.flags & 1)
      throw new UnreadableFile('文件已加密（设有打开密码），请取消密码并另存为 .xlsx 后再处理。');
    return storedEntry(buf, e);
  };
  let existing: string | null = null;
  let highest = 0;
  for (const e of entries.values()) {
    const m = ITEM.exec(e.name);
    if (!m) continue;
    highest = Math.max(highest, Number(m[1]));
    const root = /<(?!\?)(?!!)[^>]*>/.exec(text(buf, e))?.[0] ?? '';
    if (root.includes(`"${namespace}"`) || root.includes(`'${namespace}'`)) existing = e.name;
  }
  if (existing) {
    return zipOf(
      [...entries.values()].map((e) => (e.name === existing ? freshEntry(e.name, xml) : copied(e))),
    );
  }
  const n = highest + 1;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  const types = entries.get('[Content_Types].xml');
  const wbRels = entries.get('xl/_rels/workbook.xml.rels');
  if (!types || !wbRels) throw new UnreadableFile(CORRUPT);
  let typesXml = text(buf, types);
  if (!/<Default\s[^>]*Extension="xml"/i.test(typesXml))
    typesXml = typesXml.replace(
      '</Types>',
      `<Override PartName="/${item}" ContentType="application/xml"/></Types>`,
    );
  typesXml = typesXml.replace(
    '</Types>',
    `<Override PartName="/${props}" ContentType="${PROPS_TYPE}"/></Types>`,
  );
  let relsXml = text(buf, wbRels);
  let id = `rIdSelfeval${n}`;
  while (relsXml.includes(`Id="${id}"`)) id += 'x';
  relsXml = relsXml.replace(
    '</Relationships>',
    `<Relationship Id="${id}" Type="${REL_CUSTOM_XML}" Target="../${item}"/></Relationships>`,
  );
  const out = [...entries.values()].map((e) =>
    e === types
      ? freshEntry(e.name, typesXml)
      : e === wbRels
        ? freshEntry(e.name, relsXml)
        : copied(e),
  );
  out.push(
    freshEntry(item, xml),
    freshEntry(
      props,
      `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{${randomUUID().toUpperCase()}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${namespace}"/></ds:schemaRefs></ds:datastoreItem>`,
    ),
    freshEntry(
      `customXml/_rels/item${n}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_PROPS}" Target="itemProps${n}.xml"/></Relationships>`,
    ),
  );
  return zipOf(out);
}

/** The package carrying `part` as its 审核说明 (and profile choice). */
export function writeExplanationPart(buf: Uint8Array, part: ExplanationPart): Buffer {
  return writeCustomXmlPart(buf, EXPLANATIONS_NAMESPACE, serializeExplanations(part));
}
