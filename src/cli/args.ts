/** The command line, parsed: `selfeval check <file-or-folder>... [--json] [--out DIR] [--csv FILE]`. */
export interface CheckOptions {
  command: 'check';
  paths: string[];
  json: boolean;
  outDir: string | null;
  csvFile: string | null;
  tolerance: string | null;
}

export type ParsedArgs = CheckOptions | { command: 'help' } | { command: 'version' } | { command: 'error'; message: string };

export const USAGE = `用法：selfeval check <文件或文件夹>... [--json] [--out 目录] [--csv 文件] [--tolerance 0.01]

  check           校验绩效自评表（.xlsx）；文件夹会递归查找其中所有 .xlsx
  --json          以 JSON 输出到标准输出（每张自评表一项；无法校验的文件一项）
  --out 目录      为每个已校验的文件写一份标注副本 <名称>.checked.xlsx（不改原文件）
  --csv 文件      把汇总表写成 CSV（UTF-8 BOM，Excel 可直接打开）
  --tolerance 数  金额容差（表内单位，默认 0.01）
  -h, --help      显示本帮助

退出码：0 无错误；1 发现错误；2 有文件无法校验（无法读取、不是 .xlsx、已加密、未找到自评表）。`;

export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help')) return { command: 'help' };
  if (argv.includes('-v') || argv.includes('--version')) return { command: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'check') return { command: 'error', message: `未知命令“${command}”。可用命令：check。` };
  const opts: CheckOptions = { command: 'check', paths: [], json: false, outDir: null, csvFile: null, tolerance: null };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = (): string | null => {
      const v = rest[i + 1];
      if (v === undefined || v.startsWith('--')) return null;
      i++;
      return v;
    };
    if (arg === '--json') opts.json = true;
    else if (arg === '--out' || arg === '--csv' || arg === '--tolerance') {
      const v = value();
      if (v === null) return { command: 'error', message: `${arg} 后面需要跟一个${arg === '--tolerance' ? '数值' : arg === '--out' ? '目录' : '文件名'}。` };
      if (arg === '--out') opts.outDir = v;
      else if (arg === '--csv') opts.csvFile = v;
      else if (!/^\d+(\.\d+)?$/.test(v)) return { command: 'error', message: `--tolerance 需要一个非负数，收到“${v}”。` };
      else opts.tolerance = v;
    } else if (arg.startsWith('--')) return { command: 'error', message: `未知选项“${arg}”。` };
    else opts.paths.push(arg);
  }
  if (opts.paths.length === 0) return { command: 'error', message: '请指定要校验的 .xlsx 文件或文件夹。' };
  return opts;
}
