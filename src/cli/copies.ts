import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { threadId } from 'worker_threads';
import { annotateXlsx } from '../adapters/xlsx/patch/annotate';
import { type FormFindings } from '../engine/findings/resultRows';
import { UnreadableFile } from '../adapters/xlsx/zip';
import { reasonOf } from './errors';
import { type Limits, unzipBudget } from './limits';

/**
 * Writing annotated copies (.xlsx and .docx alike): the same folder checks, temporary names and
 * atomic rename for both, so a copy lands only inside --out and a failure leaves nothing behind.
 */

/** Thrown when a folder inside --out leads elsewhere (a planted link): nothing is written there. */
export class OutsideOut extends Error {}

/**
 * A temporary name next to `target`: short (a target near the name-length limit still gets
 * written), and unique per process, worker thread and file, so two workers never share one.
 */
export function tempNameFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.selfeval-${process.pid}-${threadId}-${randomBytes(6).toString('hex')}.tmp`,
  );
}

/**
 * Writes bytes to `target` atomically: a temporary file created exclusively ('wx', so a link
 * planted at its name is never followed) next to the target, then renamed over it.
 */
export async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const tmp = tempNameFor(target);
  const handle = await fs.open(tmp, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** Creates the folder of `target` under `root`, refusing one that resolves outside it (a planted link). */
export async function ensureDirInside(target: string, root: string): Promise<void> {
  const dir = path.dirname(target);
  await fs.mkdir(dir, { recursive: true });
  const [realDir, realRoot] = await Promise.all([fs.realpath(dir), fs.realpath(root)]);
  if (realDir !== realRoot && !realDir.startsWith(realRoot + path.sep))
    throw new OutsideOut('输出文件夹中的子文件夹指向 --out 以外的位置（链接），未写入');
}

/** Writes `bytes` as the copy `outPath` inside `outRoot` (its folder made, links refused). */
export async function writeCopyBytes(
  outPath: string,
  outRoot: string,
  bytes: Uint8Array,
): Promise<void> {
  await ensureDirInside(outPath, outRoot);
  // A link planted at the copy's name is replaced by the rename, never written through.
  await writeAtomically(outPath, bytes);
}

/** The sentence for a copy that could not be written. */
export function copySentence(outPath: string, e: unknown): string {
  const own = e instanceof OutsideOut || e instanceof UnreadableFile;
  const why = own ? (e as Error).message.replace(/。$/, '') : reasonOf(e);
  return `无法写入标注副本 ${outPath}：${why}。`;
}

/**
 * The annotated .xlsx copy, patched from the input's bytes (no workbook model in between), so
 * the workbook's 审核说明 part and every other untouched part are carried byte for byte;
 * inflating no more than the file's unzipped limit.
 */
export async function writeXlsxCopy(
  bytes: Uint8Array,
  forms: FormFindings[],
  outPath: string,
  outRoot: string,
  limits: Limits,
): Promise<void> {
  const budget = unzipBudget(limits);
  await writeCopyBytes(outPath, outRoot, annotateXlsx(bytes, forms, budget).bytes);
}
