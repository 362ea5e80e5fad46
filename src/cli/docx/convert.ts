import { spawn } from 'child_process';
import { existsSync, promises as fs, realpathSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { type Limits, limitsFor } from '../limits';

/** The LibreOffice command on PATH (soffice or libreoffice), or null. */
export function findSoffice(): string | null {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const cmd of ['soffice', 'libreoffice']) {
    for (const d of dirs) if (existsSync(path.join(d, cmd))) return path.join(d, cmd);
  }
  return null;
}

/** Whether LibreOffice's Writer is installed (Debian ships it apart: libreoffice-writer-nogui). */
export function hasWriter(soffice: string | null = findSoffice()): boolean {
  if (!soffice) return false;
  try {
    const program = path.dirname(realpathSync(soffice));
    return (
      existsSync(path.join(program, 'libswlo.so')) ||
      existsSync(path.join(program, 'swlo.dll')) ||
      existsSync(path.join(program, '..', 'Frameworks', 'libswlo.dylib'))
    );
  } catch {
    return false;
  }
}

/** One sentence on converting by hand, for when LibreOffice is not installed. */
export function convertAdvice(file: string): string {
  const legacy = path.extname(file).toLowerCase();
  const target = legacy === '.doc' ? '.docx' : '.xlsx';
  const app = legacy === '.doc' ? 'Word' : 'Excel';
  return `这是旧版 ${legacy} 文件：请安装 LibreOffice 后重试（将自动转换），或在 ${app} 中另存为 ${target} 后再校验。`;
}

export type Converted = { ok: true; path: string; dir: string } | { ok: false; message: string };

/** Conversions under way in this process: killed and cleaned up if the process is told to stop. */
const running = new Map<number, string>();
let hooked = false;
function cleanUpOnStop(): void {
  if (hooked) return;
  hooked = true;
  const stop = (signal: NodeJS.Signals) => {
    for (const [pid, dir] of running) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
      try {
        require('fs').rmSync(dir, { recursive: true, force: true });
      } catch {
        // nothing left to remove
      }
    }
    running.clear();
    process.kill(process.pid, signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
}

/** What LibreOffice said, kept short: its output is never buffered whole (no ENOBUFS). */
const KEEP = 4096;

/**
 * Converts a .doc to .docx or a .xls to .xlsx with LibreOffice headless, into a new temporary
 * folder (the caller removes `dir`). The input is only read. LibreOffice runs asynchronously in a
 * process group of its own, killed with its group when the time limit comes (a little before the
 * pool's, so this process is still there to clean up); its profile is a file URL (a TMPDIR with a
 * space or # works), and the folder is removed on failure, timeout and Ctrl-C.
 */
export async function convertLegacy(
  file: string,
  soffice: string | null = findSoffice(),
  limits: Limits = limitsFor(),
): Promise<Converted> {
  if (!soffice) return { ok: false, message: convertAdvice(file) };
  const target = path.extname(file).toLowerCase() === '.doc' ? 'docx' : 'xlsx';
  if (target === 'docx' && !hasWriter(soffice))
    return {
      ok: false,
      message: `这是旧版 .doc 文件，而 LibreOffice 未安装 Writer 组件（libreoffice-writer）：请安装后重试，或在 Word 中另存为 .docx 后再校验。`,
    };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-convert-'));
  const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
  const app = target === 'docx' ? 'Word' : 'Excel';
  const timeMs = Math.max(1000, limits.timeMs - 2000);
  cleanUpOnStop();
  const result = await new Promise<{ code: number | null; timedOut: boolean; said: string }>(
    (resolve) => {
      let said = '';
      let timedOut = false;
      const child = spawn(
        soffice,
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--convert-to',
          target,
          '--outdir',
          dir,
          path.resolve(file),
        ],
        { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      const pid = child.pid;
      if (pid) running.set(pid, dir);
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (t: string) => {
        if (said.length < KEEP) said = (said + t).slice(0, KEEP);
      });
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          if (pid) process.kill(-pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }, timeMs);
      const done = (code: number | null) => {
        clearTimeout(timer);
        if (pid) running.delete(pid);
        resolve({ code, timedOut, said });
      };
      child.on('error', () => done(-1));
      child.on('close', (code) => done(code));
    },
  );
  const out = path.join(dir, `${path.basename(file, path.extname(file))}.${target}`);
  if (result.timedOut || result.code !== 0 || !existsSync(out)) {
    await fs.rm(dir, { recursive: true, force: true });
    if (result.timedOut)
      return {
        ok: false,
        message: `LibreOffice 转换超过 ${Math.round(timeMs / 1000)} 秒仍未完成，已停止；请在 ${app} 中另存为 .${target} 后再校验。`,
      };
    // LibreOffice's own output is English and says nothing a user can act on: not shown.
    return {
      ok: false,
      message: `LibreOffice 未能转换该文件；请在 ${app} 中另存为 .${target} 后再校验。`,
    };
  }
  return { ok: true, path: out, dir };
}
