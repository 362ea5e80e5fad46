import { child, elementChildren, isEl, isOn, wAttr, W, MC, type Element } from './xml';

/** One displayed piece of a paragraph: the run it sits in, the node that shows it, its text. */
export interface TextPiece {
  run: Element | null;
  node: Element;
  text: string;
}

/** Subtrees whose text is not shown in the paragraph's line (deleted text, field codes, drawings). */
const SKIPPED = new Set([
  'pPr',
  'rPr',
  'del',
  'moveFrom',
  'drawing',
  'pict',
  'object',
  'instrText',
  'delText',
  'delInstrText',
  'txbxContent',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
  'fldData',
]);

function hidden(run: Element): boolean {
  const rPr = child(run, 'rPr');
  return !!rPr && (isOn(child(rPr, 'vanish')) || isOn(child(rPr, 'webHidden')));
}

/**
 * The pieces of text a paragraph displays, in order: w:t, w:tab (a tab), w:br / w:cr (a line
 * break), non-breaking hyphens; deleted text, hidden runs and field instructions are left out, and
 * of a complex field only its result is shown.
 */
export function paragraphPieces(p: Element): TextPiece[] {
  const out: TextPiece[] = [];
  // Complex fields: a stack of 'code' | 'result' states; text shows when no field is in its code part.
  const fields: ('code' | 'result')[] = [];
  const showing = () => fields.every((f) => f === 'result');
  const walk = (el: Element, run: Element | null): void => {
    for (const c of elementChildren(el)) {
      if (c.namespaceURI === MC && c.localName === 'Fallback') continue;
      if (c.namespaceURI === W && SKIPPED.has(c.localName ?? '')) continue;
      if (isEl(c, 'r')) {
        if (!hidden(c)) walk(c, c);
        else {
          // A hidden run still opens and closes fields.
          for (const f of elementChildren(c)) if (isEl(f, 'fldChar')) fieldChar(f);
        }
        continue;
      }
      if (isEl(c, 'fldChar')) {
        fieldChar(c);
        continue;
      }
      if (!showing()) continue;
      if (isEl(c, 't')) out.push({ run, node: c, text: c.textContent ?? '' });
      else if (isEl(c, 'tab') && run) out.push({ run, node: c, text: '\t' });
      else if ((isEl(c, 'br') || isEl(c, 'cr')) && run) out.push({ run, node: c, text: '\n' });
      else if (isEl(c, 'noBreakHyphen')) out.push({ run, node: c, text: '-' });
      else if (isEl(c, 'sym')) {
        const code = wAttr(c, 'char');
        const n = code ? parseInt(code, 16) : NaN;
        // Symbol-font characters live in the private-use area (F0xx): show them as the plain character.
        const cp = n >= 0xf000 && n <= 0xf0ff ? n - 0xf000 : n;
        if (Number.isFinite(cp) && cp > 0x1f)
          out.push({ run, node: c, text: String.fromCodePoint(cp) });
      } else walk(c, run);
    }
  };
  const fieldChar = (f: Element): void => {
    const type = wAttr(f, 'fldCharType');
    if (type === 'begin') fields.push('code');
    else if (type === 'separate' && fields.length) fields[fields.length - 1] = 'result';
    else if (type === 'end') fields.pop();
  };
  walk(p, null);
  return out;
}

export function paragraphText(p: Element): string {
  return paragraphPieces(p)
    .map((x) => x.text)
    .join('');
}
