/**
 * A fast scanner for the plain XML spreadsheet writers produce: tags, attributes, text and the
 * five entities and character references, no DTD, comments, CDATA or processing instructions. It
 * gives the events saxes gives for such a part (saxes was most of the reader's time); for
 * anything else, well-formed or not, it throws UNSURE before or while scanning, and the caller
 * reads the part again with saxes from the start, which then decides.
 */

/** The scanner met something it does not read exactly as saxes does. */
export const UNSURE = new Error('xml: not plain');

export interface ScanTag {
  name: string;
  attributes: Record<string, string>;
  isSelfClosing: boolean;
}

export interface ScanSink {
  open(tag: ScanTag): void;
  /** Absent: text is not wanted (nothing is sliced for it). */
  text?: (t: string) => void;
  close(name: string): void;
}

// The declaration as writers put it; anything else (another version, odd spacing) goes to saxes.
const DECL =
  /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.0\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][\w.-]*\2)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\3)?[ \t\n]*\?>/;
// Markup and characters the scanner leaves to saxes: <! and <? (comments, CDATA, DTD, PIs),
// characters XML 1.0 forbids, an & that is not one of the five entities or a character
// reference, a < not followed by a plain name, and ]]> in text.
const ODD =
  /<[!?]|[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});)|<(?!\/?[A-Za-z_][\w.:-]*[ \t\n/>])|]]>/g;
const ENTITY = /&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(ENTITY, (_m, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e];
    const cp = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    // Characters XML forbids, even as references: saxes refuses them.
    if (
      cp > 0x10ffff ||
      (cp < 0x20 && cp !== 9 && cp !== 10 && cp !== 13) ||
      (cp >= 0xd800 && cp <= 0xdfff) ||
      cp === 0xfffe ||
      cp === 0xffff
    )
      throw UNSURE;
    return String.fromCodePoint(cp);
  });
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9;
/** A character of a plain name: letters, digits, _ . : - (the first not a digit, . or -). */
function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 58) ||
    c === 95 ||
    c === 46 ||
    c === 45
  );
}
function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
}

/** Where the plain name starting at p ends (p itself when there is none). */
function nameEnd(xml: string, p: number): number {
  if (p >= xml.length || !isNameStart(xml.charCodeAt(p))) return p;
  let q = p + 1;
  while (q < xml.length && isNameChar(xml.charCodeAt(q))) q++;
  return q;
}

/** The text of a part with the end-of-line handling XML prescribes (CR LF and CR read as LF). */
function normaliseLines(xml: string): string {
  return xml.indexOf('\r') < 0 ? xml : xml.replace(/\r\n?/g, '\n');
}

/**
 * Scans a whole part. Events come as saxes gives them; a part cut short inside a tag is left to
 * saxes (UNSURE), text after the last tag is not given (saxes, never closed, holds it too).
 * Throws UNSURE, or what the sink throws.
 */
export function scanXml(input: string, sink: ScanSink): void {
  const xml = normaliseLines(input);
  const decl = DECL.exec(xml);
  const p = decl ? decl[0].length : 0;
  ODD.lastIndex = p;
  if (ODD.test(xml)) throw UNSURE;
  new Scanner(xml, sink).run(p);
}

class Scanner {
  private readonly stack: string[] = [];
  private rooted = false;
  constructor(
    private readonly xml: string,
    private readonly sink: ScanSink,
  ) {}

  run(from: number): void {
    const { xml, sink, stack } = this;
    let p = from;
    for (;;) {
      const lt = xml.indexOf('<', p);
      const end = lt < 0 ? xml.length : lt;
      if (end > p) {
        if (stack.length === 0) {
          // Outside the root only spaces may stand (saxes says so even before the root).
          for (let i = p; i < end; i++) if (!isSpace(xml.charCodeAt(i))) throw UNSURE;
        } else if (lt >= 0 && sink.text) {
          const t = xml.slice(p, end);
          sink.text(t.indexOf('&') < 0 ? t : decodeEntities(t));
        }
      }
      if (lt < 0) return;
      p = xml.charCodeAt(lt + 1) === 47 ? this.closeTag(lt) : this.openTag(lt);
    }
  }

  /** `</name>` at lt: where it ends (a part ending inside it is saxes's to judge). */
  private closeTag(lt: number): number {
    const { xml } = this;
    const q = nameEnd(xml, lt + 2);
    if (q === lt + 2) throw UNSURE;
    let r = q;
    while (r < xml.length && isSpace(xml.charCodeAt(r))) r++;
    if (r >= xml.length) throw UNSURE;
    if (xml.charCodeAt(r) !== 62) throw UNSURE;
    const name = xml.slice(lt + 2, q);
    if (this.stack.pop() !== name) throw UNSURE;
    this.sink.close(name);
    return r + 1;
  }

  /** `<name a="v" …>` or `…/>` at lt: where it ends (a part ending inside it is saxes's to judge). */
  private openTag(lt: number): number {
    const { xml } = this;
    const n = xml.length;
    const q = nameEnd(xml, lt + 1);
    if (q === lt + 1) throw UNSURE;
    const name = xml.slice(lt + 1, q);
    const attributes: Record<string, string> = {};
    let r = q;
    for (;;) {
      const before = r;
      while (r < n && isSpace(xml.charCodeAt(r))) r++;
      if (r >= n) throw UNSURE;
      const c = xml.charCodeAt(r);
      if (c === 62 || c === 47) break;
      // An attribute: after at least one space, name = "value" (or 'value').
      if (r === before) throw UNSURE;
      const e = nameEnd(xml, r);
      if (e === r || xml.charCodeAt(e) !== 61) throw UNSURE;
      const quote = xml.charCodeAt(e + 1);
      if (quote !== 34 && quote !== 39) throw UNSURE;
      const close = xml.indexOf(quote === 34 ? '"' : "'", e + 2);
      if (close < 0) throw UNSURE;
      const key = xml.slice(r, e);
      if (key in attributes) throw UNSURE;
      attributes[key] = attributeValue(xml.slice(e + 2, close));
      r = close + 1;
    }
    const selfClosing = xml.charCodeAt(r) === 47;
    if (selfClosing) {
      if (r + 1 >= n) throw UNSURE;
      if (xml.charCodeAt(r + 1) !== 62) throw UNSURE;
    }
    // A second root: saxes refuses it.
    if (this.stack.length === 0 && this.rooted) throw UNSURE;
    this.rooted = true;
    this.sink.open({ name, attributes, isSelfClosing: selfClosing });
    if (selfClosing) this.sink.close(name);
    else this.stack.push(name);
    return selfClosing ? r + 2 : r + 1;
  }
}

/** An attribute's value as saxes gives it: tabs and newlines as spaces, then entities decoded. */
function attributeValue(raw: string): string {
  if (raw.indexOf('<') >= 0) throw UNSURE;
  let v = raw;
  if (v.indexOf('\n') >= 0 || v.indexOf('\t') >= 0) v = v.replace(/[\n\t]/g, ' ');
  return v.indexOf('&') < 0 ? v : decodeEntities(v);
}
