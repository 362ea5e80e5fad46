import * as path from 'path';
import { readXlsx } from '../adapters/xlsx/readXlsx';
import { withClipped } from './clipped';
import { UnreadableFile } from '../adapters/xlsx/zip';
import { readExplanationPart } from '../adapters/xlsx/customXml';
import { checkWorkbookChoosing } from '../engine/check';
import { explainResults } from '../engine/explain/apply';
import type { ExplanationPart } from '../engine/explain/types';
import { profileById } from '../engine/profile/catalogue';
import { NATIONAL_PROFILE, type Profile, withOverrides } from '../engine/profile/profile';
import { copySentence } from './copies';
import { internalSentence } from './errors';
import { limitSentence } from './limits';
import { readRegularFile } from './regularFile';
import { failed, fileResult, type FileResult, type TaskResult } from './result';
import type { Task } from './task';

const profiles = new Map<string, Profile>();
/** The profile with --tolerance applied, made once per pair (limitsOf caches by profile). */
function withTolerance(base: Profile, tolerance: string | null | undefined): Profile {
  if (!tolerance) return base;
  const k = `${base.id} ${tolerance}`;
  let p = profiles.get(k);
  if (!p) profiles.set(k, (p = withOverrides(base, { amountTolerance: tolerance })));
  return p;
}
function profileFor(tolerance: string | null, asked: string | null = null): Profile {
  return withTolerance((asked && profileById(asked)) || NATIONAL_PROFILE, tolerance);
}

/** Reads (unless `given` its bytes) and checks one workbook, inflating at most `unzippedBytes`; never throws for a bad file. */
export function readAndCheck(
  task: Task,
  unzippedBytes: number,
  given?: Buffer,
):
  | { bytes: Buffer; results: FileResult[]; part: ExplanationPart | null }
  | { failed: TaskResult; limit: string | null } {
  const { file, limits } = task;
  try {
    const bytes = given ?? readRegularFile(file, limits);
    const sheets = readXlsx(bytes, file, {
      maxUnzippedBytes: unzippedBytes,
      unzippedSentence: () => limitSentence.unzipped(limits),
    });
    // The workbook's 审核说明 and profile choice (RULES §7.1, §7.3): the add-in's custom XML part.
    const part = readExplanationPart(bytes);
    const checked = checkWorkbookChoosing(
      sheets,
      { asked: task.profile ?? null, stored: part?.profile ?? null },
      (p) => withTolerance(p, task.tolerance),
      // --layout speaks for every form of the run; else the readings corrected in this workbook.
      task.layout ?? part?.readings ?? undefined,
    );
    const results = explainResults(checked, part?.explanations ?? []).map((r) =>
      withClipped(fileResult(file, r), sheets),
    );
    return { bytes, results, part };
  } catch (e) {
    // A bug in the engine on some odd sheet must still be one sentence, not a stack trace.
    const message = e instanceof UnreadableFile ? e.message : internalSentence(e);
    return {
      failed: { results: [failed(file, 'unreadable', message)], copyError: null },
      limit: e instanceof UnreadableFile ? e.limit : null,
    };
  }
}

/**
 * Reads and checks one file, and writes its annotated copy when asked: one result per form in
 * it. Never throws for a bad file; it says why instead.
 */
export async function checkTask(task: Task): Promise<TaskResult> {
  const { file, limits } = task;
  // Word documents, old .xls / .doc (converted by LibreOffice), and a workbook with its report.
  if (/\.(?:docx|doc|xls)$/i.test(file) || (task.report && /\.xls[xm]$/i.test(file)))
    return checkWithDocuments(task);
  if (!/\.xls[xm]$/i.test(file)) {
    return {
      results: [
        failed(
          file,
          'unreadable',
          '不是可校验的文件：只能校验 Excel 工作簿（.xlsx，或装有 LibreOffice 时的 .xls）和 Word 文档（.docx / .doc）。',
        ),
      ],
      copyError: null,
    };
  }
  const read = readAndCheck(task, limits.unzippedBytes);
  if ('failed' in read) return read.failed;
  const { bytes, results } = read;
  const checked = results.filter((r) => r.status === 'checked' && r.sheet !== null);
  let copyError: string | null = null;
  let copied = 0;
  if (task.outPath && task.outRoot && checked.length) {
    try {
      // The copy is patched from the bytes just checked (issue 19 §5): no workbook model, so
      // every part the marks do not touch (the 审核说明 part included) is carried byte for byte.
      const { writeXlsxCopy } = await import('./copies');
      await writeXlsxCopy(
        bytes,
        checked.map((r) => ({ sheet: r.sheet as string, form: r.form, findings: r.findings })),
        task.outPath,
        task.outRoot,
        limits,
      );
      copied = 1;
    } catch (e) {
      copyError = copySentence(task.outPath, e);
    }
  }
  return { results, copyError, copied };
}

/**
 * A form in a Word document, an old .xls / .doc, or a workbook with its 自评报告: read through the
 * document adapter (converted by LibreOffice when old), the report cross-checked (docs/rules.md §6).
 * The same limits apply to the input; the copies are written where the workbook's would be.
 */
async function checkWithDocuments(task: Task): Promise<TaskResult> {
  const { file, limits } = task;
  try {
    // Read once, through the descriptor that passed the regular-file check (issue 21 §5).
    const bytes = /\.(?:docx|xlsx)$/i.test(file) ? readRegularFile(file, limits) : undefined;
    if (!bytes) readRegularFile(file, limits);
    const reportBytes =
      task.report && /\.docx$/i.test(task.report)
        ? readRegularFile(task.report, limits)
        : undefined;
    if (task.report && !reportBytes) readRegularFile(task.report, limits);
    const { checkDocxFile } = await import('./docx/checkDocx');
    const checked = await checkDocxFile(
      file,
      profileFor(task.tolerance, task.profile ?? null),
      task.report ?? undefined,
      { limits, bytes, reportBytes },
    );
    let copyError: string | null = null;
    let copied = 0;
    const { outPath, outRoot } = task;
    if (outPath && outRoot && checked.results.some((r) => r.status === 'checked')) {
      const { writeCopyBytes, writeXlsxCopy } = await import('./copies');
      const failures: string[] = [];
      // A workbook (.xlsx, or the .xls's converted copy) gets its patched copy at outPath.
      if (checked.workbook) {
        const forms = checked.results.filter((r) => r.status === 'checked' && r.sheet !== null);
        try {
          await writeXlsxCopy(
            checked.workbook.bytes,
            forms.map((r) => ({
              sheet: r.sheet as string,
              form: r.form,
              findings: r.findings.filter((f) => !f.rule.startsWith('report.')),
            })),
            outPath,
            outRoot,
            limits,
          );
          copied++;
        } catch (e) {
          failures.push(copySentence(outPath, e));
        }
      }
      // Word copies: the form's document at outPath (its .checked.docx name, made unique and
      // short enough with the others'), a separate report beside it; the same write rules.
      for (const doc of checked.copies()) {
        const target =
          doc.input === file
            ? outPath
            : path.join(
                path.dirname(outPath),
                `${path.basename(doc.input).replace(/\.[^.]+$/, '')}.checked.docx`,
              );
        try {
          await writeCopyBytes(target, outRoot, doc.bytes);
          copied++;
        } catch (e) {
          failures.push(copySentence(target, e));
        }
      }
      copyError = failures.length ? failures.join('') : null;
    }
    // A Word table carries no custom XML part: the profile is the one asked for, else national.
    const used = profileFor(null, task.profile ?? null);
    const profile = { id: used.id, name: used.name, why: task.profile ? '由使用者选定' : '默认' };
    return {
      results: checked.results.map((r) => (r.status === 'checked' ? { ...r, profile } : r)),
      copyError,
      copied,
    };
  } catch (e) {
    const message = e instanceof UnreadableFile ? e.message : internalSentence(e);
    return { results: [failed(file, 'unreadable', message)], copyError: null };
  }
}
