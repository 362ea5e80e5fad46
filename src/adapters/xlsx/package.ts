import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { scanXml, type ScanSink, UNSURE } from './scanXml';
import {
  Budget,
  CORRUPT,
  entryText,
  readDirectory,
  streamEntry,
  UnreadableFile,
  type ZipEntry,
} from './zip';

/**
 * An OOXML package opened the way Office opens it: part names compared case-insensitively with
 * backslashes read as slashes, parts found through their relationships (never by a fixed name),
 * relationship types matched by their last segment so transitional and strict (purl.oclc.org)
 * packages read alike.
 */
export class Package {
  private readonly parts = new Map<string, ZipEntry>();
  constructor(
    readonly buf: Uint8Array,
    readonly budget: Budget,
  ) {
    for (const [name, e] of readDirectory(buf)) {
      const key = normalise(name);
      // The first of two names that differ only in case wins, as in Office.
      if (!this.parts.has(key)) this.parts.set(key, e);
    }
  }

  part(name: string): ZipEntry | undefined {
    return this.parts.get(normalise(name));
  }

  /**
   * Parses one part (absent: nothing happens) with tags and attributes named locally. Given a
   * function making fresh handlers, the part is scanned fast when it is plain (parseXmlFast).
   */
  parse(entry: ZipEntry | undefined, on: XmlHandlers | (() => XmlHandlers)): void {
    if (!entry) return;
    if (typeof on === 'function') parseXmlFast(this.buf, entry, this.budget, on);
    else parseXml(this.buf, entry, this.budget, on);
  }

  /** The relationships of a part ('' for the package's own), targets resolved to part names. */
  relsOf(source: string): Relationship[] {
    const slash = source.lastIndexOf('/');
    const dir = slash < 0 ? '' : source.slice(0, slash + 1);
    const file = source.slice(slash + 1);
    let out: Relationship[] = [];
    this.parse(this.part(`${dir}_rels/${file}.rels`), () => {
      const rels: Relationship[] = (out = []);
      return {
        open: (tag) => {
          if (tag.name !== 'Relationship') return;
          const a = tag.attributes as Record<string, string>;
          if (a.TargetMode === 'External' || a.Target === undefined) return;
          rels.push({ id: a.Id, type: typeOf(a.Type ?? ''), target: resolve(dir, a.Target) });
        },
      };
    });
    return out;
  }
}

export interface Relationship {
  id: string;
  /** The type's last segment: "officeDocument", "worksheet", "sharedStrings". */
  type: string;
  /** The target's part name, resolved against the source part's folder. */
  target: string;
}

function typeOf(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

function normalise(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/** A relationship target as a part name: absolute from the package root, else from `dir`. */
export function resolve(dir: string, target: string): string {
  let t = target.trim().replace(/\\/g, '/');
  try {
    t = decodeURIComponent(t);
  } catch {
    // A stray % is part of the name.
  }
  const path = t.startsWith('/') ? t.slice(1) : dir + t;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

export interface XmlHandlers {
  open?: (tag: SaxesTagPlain) => void;
  text?: (t: string) => void;
  close?: (name: string) => void;
}

/** A tag's name without its namespace prefix (`x:workbook`, written by the Open XML SDK). */
export function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** The handlers given tags by their local names (see parseXml), as one sink for either parser. */
function localising(on: XmlHandlers): ScanSink {
  const open = on.open;
  const text = on.text;
  const close = on.close;
  // The root decides. Unprefixed (as Excel writes): the handlers get the tags as they are, and
  // extension elements keep their prefixes (x15:workbookPr), so they never match. Prefixed
  // (<x:workbook>, the Open XML SDK): names are made local, and extensions (extLst) are skipped
  // whole, their elements then sharing the main ones' local names.
  let prefixed: boolean | null = null;
  let ext = 0;
  return {
    open: (t) => {
      if (prefixed === null) prefixed = t.name.indexOf(':') >= 0;
      if (!prefixed) return open?.(t as SaxesTagPlain);
      const name = local(t.name);
      if (name === 'extLst') ext++;
      // A copy, not the tag: saxes matches the closing tag against the name it keeps.
      else if (ext === 0 && open) open(name === t.name ? (t as SaxesTagPlain) : { ...t, name });
    },
    text: text
      ? (t) => {
          // Before the root (prefixed still null) saxes's text went to no handler.
          if (prefixed === false || (prefixed && ext === 0)) text(t);
        }
      : undefined,
    close: (tagName) => {
      if (!prefixed) return close?.(tagName);
      const name = local(tagName);
      if (name === 'extLst') ext--;
      else if (ext === 0 && close) close(name);
    },
  };
}

/** A saxes parser that hands its events to the sink (and throws CORRUPT at the first error). */
function saxesInto(sink: ScanSink): SaxesParser {
  // No line and column tracking: an error is reported as a damaged file, without a position.
  const parser = new SaxesParser({ position: false });
  parser.on('error', () => {
    throw new UnreadableFile(CORRUPT);
  });
  parser.on('opentag', (tag) => sink.open(tag as SaxesTagPlain));
  const text = sink.text;
  if (text) parser.on('text', text);
  parser.on('closetag', (tag) => sink.close(tag.name));
  return parser;
}

/**
 * Parses one part with saxes. Tag names reach the handlers without the document's prefix;
 * attributes keep theirs (an `r:id` may be spelt `ns1:id`: see relId).
 */
export function parseXml(buf: Uint8Array, entry: ZipEntry, budget: Budget, on: XmlHandlers): void {
  const parser = saxesInto(localising(on));
  // Not closed: a part cut short after its data reads as far as it goes.
  streamEntry(buf, entry, budget, (chunk) => parser.write(chunk));
}

/**
 * Parses one part as parseXml does, with the fast scanner (scanXml.ts) when the part is plain:
 * `handlers()` gives fresh handlers, called again for saxes when the scanner is unsure.
 */
export function parseXmlFast(
  buf: Uint8Array,
  entry: ZipEntry,
  budget: Budget,
  handlers: () => XmlHandlers,
): void {
  const xml = entryText(buf, entry, budget);
  try {
    scanXml(xml, localising(handlers()));
  } catch (e) {
    if (e !== UNSURE) throw e;
    // Not closed: a part cut short after its data reads as far as it goes.
    saxesInto(localising(handlers())).write(xml);
  }
}

/** The relationship id attribute (`r:id` under whatever prefix the writer chose). */
export function relId(a: Record<string, string>): string | undefined {
  if (a['r:id'] !== undefined) return a['r:id'];
  for (const k in a) if (k.endsWith(':id')) return a[k];
  return undefined;
}
