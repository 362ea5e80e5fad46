import { statSync } from 'fs';
import type { Limits } from './limits';

/**
 * When a lone workbook may be checked in the CLI's own process (src/cli/inline.ts): kept apart
 * from it so the main thread can ask without loading the engine.
 */

/** A lone workbook up to this size may be checked in this process… */
export const INLINE_FILE_BYTES = 2 * 1024 * 1024;
/** …if it inflates to no more than this… */
export const INLINE_UNZIPPED_BYTES = 16 * 1024 * 1024;
/** …and its parts hold no more cells than this (a form has a few hundred)… */
export const INLINE_CELLS = 50_000;
/** …nor more merges… */
export const INLINE_MERGES = 2_000;
/** …nor reach a row past this (the grid is as tall as its last row, 256 columns at most). */
export const INLINE_ROWS = 2_000;

/** Whether a lone input may be checked here, by its name, size and the limits (then no worker is started ahead of it). */
export function mayCheckInline(file: string, limits: Limits): boolean {
  if (!/\.xls[xm]$/i.test(file) || limits.timeMs < 60_000 || limits.memoryMb < 512) return false;
  try {
    const st = statSync(file);
    return st.isFile() && st.size <= Math.min(INLINE_FILE_BYTES, limits.fileBytes);
  } catch {
    return false;
  }
}
