import { Budget, CORRUPT, readDirectory, streamEntry, UnreadableFile, type ZipEntry } from '../zip';
import { freshEntry, type OutEntry, storedEntry, zipOf } from '../zipWrite';

/**
 * An OPC package opened for patching: parts are read as text only when asked, and a part that is
 * not replaced keeps its stored (compressed) bytes and CRC, so it is copied byte for byte.
 */

export class Package {
  private readonly entries: Map<string, ZipEntry>;
  /** Lower-cased name → stored name: part names are case-insensitive (OPC). */
  private readonly lower = new Map<string, string>();
  private readonly replaced = new Map<string, string>();
  /** Texts as read, so setting a part to what it was leaves its stored bytes alone. */
  private readonly originals = new Map<string, string>();
  private readonly order: string[];

  constructor(
    private readonly buf: Uint8Array,
    private readonly budget: Budget,
  ) {
    this.entries = readDirectory(buf);
    this.order = [...this.entries.keys()];
    for (const [name, e] of this.entries) {
      if (e.flags & 1)
        throw new UnreadableFile('文件已加密（设有打开密码），请取消密码并另存为 .xlsx 后再处理。');
      this.lower.set(name.toLowerCase(), name);
    }
  }

  /** The stored name of `name` (any case, a leading slash or backslashes allowed), or null. */
  find(name: string): string | null {
    const n = name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
    for (const [k, v] of this.replaced) if (k.toLowerCase() === n && v !== null) return k;
    return this.lower.get(n) ?? null;
  }

  has(name: string): boolean {
    return this.find(name) !== null;
  }

  /** A part's text (UTF-8), its new text when replaced; every inflated byte counts on the budget. */
  text(name: string): string {
    const stored = this.find(name);
    if (stored === null) throw new UnreadableFile(CORRUPT);
    const mine = this.replaced.get(stored);
    if (mine !== undefined) return mine;
    let out = '';
    streamEntry(this.buf, this.entries.get(stored)!, this.budget, (t) => (out += t));
    // A byte-order mark is not part of the XML's text.
    if (out.charCodeAt(0) === 0xfeff) out = out.slice(1);
    this.originals.set(stored, out);
    return out;
  }

  /** Sets a part's text: an existing part keeps its stored name and place, a new one goes last. */
  set(name: string, text: string): void {
    const stored = this.find(name) ?? name;
    if (this.entries.has(stored) && this.originals.get(stored) === text) {
      this.replaced.delete(stored);
      return;
    }
    if (!this.entries.has(stored) && !this.replaced.has(stored)) this.order.push(stored);
    this.replaced.set(stored, text);
  }

  /** A part name not yet taken: `prefix` + the first free number + `suffix`. */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) if (!this.has(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
  }

  names(): string[] {
    return [...this.order];
  }

  /** Whether `name` is written anew (a test compares every other part byte for byte). */
  changed(name: string): boolean {
    return this.replaced.has(this.find(name) ?? name);
  }

  private stored(name: string): OutEntry {
    const text = this.replaced.get(name);
    return text !== undefined
      ? freshEntry(name, text)
      : storedEntry(this.buf, this.entries.get(name)!);
  }

  /** The package as a zip: the parts in their order, each untouched part's bytes as stored. */
  toBuffer(): Buffer {
    return zipOf(this.order.map((n) => this.stored(n)));
  }
}

/** The folder of a part ("xl/worksheets/sheet1.xml" → "xl/worksheets"). */
export function folderOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** A relationship's target as a part name, relative to the folder of its source part. */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = decodeURI(target.replace(/\\/g, '/'));
  const parts = t.startsWith('/') ? [] : folderOf(sourcePart).split('/').filter(Boolean);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/** The rels part of a part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export function relsOf(part: string): string {
  const dir = folderOf(part);
  const base = part.slice(dir.length ? dir.length + 1 : 0);
  return `${dir ? `${dir}/` : ''}_rels/${base}.rels`;
}

/** A relative target from one part to another (both package names). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = folderOf(fromPart).split('/').filter(Boolean);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of one start tag (names as written, values XML-decoded). */
export function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTR)) out[m[1]] = xmlDecode(m[2] ?? m[3] ?? '');
  return out;
}

const ENTITY: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  apos: "'",
  quot: '"',
};
export function xmlDecode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, e: string) => {
    if (e[0] !== '#') return ENTITY[e] ?? all;
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
  });
}

/** Text for XML content or a quoted attribute; characters XML 1.0 cannot hold are dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Relationships of a rels part (prefixed or not). */
export function readRels(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const a = attrsOf(m[0]);
    out.push({
      id: a.Id ?? '',
      type: a.Type ?? '',
      target: a.Target ?? '',
      external: a.TargetMode === 'External',
    });
  }
  return out;
}

export const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** Adds a relationship to a rels part's XML; returns the new XML and the id given. */
export function addRel(
  xml: string,
  type: string,
  target: string,
  stem = 'rIdSelfeval',
): { xml: string; id: string } {
  const taken = new Set(readRels(xml).map((r) => r.id));
  let n = 1;
  while (taken.has(`${stem}${n}`)) n++;
  const id = `${stem}${n}`;
  const close = /<\/((?:[\w.-]+:)?)Relationships\s*>/.exec(xml);
  const rel = (p: string) =>
    `<${p}Relationship Id="${id}" Type="${type}" Target="${xmlEscape(target)}"/>`;
  if (close) {
    return {
      xml: xml.slice(0, close.index) + rel(close[1]) + xml.slice(close.index),
      id,
    };
  }
  // A self-closed <Relationships/>.
  const self = /<((?:[\w.-]+:)?)Relationships\b([^>]*?)\/>/.exec(xml);
  if (!self) throw new UnreadableFile(CORRUPT);
  return {
    xml:
      xml.slice(0, self.index) +
      `<${self[1]}Relationships${self[2]}>${rel(self[1])}</${self[1]}Relationships>` +
      xml.slice(self.index + self[0].length),
    id,
  };
}

/** Makes sure [Content_Types].xml covers `part` (an Override, unless a Default for its extension already says `type`). */
export function ensureContentType(pkg: Package, part: string, type: string): void {
  const name = '[Content_Types].xml';
  let xml = pkg.text(name);
  const prefix = /<((?:[\w.-]+:)?)Types\b/.exec(xml)?.[1] ?? '';
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Override\b[^>]*>/g)) {
    const a = attrsOf(m[0]);
    if ((a.PartName ?? '').replace(/^\//, '').toLowerCase() === part.toLowerCase()) {
      if (a.ContentType === type) return;
      xml = xml.replace(
        m[0],
        m[0].replace(/ContentType\s*=\s*("[^"]*"|'[^']*')/, `ContentType="${type}"`),
      );
      pkg.set(name, xml);
      return;
    }
  }
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Default\b[^>]*>/g)) {
    const a = attrsOf(m[0]);
    if ((a.Extension ?? '').toLowerCase() === ext && a.ContentType === type) return;
  }
  const override = `<${prefix}Override PartName="/${xmlEscape(part)}" ContentType="${type}"/>`;
  const close = new RegExp(`</${prefix.replace('.', '\\.')}Types\\s*>`).exec(xml);
  if (!close) throw new UnreadableFile(CORRUPT);
  pkg.set(name, xml.slice(0, close.index) + override + xml.slice(close.index));
}

/** Makes sure [Content_Types].xml has a Default for `ext` (as VML drawings need). */
export function ensureDefault(pkg: Package, ext: string, type: string): void {
  const name = '[Content_Types].xml';
  const xml = pkg.text(name);
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Default\b[^>]*>/g))
    if ((attrsOf(m[0]).Extension ?? '').toLowerCase() === ext.toLowerCase()) return;
  const prefix = /<((?:[\w.-]+:)?)Types\b/.exec(xml)?.[1] ?? '';
  const close = /<\/(?:[\w.-]+:)?Types\s*>/.exec(xml);
  if (!close) throw new UnreadableFile(CORRUPT);
  pkg.set(
    name,
    xml.slice(0, close.index) +
      `<${prefix}Default Extension="${ext}" ContentType="${type}"/>` +
      xml.slice(close.index),
  );
}

export { Budget };
