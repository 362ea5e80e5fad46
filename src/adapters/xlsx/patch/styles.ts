import { attrsOf } from './package';

/**
 * styles.xml patched in place: fills and fonts appended, and new cellXfs that clone a cell's
 * existing xf with only the fill (or font) changed, so a marked cell keeps its number format,
 * borders, font and alignment.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Children of <styleSheet> in schema order: a missing block is inserted where it belongs. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'];

interface Block {
  /** Elements inside the block, as written. */
  items: string[];
  added: string[];
}

export class Styles {
  private readonly prefix: string;
  private readonly blocks = new Map<string, Block>();
  private readonly cache = new Map<string, number>();

  constructor(private xml: string) {
    this.prefix = /<((?:[\w.-]+:)?)styleSheet\b/.exec(xml)?.[1] ?? '';
    for (const name of ['fonts', 'fills', 'cellXfs']) {
      const child = name === 'fonts' ? 'font' : name === 'fills' ? 'fill' : 'xf';
      const m = this.blockRe(name).exec(xml);
      const items = m?.[2] ? [...m[2].matchAll(this.itemRe(child))].map((x) => x[0]) : [];
      this.blocks.set(name, { items, added: [] });
    }
    // An xf list that is empty still has the default style 0 in Excel's reading.
    const xfs = this.blocks.get('cellXfs')!;
    if (xfs.items.length === 0)
      xfs.added.push(
        `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`,
      );
  }

  private blockRe(name: string): RegExp {
    const p = this.prefix.replace(/[.]/g, '\\.');
    return new RegExp(`<${p}${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}${name}\\s*>)`);
  }

  private itemRe(child: string): RegExp {
    const p = this.prefix.replace(/[.]/g, '\\.');
    return new RegExp(`<${p}${child}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${p}${child}\\s*>)`, 'g');
  }

  private add(block: string, item: string): number {
    const b = this.blocks.get(block)!;
    b.added.push(item);
    return b.items.length + b.added.length - 1;
  }

  private xf(id: number): string {
    const b = this.blocks.get('cellXfs')!;
    const all = [...b.items, ...b.added];
    return all[id] ?? all[0];
  }

  /** A solid fill of `rgb` (AARRGGBB), added once. */
  private fill(rgb: string): number {
    const key = `fill ${rgb}`;
    let id = this.cache.get(key);
    if (id === undefined) {
      const p = this.prefix;
      id = this.add(
        'fills',
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      );
      // The fills block always starts with Excel's two reserved fills.
      if (this.blocks.get('fills')!.items.length === 0 && id < 2) {
        const b = this.blocks.get('fills')!;
        b.added.unshift(
          `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
          `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`,
        );
        id += 2;
      }
      this.cache.set(key, id);
    }
    return id;
  }

  private font(body: string): number {
    const key = `font ${body}`;
    let id = this.cache.get(key);
    if (id === undefined) {
      id = this.add('fonts', `<${this.prefix}font>${body}</${this.prefix}font>`);
      if (this.blocks.get('fonts')!.items.length === 0 && id === 0) {
        this.blocks
          .get('fonts')!
          .added.unshift(`<${this.prefix}font><${this.prefix}sz val="11"/></${this.prefix}font>`);
        id = 1;
      }
      this.cache.set(key, id);
    }
    return id;
  }

  /** The xf `base` with one attribute id changed, added once per (base, change). */
  private clone(base: number, attr: 'fillId' | 'fontId', value: number): number {
    const key = `xf ${base} ${attr} ${value}`;
    let id = this.cache.get(key);
    if (id === undefined) {
      const xf = this.xf(base);
      const apply = attr === 'fillId' ? 'applyFill' : 'applyFont';
      const start = /^<[^>]*?(\/?)>/.exec(xf)!;
      let tag = start[0];
      const a = attrsOf(tag);
      const set = (t: string, name: string, v: string) =>
        name in a
          ? t.replace(new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`), `$1"${v}"`)
          : t.replace(/\s*(\/?)>$/, ` ${name}="${v}"$1>`);
      tag = set(tag, attr, String(value));
      tag = set(tag, apply, '1');
      id = this.add('cellXfs', tag + xf.slice(start[0].length));
      this.cache.set(key, id);
    }
    return id;
  }

  /** The style id for a cell styled `base`, filled solid with `rgb`. */
  withFill(base: number, rgb: string): number {
    return this.clone(base, 'fillId', this.fill(rgb));
  }

  /** A style like the default with a bold font (the results sheet's header). */
  bold(): number {
    return this.clone(0, 'fontId', this.font(`<${this.prefix}b/><${this.prefix}sz val="11"/>`));
  }

  /** A style like the default with a link's blue underlined font. */
  link(): number {
    const p = this.prefix;
    return this.clone(
      0,
      'fontId',
      this.font(`<${p}u/><${p}sz val="11"/><${p}color rgb="FF0563C1"/>`),
    );
  }

  /** Whether anything was added (the part is then rewritten). */
  get changed(): boolean {
    return [...this.blocks.values()].some((b) => b.added.length > 0);
  }

  toString(): string {
    let xml = this.xml;
    for (const name of ['fonts', 'fills', 'cellXfs']) {
      const b = this.blocks.get(name)!;
      if (b.added.length === 0) continue;
      const all = [...b.items, ...b.added];
      const m = this.blockRe(name).exec(xml);
      const p = this.prefix;
      if (m) {
        const attrs = m[1].replace(/\s+count\s*=\s*("[^"]*"|'[^']*')/, '');
        xml =
          xml.slice(0, m.index) +
          `<${p}${name}${attrs.replace(/\s*$/, '')} count="${all.length}">${all.join('')}</${p}${name}>` +
          xml.slice(m.index + m[0].length);
      } else {
        const block = `<${p}${name} count="${all.length}">${all.join('')}</${p}${name}>`;
        // After the last block that comes before it in schema order, else first in the sheet.
        let at = -1;
        for (const before of ORDER.slice(0, ORDER.indexOf(name)).reverse()) {
          const bm = this.blockRe(before).exec(xml);
          if (bm) {
            at = bm.index + bm[0].length;
            break;
          }
        }
        if (at < 0) {
          const root = new RegExp(`<${p.replace('.', '\\.')}styleSheet\\b[^>]*>`).exec(xml)!;
          at = root.index + root[0].length;
        }
        xml = xml.slice(0, at) + block + xml.slice(at);
      }
      this.xml = xml;
    }
    return xml;
  }
}
