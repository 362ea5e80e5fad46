import { randomUUID } from 'crypto';
import { deflateRawSync } from 'zlib';
import { EXPLANATIONS_NAMESPACE, type ExplanationPart } from '../../engine/explain/types';
import { parseExplanations, serializeExplanations } from '../../engine/explain/xml';
import {
  Budget,
  CORRUPT,
  dataOf,
  readDirectory,
  streamEntry,
  UnreadableFile,
  type ZipEntry,
} from './zip';

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

// CRC-32 of new parts (the table once).
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Uint8Array): number {
  let c = ~0;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

interface OutEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  size: number;
  data: Uint8Array;
}

function fresh(name: string, content: string): OutEntry {
  const raw = Buffer.from(content, 'utf8');
  return {
    name,
    method: 8,
    flags: 0x0800,
    crc: crc32(raw),
    size: raw.length,
    data: deflateRawSync(raw),
  };
}

/** 1980-01-01, the first date a zip can hold (entries' own times are not kept). */
const DOS_DATE = (1 << 5) | 1;

/** A zip of the entries in order (no ZIP64: an .xlsx over 4 GB is refused long before). */
function zipOf(entries: OutEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    // Sizes are in the local header, so no data descriptor follows (bit 3 cleared).
    const flags = (e.flags & ~0x0008) | 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt16LE(DOS_DATE, 14);
    dir.writeUInt32LE(e.crc, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data.buffer, e.data.byteOffset, e.data.length));
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
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
    return {
      name: e.name,
      method: e.method,
      flags: e.flags,
      crc: e.crc,
      size: e.size,
      data: dataOf(buf, e),
    };
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
      [...entries.values()].map((e) => (e.name === existing ? fresh(e.name, xml) : copied(e))),
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
    e === types ? fresh(e.name, typesXml) : e === wbRels ? fresh(e.name, relsXml) : copied(e),
  );
  out.push(
    fresh(item, xml),
    fresh(
      props,
      `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{${randomUUID().toUpperCase()}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${namespace}"/></ds:schemaRefs></ds:datastoreItem>`,
    ),
    fresh(
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
