import { promises as fs } from 'fs';
import * as path from 'path';
import type { CheckOptions } from '../args';
import type { Targets } from '../files';
import type { FormatName } from '../formatters/format';
import { safe } from '../formatters/safe';

/** A path with its links resolved, as far as it exists. */
async function canonical(p: string): Promise<string> {
  const abs = path.resolve(p);
  try {
    return await fs.realpath(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(await canonical(parent), path.basename(abs));
  }
}

const within = (p: string, base: string) => p === base || p.startsWith(base + path.sep);

/** The files the run writes besides stdout, by flag: --csv, --xlsx, --html. */
export function outputFiles(
  opts: CheckOptions,
): { flag: string; format: FormatName; file: string }[] {
  const files: { flag: string; format: FormatName; file: string }[] = [];
  if (opts.csvFile) files.push({ flag: '--csv', format: 'csv', file: opts.csvFile });
  if (opts.xlsxFile) files.push({ flag: '--xlsx', format: 'xlsx', file: opts.xlsxFile });
  if (opts.htmlFile) files.push({ flag: '--html', format: 'html', file: opts.htmlFile });
  return files;
}

/** --out, --csv, --xlsx and --html must not be, or be inside, an input file: refused before anything runs. */
export async function refuseClobber(opts: CheckOptions, targets: Targets): Promise<string | null> {
  const files = outputFiles(opts);
  if (!opts.outDir && files.length === 0) return null;
  const inputs = new Map<string, string>();
  for (const t of targets) if (!t.problem) inputs.set(await canonical(t.file), t.file);
  if (opts.outDir) {
    const out = await canonical(opts.outDir);
    for (const [c, file] of inputs)
      if (within(out, c))
        return `--out 指向的“${safe(opts.outDir)}”是要校验的输入文件“${safe(file)}”（或在它的位置之下），为免覆盖已拒绝；请换一个输出目录。`;
  }
  const seen = new Map<string, string>();
  for (const { flag, file: name } of files) {
    const target = await canonical(name);
    const twice = seen.get(target);
    if (twice) return `${twice} 和 ${flag} 指向同一个文件“${safe(name)}”；请给它们不同的文件名。`;
    seen.set(target, flag);
    for (const [c, file] of inputs)
      if (within(target, c))
        return `${flag} 指向的“${safe(name)}”是要校验的输入文件“${safe(file)}”（或在它的位置之下），为免覆盖已拒绝；请换一个文件名。`;
    // A hard link to an input is the input too.
    const st = await fs.stat(target).catch(() => null);
    if (st) {
      if (st.isDirectory()) return `${flag} 指向的“${safe(name)}”是一个文件夹；请给出一个文件名。`;
      for (const [c, file] of inputs) {
        const s = await fs.stat(c).catch(() => null);
        if (s && s.dev === st.dev && s.ino === st.ino)
          return `${flag} 指向的“${safe(name)}”就是输入文件“${safe(file)}”，为免覆盖已拒绝；请换一个文件名。`;
      }
    }
  }
  // A device, FIFO or socket is never replaced by a file (as root, --csv /dev/full once was).
  const special = (st: import('fs').Stats) =>
    st.isCharacterDevice() || st.isBlockDevice() || st.isFIFO() || st.isSocket();
  if (opts.outDir) {
    const st = await fs.stat(opts.outDir).catch(() => null);
    if (st && !st.isDirectory())
      return `--out 指向的“${safe(opts.outDir)}”${special(st) ? '是设备、命名管道或套接字' : '是一个文件'}，不是文件夹；请给出一个输出文件夹。`;
  }
  for (const { flag, file: name } of files) {
    const st = await fs.stat(name).catch(() => null);
    if (st && special(st))
      return `${flag} 指向的“${safe(name)}”是设备、命名管道或套接字，不是普通文件，为免破坏已拒绝；请给出一个文件名。`;
  }
  return null;
}
