/**
 * Checking a form read from a Word document, and a 自评报告 against its form (docs/rules.md#r-6).
 * The CLI calls checkDocxFile for a .docx / .doc, and for a workbook given with --report.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import {
  annotateDocx,
  cellMarks,
  paragraphMarks,
  type DocxMarks,
} from '../../adapters/docx/annotate';
import { openDocx, UnreadableDocx } from '../../adapters/docx/document';
import { readWorkbook } from '../../adapters/exceljs/readWorkbook';
import { checkWorkbook, EMPTY_SUMMARY } from '../../engine/check';
import type { GridSnapshot } from '../../engine/grid/types';
import { locateForms } from '../../engine/locate/locateForm';
import type { Profile } from '../../engine/profile/profile';
import {
  crossCheckReport,
  type ReportFinding,
  type ReportParagraph,
} from '../../engine/report/crossCheck';
import { chooseReportForm, choiceNote } from '../../engine/report/pickForm';
import type { FileResult } from '../checkFile';
import { withClipped } from '../clipped';
import { fileResult } from '../result';
import { convertLegacy } from './convert';
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
  /** One result per form, as checkFile gives them; report.* findings are in the form's findings. */
  results: FileResult[];
  /** Sentences for the report: the converted copy that was checked, the pairing, a report left unchecked and why. */
  notes: string[];
  /** The report findings alone (also in results), with their paragraph and span. */
  reportFindings: ReportFinding[];
  /** The grids read (表1, 表2, … for a document; the sheets for a workbook): for row and column labels (cellLabels). */
  sheets: GridSnapshot[];
  /** The workbook, when the form came from a workbook (for writeAnnotatedCopy), else null. */
  workbook: ExcelJS.Workbook | null;
  /**
   * Writes the annotated Word copies into `outDir` and returns their paths: the form's document
   * (cells shaded and commented, sentences highlighted) and/or the separate report document
   * (sentences highlighted). Named `<stem>.checked.docx`; never the input.
   */
  annotate(outDir: string): Promise<string[]>;
}

interface Loaded {
  bytes: Uint8Array | null;
  note: string | null;
}

/** The bytes of a Word document; a .doc is converted with LibreOffice first (in a temporary folder). */
async function loadWord(file: string): Promise<Loaded & { failed?: string }> {
  if (/\.doc$/i.test(file)) {
    const c = await convertLegacy(file);
    if (!c.ok) return { bytes: null, note: null, failed: c.message };
    try {
      return {
        bytes: await fs.readFile(c.path),
        note: `${path.basename(file)} 是旧版 .doc 文件，已用 LibreOffice 转换为 .docx 后校验（校验的是转换副本）。`,
      };
    } finally {
      await fs.rm(c.dir, { recursive: true, force: true });
    }
  }
  if (!/\.docx$/i.test(file))
    return { bytes: null, note: null, failed: '不是 Word 文档（.docx / .doc）。' };
  return { bytes: await fs.readFile(file), note: null };
}

function failed(file: string, message: string): FileResult {
  return {
    file,
    status: 'unreadable',
    sheet: null,
    form: null,
    message,
    findings: [],
    summary: EMPTY_SUMMARY,
  };
}

function noAnnotation(): Promise<string[]> {
  return Promise.resolve([]);
}

const stemOf = (file: string) => path.basename(file).replace(/\.[^.]+$/, '');

/**
 * Checks the form in `file` (.docx, .doc, or a workbook .xlsx / .xls) and, when there is a
 * narrative, cross-checks it against the form: the document's own paragraphs outside its
 * tables, or those of `reportDocx` when given. Never throws for a bad file: it says why.
 */
export async function checkDocxFile(
  file: string,
  profile: Profile,
  reportDocx?: string,
): Promise<DocxCheck> {
  const notes: string[] = [];
  const empty = (message: string): DocxCheck => ({
    results: [failed(file, message)],
    notes,
    reportFindings: [],
    sheets: [],
    workbook: null,
    annotate: noAnnotation,
  });
  let sheets: GridSnapshot[];
  let paragraphs: ReportParagraph[] = [];
  let formBytes: Uint8Array | null = null;
  let workbook: ExcelJS.Workbook | null = null;
  let converted: string | null = null;
  try {
    if (/\.(xlsx|xls)$/i.test(file)) {
      let source = file;
      if (/\.xls$/i.test(file)) {
        const c = await convertLegacy(file);
        if (!c.ok) return empty(c.message);
        converted = c.dir;
        source = c.path;
        notes.push(
          `${path.basename(file)} 是旧版 .xls 文件，已用 LibreOffice 转换为 .xlsx 后校验（校验的是转换副本）。`,
        );
      }
      const loaded = await readWorkbook(source);
      sheets = loaded.sheets;
      workbook = loaded.workbook;
    } else {
      const w = await loadWord(file);
      if (!w.bytes) return empty(w.failed ?? '无法读取该文件。');
      if (w.note) notes.push(w.note);
      formBytes = w.bytes;
      const d = openDocx(w.bytes);
      sheets = d.tables.map((t) => t.sheet);
      paragraphs = d.paragraphs.map(({ index, text }) => ({ index, text }));
      if (!sheets.length)
        return {
          ...empty('该 Word 文档中没有表格，找不到自评表。'),
          results: [
            { ...failed(file, '该 Word 文档中没有表格，找不到自评表。'), status: 'not-a-form' },
          ],
        };
    }
  } catch (e) {
    if (converted) await fs.rm(converted, { recursive: true, force: true });
    const message =
      e instanceof UnreadableDocx ? e.message : e instanceof Error ? e.message : String(e);
    return empty(message);
  }
  if (converted) await fs.rm(converted, { recursive: true, force: true });

  let reportBytes: Uint8Array | null = null;
  if (reportDocx) {
    try {
      const w = await loadWord(reportDocx);
      if (!w.bytes) notes.push(`自评报告 ${path.basename(reportDocx)} 未核对：${w.failed}`);
      else {
        if (w.note) notes.push(w.note);
        reportBytes = w.bytes;
        paragraphs = openDocx(w.bytes).paragraphs.map(({ index, text }) => ({ index, text }));
        notes.push(
          `自评报告：${path.basename(reportDocx)}（与 ${path.basename(file)} 配对核对）。`,
        );
      }
    } catch (e) {
      notes.push(
        `自评报告 ${path.basename(reportDocx)} 无法读取：${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  let results: FileResult[];
  let reportFindings: ReportFinding[] = [];
  try {
    results = checkWorkbook(sheets, profile).map((r) => withClipped(fileResult(file, r), sheets));
    if (paragraphs.length) {
      const located = locateForms(sheets);
      const choice = located.found ? chooseReportForm(located.forms, paragraphs) : null;
      const note = choiceNote(choice, reportDocx ? '表格文件中' : '文档中');
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
    }
  } catch (e) {
    return empty(
      `校验时出现内部错误：${e instanceof Error ? e.message : String(e)}。请把该文件反馈给开发者。`,
    );
  }
  if (formBytes) results = results.map((r) => withLabels(r, sheets));
  if (notes.length) {
    const note = notes.join('');
    results = results.map((r) => ({ ...r, message: r.message ? `${r.message}${note}` : note }));
  }

  const annotate = async (outDir: string): Promise<string[]> => {
    const written: string[] = [];
    const put = async (input: string, bytes: Uint8Array, marks: DocxMarks): Promise<void> => {
      const out = path.join(outDir, `${stemOf(input)}.checked.docx`);
      if (path.resolve(out) === path.resolve(input))
        throw new Error(`批注副本不能覆盖原文件：${input}`);
      await fs.mkdir(outDir, { recursive: true });
      const tmp = `${out}.${process.pid}.tmp`;
      await fs.writeFile(tmp, annotateDocx(bytes, marks));
      await fs.rename(tmp, out);
      written.push(out);
    };
    const narrative = paragraphMarks(reportFindings);
    if (formBytes) {
      const cells = results.flatMap((r) => cellMarks(r.sheet, r.findings));
      await put(file, formBytes, { cells, paragraphs: reportBytes ? [] : narrative });
    }
    if (reportBytes && reportDocx)
      await put(reportDocx, reportBytes, { cells: [], paragraphs: narrative });
    return written;
  };
  return { results, notes, reportFindings, sheets, workbook, annotate };
}
