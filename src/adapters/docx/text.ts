import {
  alternative,
  child,
  elementChildren,
  inNs,
  isEl,
  isOn,
  wAttr,
  W,
  MC,
  type Element,
} from './xml';

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
  'sdtPr',
  'sdtEndPr',
]);

/** Symbol-font characters (w:sym in the F0xx private-use area) that forms use, as Unicode. */
const SYMBOL_FONTS: Record<string, Record<number, number>> = {
  symbol: {
    0xb0: 0x00b0,
    0xb1: 0x00b1,
    0xb3: 0x2265,
    0xa3: 0x2264,
    0xb4: 0x00d7,
    0xb7: 0x2022,
    0xb8: 0x00f7,
    0xd6: 0x221a,
    0x2d: 0x2212,
    0xae: 0x2192,
  },
  wingdings: {
    0xa8: 0x25fb,
    0x6f: 0x2610,
    0x71: 0x2751,
    0xfb: 0x2717,
    0xfc: 0x2713,
    0xfd: 0x2612,
    0xfe: 0x2611,
    0x9f: 0x2022,
    0xa1: 0x25cb,
    0xa4: 0x25c9,
    0x6c: 0x25cf,
    0x6e: 0x25a0,
  },
  'wingdings 2': {
    0x50: 0x2713,
    0x4f: 0x2717,
    0x52: 0x2611,
    0x54: 0x2612,
    0xa3: 0x2610,
    0x2a: 0x2610,
  },
};

/**
 * A w:sym as the character Word shows: w:char is hexadecimal, F0xx meaning "code xx of the
 * symbol font". A code that names no character is U+FFFD (never a control character or a throw).
 */
export function symbolText(font: string | null, code: string | null): string {
  const n = code && /^[0-9A-Fa-f]{1,6}$/.test(code) ? parseInt(code, 16) : NaN;
  const low = n >= 0xf000 && n <= 0xf0ff ? n - 0xf000 : n;
  const table = SYMBOL_FONTS[(font ?? '').trim().toLowerCase()];
  const cp = table?.[low] ?? low;
  const valid =
    Number.isInteger(cp) &&
    cp > 0x1f &&
    !(cp >= 0x7f && cp <= 0x9f) &&
    !(cp >= 0xd800 && cp <= 0xdfff) &&
    cp <= 0x10ffff;
  return valid ? String.fromCodePoint(cp) : '\uFFFD';
}

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
      if (c.namespaceURI === MC && c.localName === 'AlternateContent') {
        // One branch only, as Word shows it.
        const branch = alternative(c);
        if (branch) walk(branch, run);
        continue;
      }
      if (inNs(c, W) && SKIPPED.has(c.localName ?? '')) continue;
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
      else if (isEl(c, 'sym'))
        out.push({ run, node: c, text: symbolText(wAttr(c, 'font'), wAttr(c, 'char')) });
      else walk(c, run);
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
