/**
 * Checking a form read from a Word document, and a 自评报告 against its form (docs/rules.md#r-6).
 * The CLI calls checkDocxFile for a .docx / .doc, and for a workbook given with --report.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Unzipped } from 'fflate';
import { annotateUnzipped, cellMarks, paragraphMarks } from '../../adapters/docx/annotate';
import { openUnzipped, UnreadableDocx } from '../../adapters/docx/document';
import { readXlsx } from '../../adapters/xlsx/readXlsx';
import { UnreadableFile } from '../../adapters/xlsx/zip';
import { unzipDocx } from '../../adapters/docx/package';
import { checkWorkbook } from '../../engine/check';
import type { GridSnapshot } from '../../engine/grid/types';
import { locateForms } from '../../engine/locate/locateForm';
import type { Profile } from '../../engine/profile/profile';
import { crossCheckReport } from '../../engine/narrative/crossCheck';
import { type ReportParagraph } from '../../engine/narrative/sentences';
import { type ReportFinding } from '../../engine/narrative/context';
import { chooseReportForm, choiceNote } from '../../engine/narrative/pickForm';
import { withClipped } from '../clipped';
import { failed, fileResult, type FileResult } from '../result';
import { convertLegacy } from './convert';
import { internalSentence } from '../errors';
import { type Limits, limitsFor, limitSentence, unzipBudget } from '../limits';
import { readRegularFile } from '../regularFile';
import { cellLabels } from '../../adapters/docx/cellLabels';

/** A Word table has no A1 headers: name each flagged cell by its row and column labels. */
function withLabels(r: FileResult, sheets: GridSnapshot[]): FileResult {
  const grid = sheets.find((s) => s.sheetName === r.sheet);
  if (!grid) return r;
  const labels: Record<string, string> = {};
  for (const f of r.findings) {
    const cell = f.cells[0];
    if (!cell || cell in labels) continue;
    const l = cellLabels(grid, cell);
    const text = [l.row, l.column].filter((t) => t !== '').join(' / ');
    if (text) labels[cell] = text;
  }
  return { ...r, labels };
}

export interface DocxCheck {
  /** One result per form, as checkTask gives them; report.* findings are in the form's findings. */
  results: FileResult[];
  /** Sentences for the report: the converted copy that was checked, the pairing, a report left unchecked and why. */
  notes: string[];
  /** The report findings alone (also in results), with their paragraph and span. */
  reportFindings: ReportFinding[];
  /** The grids read (表1, 表2, … for a document; the sheets for a workbook): for row and column labels (cellLabels). */
  sheets: GridSnapshot[];
  /** The workbook read, when the form came from one (.xlsx, or the .xls's converted copy), else null. */
  workbook: { bytes: Uint8Array } | null;
  /**
   * The annotated Word copies' bytes: the form's document (cells shaded and commented, sentences
   * highlighted) and/or the separate report document (sentences highlighted), each with the
   * input it was made from. The CLI names and writes them (the copy rules of src/cli/copies).
   */
  copies(): { input: string; bytes: Uint8Array }[];
  /** Writes those copies into `outDir` as `<stem>.checked.docx` (atomically) and returns their paths. */
  annotate(outDir: string): Promise<string[]>;
}

/** What checkDocxFile reads with: the limits, and bytes already read through the checked descriptor. */
export interface ReadWith {
  limits?: Limits;
  /** The input's bytes (read once, by readRegularFile), when the caller has them. */
  bytes?: Uint8Array;
  reportBytes?: Uint8Array;
}

interface Loaded {
  files: Unzipped | null;
  note: string | null;
}

/** A Word package unzipped under the unzipped-size limit; a damaged zip gets the Word sentence. */
function unzipWord(bytes: Uint8Array, limits: Limits): Unzipped {
  return unzipDocx(bytes, unzipBudget(limits, '文档'));
}

/** A Word document's parts; a .doc is converted with LibreOffice first (in a temporary folder). */
async function loadWord(
  file: string,
  limits: Limits,
  given?: Uint8Array,
): Promise<Loaded & { failed?: string; converted?: Uint8Array }> {
  if (/\.doc$/i.test(file)) {
    const c = await convertLegacy(file, undefined, limits);
    if (!c.ok) return { files: null, note: null, failed: c.message };
    try {
      const bytes = readRegularFile(c.path, limits);
      return {
        files: unzipWord(bytes, limits),
        converted: bytes,
        note: `${path.basename(file)} 是旧版 .doc 文件，已用 LibreOffice 转换为 .docx 后校验（校验的是转换副本）。`,
      };
    } finally {
      await fs.rm(c.dir, { recursive: true, force: true });
    }
  }
  if (!/\.docx$/i.test(file))
    return { files: null, note: null, failed: '不是 Word 文档（.docx / .doc）。' };
  return { files: unzipWord(given ?? readRegularFile(file, limits), limits), note: null };
}

/** A file that could not be read: its one result, nothing to copy. */
function unread(file: string, message: string, notes: string[]): DocxCheck {
  return {
    results: [failed(file, 'unreadable', message)],
    notes,
    reportFindings: [],
    sheets: [],
    workbook: null,
    copies: () => [],
    annotate: () => Promise.resolve([]),
  };
}

/** What the form was read from: the grids, the document's own paragraphs, its parts or workbook bytes. */
interface FormSource {
  sheets: GridSnapshot[];
  paragraphs: ReportParagraph[];
  /** The Word document's parts (for its annotated copy), or null for a workbook. */
  formFiles: Unzipped | null;
  workbook: { bytes: Uint8Array } | null;
}

const paragraphsOf = (files: Unzipped): ReportParagraph[] =>
  openUnzipped(files).paragraphs.map(({ index, text }) => ({ index, text }));

/** A workbook (.xlsx, or an .xls converted by LibreOffice, its note said) read like one on its own. */
async function readWorkbookSource(
  file: string,
  limits: Limits,
  given: Uint8Array | undefined,
  notes: string[],
): Promise<FormSource | { message: string }> {
  let source = file;
  let converted: string | null = null;
  try {
    if (/\.xls$/i.test(file)) {
      const c = await convertLegacy(file, undefined, limits);
      if (!c.ok) return { message: c.message };
      converted = c.dir;
      source = c.path;
      notes.push(
        `${path.basename(file)} 是旧版 .xls 文件，已用 LibreOffice 转换为 .xlsx 后校验（校验的是转换副本）。`,
      );
    }
    // The same lean reader and limits as a workbook on its own (no exceljs on this path).
    const bytes = source === file && given ? given : readRegularFile(source, limits);
    const sheets = readXlsx(bytes, file, {
      maxUnzippedBytes: limits.unzippedBytes,
      unzippedSentence: () => limitSentence.unzipped(limits),
    });
    return { sheets, paragraphs: [], formFiles: null, workbook: { bytes } };
  } finally {
    if (converted) await fs.rm(converted, { recursive: true, force: true });
  }
}

/** The form's source, or the sentence saying why there is none (and whether the file is no form). */
async function readFormSource(
  file: string,
  limits: Limits,
  given: Uint8Array | undefined,
  notes: string[],
): Promise<FormSource | { message: string; notAForm?: true }> {
  try {
    if (/\.(xlsx|xls)$/i.test(file)) return await readWorkbookSource(file, limits, given, notes);
    const w = await loadWord(file, limits, given);
    if (!w.files) return { message: w.failed ?? '无法读取该文件。' };
    if (w.note) notes.push(w.note);
    const d = openUnzipped(w.files);
    const sheets = d.tables.map((t) => t.sheet);
    if (!sheets.length)
      return { message: '该 Word 文档中没有表格，找不到自评表。', notAForm: true };
    const paragraphs = d.paragraphs.map(({ index, text }) => ({ index, text }));
    return { sheets, paragraphs, formFiles: w.files, workbook: null };
  } catch (e) {
    const message =
      e instanceof UnreadableDocx || e instanceof UnreadableFile ? e.message : internalSentence(e);
    return { message };
  }
}

/**
 * The separate 自评报告: its parts (null when it could not be read) and its paragraphs (null
 * when none were read), with a note saying how it was checked or why not.
 */
async function readReport(
  reportDocx: string,
  file: string,
  limits: Limits,
  given: Uint8Array | undefined,
  notes: string[],
): Promise<{ files: Unzipped | null; paragraphs: ReportParagraph[] | null }> {
  let files: Unzipped | null = null;
  try {
    const w = await loadWord(reportDocx, limits, given);
    if (!w.files) {
      notes.push(`自评报告 ${path.basename(reportDocx)} 未核对：${w.failed}`);
      return { files: null, paragraphs: null };
    }
    if (w.note) notes.push(w.note);
    files = w.files;
    const paragraphs = paragraphsOf(w.files);
    notes.push(`自评报告：${path.basename(reportDocx)}（与 ${path.basename(file)} 配对核对）。`);
    return { files, paragraphs };
  } catch (e) {
    const why =
      e instanceof UnreadableDocx || e instanceof UnreadableFile ? e.message : internalSentence(e);
    notes.push(`自评报告 ${path.basename(reportDocx)} 无法读取：${why}`);
    return { files, paragraphs: null };
  }
}

/** Checks the forms, and the narrative against the form it speaks of (its findings added to that form's). */
function checkForms(
  file: string,
  sheets: GridSnapshot[],
  paragraphs: ReportParagraph[],
  profile: Profile,
  fromReport: boolean,
  notes: string[],
): { results: FileResult[]; reportFindings: ReportFinding[] } {
  const results = checkWorkbook(sheets, profile).map((r) =>
    withClipped(fileResult(file, r), sheets),
  );
  let reportFindings: ReportFinding[] = [];
  if (!paragraphs.length) return { results, reportFindings };
  const located = locateForms(sheets);
  const choice = located.found ? chooseReportForm(located.forms, paragraphs) : null;
  const note = choiceNote(choice, fromReport ? '表格文件中' : '文档中');
  if (note) notes.push(note);
  const target = choice?.target ?? null;
  if (!located.found) notes.push('没有找到自评表，自评报告未与表核对。');
  else if (target) {
    const at = located.forms.indexOf(target);
    reportFindings = crossCheckReport(target.form, paragraphs, profile);
    const r = results[at];
    if (r && reportFindings.length) {
      results[at] = {
        ...r,
        findings: [...r.findings, ...reportFindings],
        summary: { ...r.summary, warnings: r.summary.warnings + reportFindings.length },
      };
    }
  }
  return { results, reportFindings };
}

/** The annotated Word copies, made when asked for: the form's document and/or the separate report. */
function wordCopies(
  file: string,
  reportDocx: string | undefined,
  formFiles: Unzipped | null,
  reportFiles: Unzipped | null,
  results: FileResult[],
  reportFindings: ReportFinding[],
): () => { input: string; bytes: Uint8Array }[] {
  return () => {
    const written: { input: string; bytes: Uint8Array }[] = [];
    const narrative = paragraphMarks(reportFindings);
    if (formFiles) {
      const cells = results.flatMap((r) => cellMarks(r.sheet, r.findings));
      written.push({
        input: file,
        bytes: annotateUnzipped(formFiles, { cells, paragraphs: reportFiles ? [] : narrative }),
      });
    }
    if (reportFiles && reportDocx)
      written.push({
        input: reportDocx,
        bytes: annotateUnzipped(reportFiles, { cells: [], paragraphs: narrative }),
      });
    return written;
  };
}

/** Writes the copies into `outDir` as `<stem>.checked.docx`, never over an input. */
async function annotateInto(
  copies: { input: string; bytes: Uint8Array }[],
  outDir: string,
): Promise<string[]> {
  const { writeAtomically } = await import('../copies');
  const paths: string[] = [];
  for (const c of copies) {
    const out = path.join(outDir, `${path.basename(c.input).replace(/\.[^.]+$/, '')}.checked.docx`);
    if (path.resolve(out) === path.resolve(c.input))
      throw new Error(`批注副本不能覆盖原文件：${c.input}`);
    await fs.mkdir(outDir, { recursive: true });
    await writeAtomically(out, c.bytes);
    paths.push(out);
  }
  return paths;
}

/**
 * Checks the form in `file` (.docx, .doc, or a workbook .xlsx / .xls) and, when there is a
 * narrative, cross-checks it against the form: the document's own paragraphs outside its
 * tables, or those of `reportDocx` when given. Never throws for a bad file: it says why.
 */
export async function checkDocxFile(
  file: string,
  profile: Profile,
  reportDocx?: string,
  read: ReadWith = {},
): Promise<DocxCheck> {
  const limits = read.limits ?? limitsFor();
  const notes: string[] = [];
  const form = await readFormSource(file, limits, read.bytes, notes);
  if ('message' in form) {
    const none = unread(file, form.message, notes);
    if (form.notAForm) none.results = [{ ...none.results[0], status: 'not-a-form' }];
    return none;
  }
  const { sheets, formFiles, workbook } = form;
  const report = reportDocx
    ? await readReport(reportDocx, file, limits, read.reportBytes, notes)
    : null;
  const reportFiles = report?.files ?? null;
  const paragraphs = report?.paragraphs ?? form.paragraphs;
  let results: FileResult[];
  let reportFindings: ReportFinding[];
  try {
    ({ results, reportFindings } = checkForms(
      file,
      sheets,
      paragraphs,
      profile,
      Boolean(reportDocx),
      notes,
    ));
  } catch (e) {
    return unread(file, internalSentence(e), notes);
  }
  if (formFiles) results = results.map((r) => withLabels(r, sheets));
  if (notes.length) {
    const note = notes.join('');
    results = results.map((r) => ({ ...r, message: r.message ? `${r.message}${note}` : note }));
  }
  const copies = wordCopies(file, reportDocx, formFiles, reportFiles, results, reportFindings);
  const annotate = (outDir: string) => annotateInto(copies(), outDir);
  return { results, notes, reportFindings, sheets, workbook, copies, annotate };
}
