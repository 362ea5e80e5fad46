/**
 * Per-file limits, all scaled by one knob (`--max-file-mb`), so one sentence can say how to raise
 * whichever was hit. The defaults are far above any real form (a few hundred KB, checked in
 * well under a second) and far below what would take the machine down.
 */
import { Budget } from '../adapters/xlsx/zip';

export interface Limits {
  maxFileMb: number;
  /** The file itself. */
  fileBytes: number;
  /** Everything inflated from the zip, as declared by its directory and as actually inflated. */
  unzippedBytes: number;
  /** The checking worker's heap. */
  memoryMb: number;
  /** Wall time for one file. */
  timeMs: number;
}

export const DEFAULT_MAX_FILE_MB = 20;
const MB = 1024 * 1024;

export function limitsFor(maxFileMb: number = DEFAULT_MAX_FILE_MB): Limits {
  // Test hooks: a corpus generated at test time cannot take a minute or a gigabyte.
  const time = Number(process.env.SELFEVAL_TEST_TIME_MS) || Math.max(60_000, maxFileMb * 3000);
  const memory =
    Number(process.env.SELFEVAL_TEST_MEMORY_MB) || Math.max(512, Math.round(maxFileMb * 25));
  return {
    maxFileMb,
    fileBytes: Math.round(maxFileMb * MB),
    unzippedBytes: Math.round(maxFileMb * 20 * MB),
    memoryMb: memory,
    timeMs: time,
  };
}

function mb(bytes: number): string {
  const v = bytes / MB;
  return v >= 10 ? String(Math.round(v)) : String(Math.round(v * 10) / 10);
}

function raise(limits: Limits, atLeast = 0): number {
  return Math.max(limits.maxFileMb * 2, Math.ceil(atLeast));
}

export const limitSentence = {
  size: (limits: Limits, size: number) =>
    `文件有 ${mb(size)} MB，超过单个文件 ${mb(limits.fileBytes)} MB 的大小限制，已跳过；确需校验请加 --max-file-mb ${raise(limits, size / MB + 1)}。`,
  unzipped: (limits: Limits) =>
    `工作簿解压后超过 ${mb(limits.unzippedBytes)} MB 的解压大小限制（异常文件或“压缩炸弹”），已跳过；确需校验请加 --max-file-mb ${raise(limits)}（解压限制随之提高）。`,
  time: (limits: Limits) =>
    `校验超过 ${Math.round(limits.timeMs / 1000)} 秒的时间限制，已跳过；确需校验请加 --max-file-mb ${raise(limits)}（时间限制随之提高）。`,
  memory: (limits: Limits) =>
    `校验所需内存超过 ${limits.memoryMb} MB 的内存限制，已跳过；确需校验请加 --max-file-mb ${raise(limits)}（内存限制随之提高）。`,
};

/** The unzipped-size budget of one file (a workbook, or a Word 文档), with its sentence. */
export function unzipBudget(limits: Limits, what: '工作簿' | '文档' = '工作簿'): Budget {
  return new Budget(limits.unzippedBytes, () =>
    limitSentence.unzipped(limits).replace('工作簿', what),
  );
}
