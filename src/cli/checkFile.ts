import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  statSync,
  lstatSync,
  type Stats,
} from 'fs';
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
import { reasonOf } from './errors';
import { type Limits, limitSentence } from './limits';

import { failed, fileResult, type FileResult, type Task, type TaskResult } from './result';

export { failed, type FileResult, type FileStatus, type Task, type TaskResult } from './result';

function kindSentence(st: Stats): string {
  if (st.isDirectory()) return '这是一个文件夹，不是文件。';
  if (st.isFIFO()) return '这是命名管道（FIFO），不是工作簿文件，已跳过。';
  if (st.isSocket()) return '这是套接字，不是工作簿文件，已跳过。';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '这是设备文件，不是工作簿文件，已跳过。';
  return '这不是普通文件，已跳过。';
}

function readSentence(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    const link = (() => {
      try {
        return lstatSync(file).isSymbolicLink();
      } catch {
        return false;
      }
    })();
    return link ? '这是一个断开的链接（指向的文件不存在）。' : '文件不存在。';
  }
  if (code === 'EACCES' || code === 'EPERM') return '没有读取该文件的权限。';
  if (code === 'EISDIR') return '这是一个文件夹，不是文件。';
  return `无法读取文件：${reasonOf(e)}。`;
}

/**
 * Reads a regular file and nothing else: a device, FIFO or socket (or a link to one) is refused
 * before it is opened, and the open itself never blocks (O_NONBLOCK) and is checked again on the
 * descriptor, so a file swapped for a FIFO in between cannot hang the batch.
 */
export function readRegularFile(file: string, limits: Limits): Buffer {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    throw new UnreadableFile(readSentence(file, e));
  }
  if (!st.isFile()) throw new UnreadableFile(kindSentence(st));
  if (st.size > limits.fileBytes)
    throw new UnreadableFile(limitSentence.size(limits, st.size), 'size');
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new UnreadableFile(readSentence(file, e));
  }
  try {
    const fst = fstatSync(fd);
    if (!fst.isFile()) throw new UnreadableFile(kindSentence(fst));
    if (fst.size > limits.fileBytes)
      throw new UnreadableFile(limitSentence.size(limits, fst.size), 'size');
    // The file may grow while read: never read past the limit.
    const buf = Buffer.allocUnsafe(Math.min(fst.size, limits.fileBytes) + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === buf.length) {
        if (n > limits.fileBytes) throw new UnreadableFile(limitSentence.size(limits, n), 'size');
        break;
      }
    }
    return buf.subarray(0, n);
  } catch (e) {
    if (e instanceof UnreadableFile) throw e;
    throw new UnreadableFile(readSentence(file, e));
  } finally {
    closeSync(fd);
  }
}

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

/** Reads and checks one workbook, inflating at most `unzippedBytes`; never throws for a bad file. */
function readAndCheck(
  task: Task,
  unzippedBytes: number,
):
  | { bytes: Buffer; results: FileResult[]; part: ExplanationPart | null }
  | { failed: TaskResult; limit: string | null } {
  const { file, limits } = task;
  try {
    const bytes = readRegularFile(file, limits);
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
      task.layout ?? undefined,
    );
    const results = explainResults(checked, part?.explanations ?? []).map((r) =>
      withClipped(fileResult(file, r), sheets),
    );
    return { bytes, results, part };
  } catch (e) {
    // A bug in the engine on some odd sheet must still be one sentence, not a stack trace.
    const message =
      e instanceof UnreadableFile
        ? e.message
        : `校验时出现内部错误：${e instanceof Error ? e.message : String(e)}。请把该文件反馈给开发者。`;
    return {
      failed: { results: [failed(file, 'unreadable', message)], copyError: null },
      limit: e instanceof UnreadableFile ? e.limit : null,
    };
  }
}

/** A lone workbook up to this size is checked in the CLI's own process (no worker to start). */
export const INLINE_FILE_BYTES = 2 * 1024 * 1024;
/** …as long as it inflates to no more than this: far below any time or memory limit. */
export const INLINE_UNZIPPED_BYTES = 16 * 1024 * 1024;

/**
 * Checks one small workbook in this process, saving the start of a worker (most of the time of
 * a one-file check): the same reading and checking as checkTask, inflating at most
 * INLINE_UNZIPPED_BYTES, which no time or memory limit can be reached under. Null when the file
 * is not such a workbook (another kind, a copy to write, larger, inflating to more, or limits
 * lowered below the defaults): then the pool checks it under its limits.
 */
export function checkTaskInline(task: Task): TaskResult | null {
  const { file, limits } = task;
  if (!/\.xls[xm]$/i.test(file) || task.report || task.outPath) return null;
  if (limits.timeMs < 60_000 || limits.memoryMb < 512) return null;
  try {
    const st = statSync(file);
    if (!st.isFile() || st.size > Math.min(INLINE_FILE_BYTES, limits.fileBytes)) return null;
  } catch {
    return null;
  }
  const cap = Math.min(INLINE_UNZIPPED_BYTES, limits.unzippedBytes);
  const read = readAndCheck(task, cap);
  if ('failed' in read) {
    // Over the inline cap but maybe within the file's limit: the pool decides.
    return read.limit === 'unzipped' && cap < limits.unzippedBytes ? null : read.failed;
  }
  return { results: read.results, copyError: null };
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
  const { bytes, results, part } = read;
  const checked = results.filter((r) => r.status === 'checked' && r.sheet !== null);
  let copyError: string | null = null;
  if (task.outPath && task.outRoot && checked.length) {
    try {
      // exceljs is loaded only here, when a copy is written.
      const { writeCopy } = await import('../adapters/exceljs/annotate');
      await writeCopy(
        bytes,
        checked.map((r) => ({ sheet: r.sheet as string, form: r.form, findings: r.findings })),
        task.outPath,
        task.outRoot,
      );
      // The copy carries the workbook's 审核说明 on (exceljs drops custom XML parts).
      if (part) await carryPart(task.outPath, part);
    } catch (e) {
      const own =
        e instanceof Error && ['OutsideOut', 'UnreadableWorkbook'].includes(e.constructor.name);
      copyError = `无法写入标注副本 ${task.outPath}：${own ? (e as Error).message.replace(/。$/, '') : reasonOf(e)}。`;
    }
  }
  return { results, copyError };
}

/**
 * A form in a Word document, an old .xls / .doc, or a workbook with its 自评报告: read through the
 * document adapter (converted by LibreOffice when old), the report cross-checked (docs/rules.md §6).
 * The same limits apply to the input; the copies are written where the workbook's would be.
 */
async function checkWithDocuments(task: Task): Promise<TaskResult> {
  const { file, limits } = task;
  try {
    readRegularFile(file, limits);
    if (task.report) readRegularFile(task.report, limits);
    const { checkDocxFile } = await import('./docx/checkDocx');
    const checked = await checkDocxFile(
      file,
      profileFor(task.tolerance, task.profile ?? null),
      task.report ?? undefined,
    );
    let copyError: string | null = null;
    if (task.outPath && task.outRoot && checked.results.some((r) => r.status === 'checked')) {
      try {
        const dir = path.dirname(task.outPath);
        await checked.annotate(dir);
        if (/\.xls[xm]$/i.test(file)) {
          const { writeCopy } = await import('../adapters/exceljs/annotate');
          const forms = checked.results.filter((r) => r.status === 'checked' && r.sheet !== null);
          await writeCopy(
            readRegularFile(file, limits),
            forms.map((r) => ({
              sheet: r.sheet as string,
              form: r.form,
              findings: r.findings.filter((f) => !f.rule.startsWith('report.')),
            })),
            task.outPath,
            task.outRoot,
          );
        }
      } catch (e) {
        copyError = `无法写入标注副本 ${task.outPath}：${reasonOf(e)}。`;
      }
    }
    // A Word table carries no custom XML part: the profile is the one asked for, else national.
    const used = profileFor(null, task.profile ?? null);
    const profile = { id: used.id, name: used.name, why: task.profile ? '由使用者选定' : '默认' };
    return {
      results: checked.results.map((r) => (r.status === 'checked' ? { ...r, profile } : r)),
      copyError,
    };
  } catch (e) {
    const message =
      e instanceof UnreadableFile
        ? e.message
        : `校验时出现内部错误：${e instanceof Error ? e.message : String(e)}。请把该文件反馈给开发者。`;
    return { results: [failed(file, 'unreadable', message)], copyError: null };
  }
}

/** Puts the 审核说明 part back into a copy just written (atomically: a temporary, then a rename). */
async function carryPart(copy: string, part: ExplanationPart): Promise<void> {
  const { promises: fs } = await import('fs');
  const { writeExplanationPart } = await import('../adapters/xlsx/customXml');
  const tmp = `${copy}.${process.pid}.part.tmp`;
  await fs.writeFile(tmp, writeExplanationPart(await fs.readFile(copy), part), { flag: 'wx' });
  await fs.rename(tmp, copy);
}
