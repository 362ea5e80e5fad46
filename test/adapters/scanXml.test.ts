import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { SaxesParser } from 'saxes';
import { scanXml, UNSURE } from '../../src/adapters/xlsx/scanXml';
import { Budget, entryText, readDirectory } from '../../src/adapters/xlsx/zip';

/**
 * The fast scanner (scanXml.ts) against saxes: for every part it reads, the same events; for
 * every part saxes refuses, it is unsure (the reader then asks saxes). Text outside the root is
 * left out of saxes's events (no handler uses it), adjacent texts joined.
 */

type Event = [string, string, string?];

function scanned(xml: string): Event[] | 'unsure' {
  const out: Event[] = [];
  try {
    scanXml(xml, {
      open: (t) => out.push(['o', t.name, JSON.stringify(t.attributes)]),
      text: (t) => out.push(['t', t]),
      close: (n) => out.push(['c', n]),
    });
  } catch (e) {
    if (e === UNSURE) return 'unsure';
    throw e;
  }
  return joined(out);
}

function bySaxes(xml: string): Event[] | 'error' {
  const out: Event[] = [];
  const parser = new SaxesParser({ position: false });
  let depth = 0;
  parser.on('opentag', (t) => {
    depth++;
    out.push(['o', t.name, JSON.stringify(t.attributes)]);
  });
  parser.on('text', (t) => {
    if (depth > 0) out.push(['t', t]);
  });
  parser.on('closetag', (t) => {
    depth--;
    out.push(['c', t.name]);
  });
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  parser.write(xml);
  return failed ? 'error' : joined(out);
}

function joined(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === 't' && last?.[0] === 't') last[1] += e[1];
    else out.push(e);
  }
  return out;
}

function workbooks(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) workbooks(p, out);
    else if (/\.xls[xm]$/i.test(f)) out.push(p);
  }
  return out;
}

function partsOf(file: string): string[] {
  const buf = readFileSync(file);
  try {
    return [...readDirectory(buf).values()]
      .filter((e) => /\.(xml|rels)$/i.test(e.name))
      .map((e) => entryText(buf, e, new Budget(1 << 30, () => '')));
  } catch {
    return [];
  }
}

const ROOT = path.join(__dirname, '..');

describe('the fast XML scanner reads as saxes does', () => {
  test('every part of every workbook in the fixtures and corpora', () => {
    let read = 0;
    for (const file of workbooks(ROOT))
      for (const xml of partsOf(file)) {
        const fast = scanned(xml);
        if (fast === 'unsure') continue;
        read++;
        expect(bySaxes(xml)).toEqual(fast);
      }
    expect(read).toBeGreaterThan(1000);
  }, 120_000);

  test('parts damaged at random: the same events, or unsure', () => {
    const buf = readFileSync(path.join(ROOT, 'fixtures/yuelu-2022.xlsx'));
    const sources = [...readDirectory(buf).values()]
      .filter((e) => /\.(xml|rels)$/.test(e.name))
      .map((e) => entryText(buf, e, new Budget(1 << 30, () => '')).slice(0, 3000));
    let seed = 1;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const CHARS = '<>&"\'/= \n\t;x#:!?]-\r\u0001a1';
    let accepted = 0;
    for (let k = 0; k < 4000; k++) {
      let xml = sources[k % sources.length];
      for (let j = 0, m = 1 + Math.floor(rnd() * 3); j < m; j++) {
        const i = Math.floor(rnd() * xml.length);
        const op = rnd();
        const c = CHARS[Math.floor(rnd() * CHARS.length)];
        xml =
          op < 0.4
            ? xml.slice(0, i) + c + xml.slice(i)
            : op < 0.7
              ? xml.slice(0, i) + xml.slice(i + 1)
              : xml.slice(0, i) + c + xml.slice(i + 1);
      }
      const fast = scanned(xml);
      if (fast === 'unsure') continue;
      accepted++;
      expect(bySaxes(xml)).toEqual(fast);
    }
    expect(accepted).toBeGreaterThan(500);
  });

  test.each([
    ['entities and references', '<a b="x&amp;y&#10;">1 &lt; 2 &#x4e2d;</a>'],
    ['tabs and newlines in a value', '<a b="x\ty\nz"/>'],
    ['CR LF line ends', '<?xml version="1.0"?>\r\n<a>x\r\ny</a>'],
    ['a prefixed root', '<x:a xmlns:x="u"><x:b r="1"/></x:a>'],
  ])('%s', (_name, xml) => {
    const fast = scanned(xml);
    expect(fast).not.toBe('unsure');
    expect(bySaxes(xml)).toEqual(fast);
  });

  test.each([
    ['a comment', '<a><!-- c --></a>'],
    ['CDATA', '<a><![CDATA[x]]></a>'],
    ['a DTD', '<!DOCTYPE a><a/>'],
    ['a bad entity', '<a>&nbsp;</a>'],
    ['mismatched tags', '<a><b></a>'],
    ['two roots', '<a/><b/>'],
    ['no space between attributes', '<a b="1"c="2"/>'],
    ['a duplicate attribute', '<a b="1" b="2"/>'],
    ['a part cut inside a tag', '<a><b c="1'],
  ])('unsure of %s', (_name, xml) => expect(scanned(xml)).toBe('unsure'));
});
