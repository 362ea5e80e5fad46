import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';

/** WordprocessingML's main namespace. */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** The same vocabulary under strict OOXML's name (ISO/IEC 29500 strict): read as W. */
export const W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
export const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
export const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

export class XmlError extends Error {}

/** Parses an XML part; a malformed part is an XmlError, never a half-read document. */
export function parseXml(text: string, part: string): Document {
  let problem: string | null = null;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning' && problem === null) problem = message;
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'application/xml');
  } catch (e) {
    throw new XmlError(`${part} 不是有效的 XML：${e instanceof Error ? e.message : String(e)}`);
  }
  if (problem !== null || !doc.documentElement)
    throw new XmlError(`${part} 不是有效的 XML：${problem ?? '没有根元素'}`);
  return doc;
}

export function serializeXml(doc: Document): string {
  const body = new XMLSerializer().serializeToString(doc);
  return body.startsWith('<?xml')
    ? body
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;
}

export function isElement(n: Node | null | undefined): n is Element {
  return !!n && n.nodeType === 1;
}

/** Is `n` the element w:`local` (or another namespace's, when given)? */
export function isEl(n: Node | null | undefined, local: string, ns: string = W): boolean {
  return isElement(n) && n.localName === local && inNs(n, ns);
}

/** Is `n` in namespace `ns` (W matching strict documents' W as well)? */
export function inNs(n: Element, ns: string): boolean {
  return n.namespaceURI === ns || (ns === W && n.namespaceURI === W_STRICT);
}

export function elementChildren(el: Element | Document): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (isElement(c)) out.push(c);
  return out;
}

/** The first child w:`local`, or null. */
export function child(el: Element, local: string, ns: string = W): Element | null {
  for (let c = el.firstChild; c; c = c.nextSibling)
    if (isElement(c) && isEl(c, local, ns)) return c;
  return null;
}

/** A w:val-style attribute (w:val, in the main namespace; some writers leave the prefix off). */
export function wAttr(el: Element, name: string): string | null {
  if (el.hasAttributeNS(W, name)) return el.getAttributeNS(W, name);
  if (el.hasAttributeNS(W_STRICT, name)) return el.getAttributeNS(W_STRICT, name);
  return el.hasAttribute(name) ? el.getAttribute(name) : null;
}

/** An on/off property (w:vanish, w:b): present and not switched off. */
export function isOn(el: Element | null): boolean {
  if (!el) return false;
  const v = wAttr(el, 'val');
  return v === null || !['0', 'false', 'off'].includes(v);
}

/** A tracked deletion of a row (w:trPr/w:del): Word shows the row struck out, its content is gone. */
function deletedRow(tr: Element): boolean {
  const trPr = child(tr, 'trPr');
  return !!trPr && !!child(trPr, 'del');
}

/**
 * The children that count as content, looking through the wrappers that may stand between a
 * parent and its content (w:sdt / w:sdtContent, w:customXml, w:smartTag, a tracked insertion of
 * rows or paragraphs, one branch of mc:AlternateContent); tracked deletions are left out.
 */
export function contentChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (const c of elementChildren(el)) {
    if (isEl(c, 'sdt')) {
      const content = child(c, 'sdtContent');
      if (content) out.push(...contentChildren(content));
    } else if (isEl(c, 'customXml') || isEl(c, 'ins') || isEl(c, 'moveTo')) {
      out.push(...contentChildren(c));
    } else if (isEl(c, 'del') || isEl(c, 'moveFrom')) {
      continue;
    } else if (isEl(c, 'AlternateContent', MC)) {
      const branch = alternative(c);
      if (branch) out.push(...contentChildren(branch));
    } else if (isEl(c, 'tr') && deletedRow(c)) {
      continue;
    } else {
      out.push(c);
    }
  }
  return out;
}

/** The one branch of mc:AlternateContent a reader shows: the first Choice, else the Fallback. */
export function alternative(ac: Element): Element | null {
  return child(ac, 'Choice', MC) ?? child(ac, 'Fallback', MC);
}

export type { Document, Element, Node };
