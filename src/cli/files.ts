import { promises as fs } from 'fs';
import * as path from 'path';

export interface Target {
  /** As the user gave it, or joined under the folder they gave. */
  file: string;
  /** Where its annotated copy goes, relative to --out (mirrors sub-folders, so names cannot clash). */
  outName: string;
}

/** Our own output and Excel's lock files are not forms to check. */
function isCandidate(name: string): boolean {
  return /\.xlsx$/i.test(name) && !name.startsWith('~$') && !/\.checked\.xlsx$/i.test(name);
}

async function walk(dir: string, base: string, out: Target[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walk(full, base, out);
    else if (e.isFile() && isCandidate(e.name)) out.push({ file: full, outName: checkedName(path.relative(base, full)) });
  }
}

export function checkedName(relative: string): string {
  return relative.replace(/\.xlsx$/i, '') + '.checked.xlsx';
}

/**
 * Expands folders into their .xlsx files (recursively, sorted). A path that is neither is kept,
 * so the checker can say in one sentence what is wrong with it.
 */
export async function collectTargets(paths: string[]): Promise<Target[]> {
  const out: Target[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (stat && stat.isDirectory()) await walk(p, p, out);
    else out.push({ file: p, outName: checkedName(path.basename(p)) });
  }
  return out;
}
