import { promises as fs } from 'fs';
import * as path from 'path';
import { pairReports } from './docx/pair';
import { reasonOf } from './errors';

export interface Target {
  /** As the user gave it, or joined under the folder they gave. */
  file: string;
  /** Where its annotated copy goes, relative to --out (mirrors sub-folders; clashes told apart); '' without --out. */
  outName: string;
  /** Set when the path cannot be checked at all (an unreadable folder, an odd name): the sentence. */
  problem?: string;
  /** The 自评报告 document checked against this form (--report, or paired in a folder). */
  report?: string;
}

/** Natural order: 第2 before 第10, Chinese by pinyin as Excel users expect. */
let collator: Intl.Collator | null = null;
export const naturalCompare = (a: string, b: string): number =>
  (collator ??= new Intl.Collator('zh-CN', { numeric: true })).compare(a, b) ||
  (a < b ? -1 : a > b ? 1 : 0);

/** Workbooks and Word documents; our own output and Office's lock files are not forms to check. */
// .xlsm is read like .xlsx (its macros never run).
const INPUT = /\.(?:xlsx|xlsm|xls|docx|doc)$/i;
function isCandidate(name: string): boolean {
  return INPUT.test(name) && !name.startsWith('~$') && !/\.checked\.(?:xlsx|docx)$/i.test(name);
}

function folderSentence(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return '没有读取该文件夹的权限，已跳过其中的文件。';
  return `无法读取该文件夹（${reasonOf(e)}），已跳过其中的文件。`;
}

/** A folder entry: a Dirent, or (for a folder with odd names) one named from its raw bytes. */
interface Entry {
  name: string;
  /** The name's bytes are not valid UTF-8 (decoding replaced some with U+FFFD). */
  undecodable?: boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/**
 * A folder's entries with their kinds (a plain file or folder needs no stat of its own), named as
 * strings. Only a folder with a U+FFFD in some name is listed again as bytes, to tell a name that
 * is not UTF-8 from one that holds that character: a name without it decoded losslessly. Listing as
 * strings keeps 30,000 names from being 30,000 Buffers, which made the heap grow for good.
 */
async function listFolder(dir: string): Promise<Entry[]> {
  const entries: Entry[] = await fs.readdir(dir, { withFileTypes: true });
  if (!entries.some((d) => d.name.includes('\uFFFD'))) return entries;
  return (await fs.readdir(dir, { encoding: 'buffer', withFileTypes: true })).map((d) => {
    const name = d.name.toString('utf8');
    return {
      name,
      undecodable: !Buffer.from(name, 'utf8').equals(d.name),
      isDirectory: () => d.isDirectory(),
      isSymbolicLink: () => d.isSymbolicLink(),
    };
  });
}

async function walk(
  dir: string,
  base: string,
  out: Targets,
  seen: Set<string>,
  outNames: boolean,
): Promise<void> {
  let entries: Entry[];
  try {
    const st = await fs.stat(dir);
    const key = `${st.dev}:${st.ino}`;
    if (seen.has(key)) return; // a link back up the tree
    seen.add(key);
    entries = await listFolder(dir);
  } catch (e) {
    out.push({ file: dir, outName: '', problem: folderSentence(e) });
    return;
  }
  entries.sort((a, b) => naturalCompare(a.name, b.name));
  const target = (full: string): Target => ({
    file: full,
    outName: outNames ? checkedName(path.relative(base, full)) : '',
  });
  for (const d of entries) {
    const { name } = d;
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (d.undecodable) {
      if (INPUT.test(name))
        out.push({
          file: full,
          outName: '',
          problem: '文件名不是有效的 UTF-8 编码，无法打开；请把它改名后再校验。',
        });
      continue;
    }
    if (!d.isSymbolicLink()) {
      if (d.isDirectory()) await walk(full, base, out, seen, outNames);
      else if (isCandidate(name)) out.push(target(full));
      continue;
    }
    let st: import('fs').Stats | null = null;
    try {
      st = await fs.stat(full); // follows links: a linked form is checked, a linked folder searched
    } catch (e) {
      if (isCandidate(name))
        out.push({
          file: full,
          outName: '',
          problem:
            (e as NodeJS.ErrnoException).code === 'ENOENT'
              ? '这是一个断开的链接（指向的文件不存在）。'
              : `无法访问：${reasonOf(e)}。`,
        });
      continue;
    }
    if (st.isDirectory()) await walk(full, base, out, seen, outNames);
    else if (isCandidate(name)) out.push(target(full));
  }
}

/**
 * A copy keeps its kind: workbooks (.xls converted) become .checked.xlsx, documents .checked.docx,
 * and a macro workbook stays .checked.xlsm (its package keeps the macros; Excel refuses a
 * macro-enabled package named .xlsx).
 */
export function checkedName(relative: string): string {
  const word = /\.docx?$/i.test(relative);
  const macros = /\.xlsm$/i.test(relative);
  return (
    relative.replace(/\.(?:xlsx|xlsm|xls|docx|doc)$/i, '') +
    (word ? '.checked.docx' : macros ? '.checked.xlsm' : '.checked.xlsx')
  );
}

/** The copy's suffix, kept whole when its name is cut or numbered. */
const checkedSuffix = (name: string): string =>
  /\.checked\.(?:docx|xlsm)$/i.exec(name)?.[0] ?? '.checked.xlsx';

/** Bytes a file name may have on common file systems. */
const NAME_MAX = 255;

/** Keeps a copy's name within NAME_MAX bytes: the stem is cut, a short hash keeps it distinct. */
function fitName(name: string): string {
  if (Buffer.byteLength(name) <= NAME_MAX) return name;
  const suffix = checkedSuffix(name);
  let hash = 0;
  for (const ch of name) hash = (Math.imul(hash, 31) + (ch.codePointAt(0) ?? 0)) >>> 0;
  const tag = `~${hash.toString(36)}`;
  let stem = '';
  for (const ch of name.slice(0, -suffix.length)) {
    if (Buffer.byteLength(stem + ch + tag + suffix) > NAME_MAX) break;
    stem += ch;
  }
  return stem + tag + suffix;
}

/** Copies never clash: names are made to fit, and a second input with the same name gets （2）. */
function distinctOutNames(targets: Target[]): void {
  const taken = new Set<string>();
  for (const t of targets) {
    if (t.problem) continue;
    const parts = t.outName.split(path.sep).map(fitName);
    let name = parts.join(path.sep);
    const ext = checkedSuffix(name);
    const stem = name.slice(0, -ext.length);
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}（${n}）${ext}`;
    taken.add(name.toLowerCase());
    t.outName = name;
  }
}

/** A run of plain targets (no copy's name, problem or report): paths joined by NUL (no path has one). */
interface Packed {
  files: string;
  /** Where each path ends in `files` (the index after its last character). */
  ends: Uint32Array;
}

/** A Targets as structured-clone data. */
export interface TargetsData {
  parts: (Target | Packed)[];
  starts: number[];
  count: number;
  documents: boolean;
}

/** Plain targets packed together at most this many at a time. */
const PACK = 1024;

/**
 * The files to check, in order. Plain targets (a batch's bulk) are kept packed, a few strings for
 * thousands of files, and a Target is made only when asked for: 30,000 Target objects and their
 * paths, alive from the search to the end of the batch, made V8 grow the main thread's young
 * generation to its ceiling (most of what made 30,000 files take more memory than 300).
 */
export class Targets implements Iterable<Target> {
  private parts: (Target | Packed)[] = [];
  /** The index of each part's first target. */
  private starts: number[] = [];
  private pending: string[] = [];
  private count = 0;
  /** Whether a file could be a report (.docx / .doc): only then is there pairing to do. */
  documents = false;

  /** The list as plain data, to send from the thread that searched the folders (lister.ts). */
  toData(): TargetsData {
    this.seal();
    return { parts: this.parts, starts: this.starts, count: this.count, documents: this.documents };
  }

  static fromData(d: TargetsData): Targets {
    const list = new Targets();
    list.parts = d.parts;
    list.starts = d.starts;
    list.count = d.count;
    list.documents = d.documents;
    return list;
  }

  static of(targets: Iterable<Target>): Targets {
    const list = new Targets();
    for (const t of targets) list.push(t);
    return list;
  }

  get length(): number {
    return this.count;
  }

  push(t: Target): void {
    if (!t.problem && REPORT.test(t.file)) this.documents = true;
    if (t.outName === '' && t.problem === undefined && t.report === undefined) {
      if (this.pending.length === 0) this.starts.push(this.count);
      this.pending.push(t.file);
      if (this.pending.length === PACK) this.seal();
    } else {
      this.seal();
      this.starts.push(this.count);
      this.parts.push(t);
    }
    this.count++;
  }

  private seal(): void {
    if (this.pending.length === 0) return;
    const ends = new Uint32Array(this.pending.length);
    let end = -1;
    for (let k = 0; k < this.pending.length; k++) ends[k] = end += 1 + this.pending[k].length;
    this.parts.push({ files: this.pending.join('\0'), ends });
    this.pending = [];
  }

  at(i: number): Target {
    if (!(i >= 0 && i < this.count)) throw new RangeError(`no target ${i}`);
    this.seal();
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    const part = this.parts[lo];
    if (!('ends' in part)) return part;
    const k = i - this.starts[lo];
    return { file: part.files.slice(k ? part.ends[k - 1] + 1 : 0, part.ends[k]), outName: '' };
  }

  *[Symbol.iterator](): Iterator<Target> {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }
}

/**
 * Expands folders into their .xlsx files (recursively, in natural order). A path that is neither is
 * kept, so the checker can say in one sentence what is wrong with it; a folder that cannot be read
 * is kept with its sentence, and the rest goes on. The copies' names (`outName`) are worked out
 * only with `outNames` (--out): without it they stay empty. `report` (--report) goes with the
 * target when there is only one.
 */
export interface CollectOptions {
  outNames?: boolean;
  report?: string | null;
}

export async function collectTargets(
  paths: string[],
  { outNames = true, report = null }: CollectOptions = {},
): Promise<Targets> {
  const out = new Targets();
  const seen = new Set<string>();
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (stat && stat.isDirectory()) await walk(p, p, out, seen, outNames);
    else out.push({ file: p, outName: outNames ? checkedName(path.basename(p)) : '' });
  }
  // Pairing needs a document among the files, and copies' names all of them, as objects.
  let targets = out;
  if (out.documents || outNames) {
    const paired = pairWithReports([...out]);
    if (outNames) distinctOutNames(paired);
    targets = Targets.of(paired);
  }
  if (report && targets.length === 1) targets = Targets.of([{ ...targets.at(0), report }]);
  return targets;
}

/** What pairReports takes for a report. */
const REPORT = /\.(docx|doc)$/i;

/**
 * A workbook and the Word document of the same stem in the same folder (X.xlsx and X.docx,
 * X自评表.xlsx and X自评报告.docx) are a form and its report: one target, checked together.
 */
function pairWithReports(targets: Target[]): Target[] {
  const { pairs } = pairReports(targets.filter((t) => !t.problem).map((t) => t.file));
  if (pairs.length === 0) return targets;
  const reportOf = new Map(pairs.map((p) => [p.form, p.report]));
  const reports = new Set(pairs.map((p) => p.report));
  return targets
    .filter((t) => !reports.has(t.file))
    .map((t) => (reportOf.has(t.file) ? { ...t, report: reportOf.get(t.file) } : t));
}
