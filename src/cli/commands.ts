import { promises as fs } from 'fs';
import * as path from 'path';
import { writeAnnotatedCopy } from '../adapters/exceljs/annotate';
import { NATIONAL_PROFILE, withOverrides } from '../engine/profile/profile';
import type { CheckOptions } from './args';
import { checkFile, type FileResult } from './checkFile';
import { collectTargets } from './files';
import { toCsv } from './report/csv';
import { toJson } from './report/json';
import { fileReport, summaryTable } from './report/text';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress redraws one line there). */
  stderrIsTTY: boolean;
}

/** Batches at least this large show progress on stderr. */
const PROGRESS_FROM = 10;

/** Exit code: 2 when any file could not be checked, else 1 when any has errors, else 0. */
export function exitCodeOf(results: FileResult[]): number {
  if (results.some((r) => r.status !== 'checked')) return 2;
  return results.some((r) => r.summary.errors > 0) ? 1 : 0;
}

export async function runCheck(opts: CheckOptions, io: Io): Promise<number> {
  const targets = await collectTargets(opts.paths);
  if (targets.length === 0) {
    io.stderr(`selfeval：在 ${opts.paths.join('、')} 中没有找到 .xlsx 文件。\n`);
    if (opts.json) io.stdout('[]\n');
    return 2;
  }
  const profile = opts.tolerance ? withOverrides(NATIONAL_PROFILE, { amountTolerance: opts.tolerance }) : NATIONAL_PROFILE;
  const outDir = opts.outDir ? path.resolve(opts.outDir) : null;
  const results: FileResult[] = [];
  let writeFailed = false;
  for (const [index, target] of targets.entries()) {
    if (targets.length >= PROGRESS_FROM) progress(io, index + 1, targets.length, target.file);
    const { results: forms, workbook } = await checkFile(target.file, profile);
    results.push(...forms);
    for (const r of forms) if (r.status !== 'checked') io.stderr(`${r.file}：${r.message}\n`);
    const checked = forms.filter((r) => r.status === 'checked' && r.sheet !== null);
    if (outDir && workbook && checked.length) {
      const outPath = path.join(outDir, target.outName);
      if (path.resolve(outPath) === path.resolve(target.file)) continue; // never overwrite an input
      try {
        await writeAnnotatedCopy(workbook, checked.map((r) => ({ sheet: r.sheet as string, form: r.form, findings: r.findings })), outPath);
      } catch (e) {
        writeFailed = true;
        io.stderr(`${target.file}：无法写入标注副本 ${outPath}（${e instanceof Error ? e.message : String(e)}）。\n`);
      }
    }
  }
  if (targets.length >= PROGRESS_FROM && io.stderrIsTTY) io.stderr('\n');
  if (opts.json) io.stdout(`${toJson(results)}\n`);
  else io.stdout(`${results.map(fileReport).join('\n\n')}\n\n${summaryTable(results)}\n${outDir ? `\n标注副本已写入 ${outDir}\n` : ''}`);
  if (opts.csvFile) {
    try {
      await fs.mkdir(path.dirname(path.resolve(opts.csvFile)), { recursive: true });
      await fs.writeFile(opts.csvFile, toCsv(results));
    } catch (e) {
      writeFailed = true;
      io.stderr(`无法写入 CSV 文件 ${opts.csvFile}（${e instanceof Error ? e.message : String(e)}）。\n`);
    }
  }
  const code = exitCodeOf(results);
  return writeFailed ? 2 : code;
}

function progress(io: Io, n: number, total: number, file: string): void {
  if (io.stderrIsTTY) io.stderr(`\r[${n}/${total}] ${path.basename(file)}`.padEnd(60));
  else if (n === 1 || n % 50 === 0 || n === total) io.stderr(`[${n}/${total}] ${file}\n`);
}
