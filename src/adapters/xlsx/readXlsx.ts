import type { GridSnapshot } from '../../engine/grid/types';
import { builtinFormat } from './formats';
import { Package, relId, type Relationship } from './package';
import { readSheet, unescapeX, type Context, type SharedString } from './sheet';
import { Budget, CORRUPT, UnreadableFile, type ZipEntry } from './zip';

/**
 * The lean reader: a workbook's grid snapshots from the package's own parts (workbook, shared
 * strings, styles, each worksheet) with Node's zlib and saxes, the sheets streamed rather than
 * held. It reads a workbook as Excel does (parts through their relationships, any namespace
 * prefix, strict OOXML, formulas by their cached results); test/conformance compares it with
 * SheetJS on foreign corpora.
 */

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export interface ReadOptions {
  /** Most bytes inflated across the parts read, declared or actual. */
  maxUnzippedBytes: number;
  /** The sentence for a workbook over that limit. */
  unzippedSentence: () => string;
}

function readSharedStrings(pkg: Package, entry: ZipEntry | undefined): SharedString[] {
  let out: SharedString[] = [];
  // Fresh state each time: a part the fast scanner is unsure of is read again by saxes.
  pkg.parse(entry, () => {
    const strings: SharedString[] = (out = []);
    let inSi = false;
    let depthPh = 0; // inside <rPh>: phonetic text, not the cell's
    let inT = false;
    let text = '';
    return {
      open: (tag) => {
        // sstItem: the Office 2007 beta's name for it, still found in old files.
        if (tag.name === 'si' || tag.name === 'sstItem') {
          inSi = true;
          text = '';
        } else if (!inSi) return;
        else if (tag.name === 'rPh') depthPh++;
        else if (tag.name === 't' && !depthPh) inT = true;
      },
      text: (t) => {
        if (inT) text += t;
      },
      close: (name) => {
        if (!inSi) return;
        if (name === 'rPh') depthPh--;
        else if (name === 't') inT = false;
        else if (name === 'si' || name === 'sstItem') {
          inSi = false;
          // Rich text reads as its runs' text run after run, as Excel shows it.
          strings.push(unescapeX(text));
        }
      },
    };
  });
  return out;
}

function readStyles(pkg: Package, entry: ZipEntry | undefined): (string | null)[] {
  let custom = new Map<number, string>();
  let xfs: number[] = [];
  pkg.parse(entry, () => {
    const formats = (custom = new Map<number, string>());
    const ids: number[] = (xfs = []);
    let inCellXfs = false;
    let inNumFmts = false;
    let xfDepth = 0;
    return {
      open: (tag) => {
        const a = tag.attributes as Record<string, string>;
        if (tag.name === 'numFmts') inNumFmts = true;
        else if (tag.name === 'cellXfs') inCellXfs = true;
        else if (inNumFmts && tag.name === 'numFmt') {
          if (a.formatCode !== undefined) formats.set(parseInt(a.numFmtId, 10), a.formatCode);
        } else if (inCellXfs && tag.name === 'xf') {
          if (xfDepth++ === 0) ids.push(parseInt(a.numFmtId ?? '0', 10) || 0);
        }
      },
      close: (name) => {
        if (name === 'numFmts') inNumFmts = false;
        else if (name === 'cellXfs') inCellXfs = false;
        else if (inCellXfs && name === 'xf') xfDepth--;
      },
    };
  });
  // numFmtId 0 (General) or missing sets no format at all.
  return xfs.map((id) => {
    if (!id) return null;
    const f = custom.get(id);
    return f === undefined ? builtinFormat(id) : f === 'General' ? null : f;
  });
}

interface Book {
  sheets: { name: string; rId: string }[];
  date1904: boolean;
}

function readBook(pkg: Package, entry: ZipEntry): Book {
  let book: Book = { sheets: [], date1904: false };
  pkg.parse(entry, () => {
    const b: Book = (book = { sheets: [], date1904: false });
    return {
      open: (tag) => {
        const a = tag.attributes as Record<string, string>;
        if (tag.name === 'sheet') {
          const rId = relId(a);
          if (rId !== undefined) b.sheets.push({ name: unescapeX(a.name ?? ''), rId });
        } else if (tag.name === 'workbookPr')
          b.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      },
    };
  });
  return book;
}

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

/** The workbook part: the package's officeDocument relationship, else where Excel writes it. */
function workbookPart(pkg: Package): string | null {
  let rels: Relationship[] = [];
  try {
    rels = pkg.relsOf('');
  } catch (e) {
    // Damaged package relationships: Excel repairs them, and the workbook is where it always is.
    if (!(e instanceof UnreadableFile) || e.limit) throw e;
  }
  const main = rels.find((r) => r.type === 'officeDocument' && pkg.part(r.target));
  if (main) return main.target;
  return pkg.part('xl/workbook.xml') ? 'xl/workbook.xml' : null;
}

/** Reads an .xlsx's (or .xlsm's) bytes into grid snapshots, one per worksheet, or throws an UnreadableFile. */
export function readXlsx(buf: Uint8Array, name: string, options: ReadOptions): GridSnapshot[] {
  if (buf.length === 0) throw new UnreadableFile('文件是空的（0 字节）。');
  if (startsWith(buf, OLE)) {
    throw new UnreadableFile(
      /\.xls$/i.test(name)
        ? '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再校验。'
        : '文件已加密（设有打开密码）或是旧版 .xls 格式，请取消密码并另存为 .xlsx 后再校验。',
    );
  }
  if (!startsWith(buf, ZIP))
    throw new UnreadableFile('文件不是 .xlsx 工作簿（内容不是 Excel 格式）。');
  const budget = new Budget(options.maxUnzippedBytes, options.unzippedSentence);
  const pkg = new Package(buf, budget);
  const bookName = workbookPart(pkg);
  if (bookName === null) throw new UnreadableFile(CORRUPT);
  const book = readBook(pkg, pkg.part(bookName)!);
  const rels = new Map<string, Relationship>();
  for (const r of pkg.relsOf(bookName)) rels.set(r.id, r);
  const ofType = (type: string) => {
    for (const r of rels.values()) if (r.type === type && pkg.part(r.target)) return r.target;
    return undefined;
  };
  // The parts this reader will inflate, checked against the limit as the directory declares them.
  const wanted: { name: string; part: ZipEntry }[] = [];
  for (const s of book.sheets) {
    const rel = rels.get(s.rId);
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || rel.type !== 'worksheet') continue;
    const part = pkg.part(rel.target);
    if (part) wanted.push({ name: s.name, part });
  }
  const strings = pkg.part(ofType('sharedStrings') ?? 'xl/sharedStrings.xml');
  const styles = pkg.part(ofType('styles') ?? 'xl/styles.xml');
  const declared = [strings, styles, ...wanted.map((w) => w.part)].reduce(
    (n, e) => n + (e ? e.size : 0),
    0,
  );
  if (declared + budget.used > options.maxUnzippedBytes)
    throw new UnreadableFile(options.unzippedSentence(), 'unzipped');
  const ctx: Context = {
    strings: readSharedStrings(pkg, strings),
    formats: readStyles(pkg, styles),
    date1904: book.date1904,
  };
  const sheets = wanted.map((w) => readSheet(pkg, w.part, w.name, ctx));
  if (sheets.length === 0) throw new UnreadableFile('工作簿中没有工作表。');
  return sheets;
}
