import { spawnSync } from 'child_process';
import { existsSync, promises as fs, realpathSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

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

/**
 * Converts a .doc to .docx or a .xls to .xlsx with LibreOffice headless, into a new temporary
 * folder (the caller removes `dir`). The input is only read.
 */
export async function convertLegacy(
  file: string,
  soffice: string | null = findSoffice(),
): Promise<Converted> {
  if (!soffice) return { ok: false, message: convertAdvice(file) };
  const target = path.extname(file).toLowerCase() === '.doc' ? 'docx' : 'xlsx';
  if (target === 'docx' && !hasWriter(soffice))
    return {
      ok: false,
      message: `这是旧版 .doc 文件，而 LibreOffice 未安装 Writer 组件（libreoffice-writer）：请安装后重试，或在 Word 中另存为 .docx 后再校验。`,
    };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-convert-'));
  const profile = path.join(dir, 'lo-profile');
  const r = spawnSync(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      target,
      '--outdir',
      dir,
      path.resolve(file),
    ],
    {
      encoding: 'utf8',
      timeout: 180_000,
    },
  );
  const out = path.join(dir, `${path.basename(file, path.extname(file))}.${target}`);
  if (r.status !== 0 || !existsSync(out)) {
    await fs.rm(dir, { recursive: true, force: true });
    return {
      ok: false,
      message: `LibreOffice 未能转换该文件（${(r.stderr || r.error?.message || '').trim().split('\n')[0] || '无输出'}）；请在 ${target === 'docx' ? 'Word' : 'Excel'} 中另存为 .${target} 后再校验。`,
    };
  }
  return { ok: true, path: out, dir };
}
