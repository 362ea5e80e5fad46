import { availableParallelism, cpus } from 'os';
import { type ExplainOptions, parseExplainArgs, profileArg } from './explainArgs';
import { DEFAULT_MAX_FILE_MB } from './limits';
import { FORMAT_NAMES, type FormatName } from './formatters/format';

/** The command line, parsed: `selfeval check <file-or-folder>... [--format F] [--out DIR] [--csv FILE]`. */
export interface CheckOptions {
  command: 'check';
  paths: string[];
  /** What stdout gets (--format; --json is --format json). */
  format: FormatName;
  /** format === 'json', kept for the code that asks only that. */
  json: boolean;
  outDir: string | null;
  csvFile: string | null;
  /** --xlsx: the 汇总 workbook; --html: the HTML report. */
  xlsxFile: string | null;
  htmlFile: string | null;
  /** --quiet: only the forms that need work and the totals line. */
  quiet: boolean;
  tolerance: string | null;
  /** Per-file size limit in MB; the unzipped-size, memory and time limits scale with it. */
  maxFileMb: number;
  /** Files checked at once, each in its own worker. */
  jobs: number;
  /** The 自评报告 (.docx / .doc) to cross-check against the one form given. */
  report: string | null;
  /** A reading given by the user for every form (--layout FILE.json, engine/reading/layout.ts). */
  layoutFile: string | null;
  /** --profile: the profile to check under, instead of the workbook's or the default. */
  profile: string | null;
}

export type ParsedArgs =
  | CheckOptions
  | ExplainOptions
  | { command: 'profiles' }
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'error'; message: string };

export function defaultJobs(): number {
  return typeof availableParallelism === 'function'
    ? availableParallelism()
    : Math.max(1, cpus().length);
}

export const USAGE = `用法：selfeval check <文件或文件夹>... [--format text|json|csv|xlsx|html] [--out 目录] [--csv 文件] [--xlsx 文件] [--html 文件]

  check             校验绩效自评表（.xlsx、Word 文档 .docx；装有 LibreOffice 时也收 .xls / .doc）；
                    文件夹会递归查找其中的这些文件，同名的表和报告（X.xlsx 与 X.docx，X自评表.xlsx 与 X自评报告.docx）自动配对
  --report 文件     与表格核对的自评报告（.docx / .doc），只用于单个表格文件
  --format 格式     标准输出的格式：text（默认，文本报告）、json、csv、xlsx（汇总工作簿）、html（报告网页）
  --json            即 --format json：以 JSON 输出（每张自评表一项；无法校验的文件一项；格式见 docs/selfeval-result.schema.json）
  --quiet           只列出需要修改或说明的表和最后的合计行
  --out 目录        为每个已校验的文件写一份标注副本 <名称>.checked.xlsx / .checked.docx（不改原文件）
  --csv 文件        把汇总表写成 CSV（UTF-8 BOM，Excel 可直接打开）
  --xlsx 文件       写一份汇总工作簿：汇总（每表一行）、问题清单（每个问题一行）、规则统计
  --html 文件       写一份报告网页（单个文件，不联网）：合计、图表、可排序筛选的各表及其问题
  --tolerance 数    金额容差（表内单位，默认 0.01）
  --layout 文件     读取方式（JSON）：各块表头行与各列角色、总分行，用于同一模板的一批表（见 README）
  --profile 编号    按指定的评分口径（profile）校验；不指定时用工作簿中保存的选择，或按表式自动选择，默认全国通用
  --max-file-mb 数  单个文件的大小限制（默认 ${DEFAULT_MAX_FILE_MB} MB）；解压大小、内存和时间限制随之按比例提高
  --jobs 数         同时校验的文件数（默认为处理器核数）
  --                之后的参数都当作文件名（文件名以 - 开头时用）
  -h, --help        显示本帮助

       selfeval explain <表格.xlsx> <单元格> "说明" [--rule 规则] --out 目录
                    为一条警告或提示写审核说明，保存在副本里（不改原文件）；错误不能说明，只能修正
       selfeval profiles
                    列出可用的评分口径（profile）

退出码：0 无错误；1 发现错误；2 有文件无法校验（无法读取、不是 .xlsx、已加密、未找到自评表、超过限制）或输出无法写入。`;

export function parseArgs(argv: string[]): ParsedArgs {
  const separator = argv.indexOf('--');
  const options = separator < 0 ? argv : argv.slice(0, separator);
  if (options.length === 0 || options.includes('-h') || options.includes('--help'))
    return { command: 'help' };
  if (options.includes('-v') || options.includes('--version')) return { command: 'version' };
  const [command, ...rest] = options;
  if (command === 'profiles') return { command: 'profiles' };
  if (command === 'explain')
    return parseExplainArgs(rest, separator < 0 ? [] : argv.slice(separator + 1));
  if (command !== 'check')
    return {
      command: 'error',
      message: `未知命令“${command}”。可用命令：check、explain、profiles。`,
    };
  const opts: CheckOptions = {
    command: 'check',
    paths: [],
    format: 'text',
    json: false,
    outDir: null,
    csvFile: null,
    xlsxFile: null,
    htmlFile: null,
    quiet: false,
    tolerance: null,
    maxFileMb: DEFAULT_MAX_FILE_MB,
    jobs: defaultJobs(),
    report: null,
    layoutFile: null,
    profile: null,
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = (): string | null => {
      const v = rest[i + 1];
      if (v === undefined || v.startsWith('--')) return null;
      i++;
      return v;
    };
    if (arg === '--json') opts.format = 'json';
    else if (arg === '--quiet' || arg === '-q') opts.quiet = true;
    else if (arg === '--format') {
      const v = value();
      if (v === null || !(FORMAT_NAMES as string[]).includes(v))
        return {
          command: 'error',
          message: `--format 需要 ${FORMAT_NAMES.join('、')} 之一${v === null ? '' : `，收到“${v}”`}。`,
        };
      opts.format = v as FormatName;
    } else if (arg === '--profile') {
      const p = profileArg(value());
      if (typeof p !== 'string') return p;
      opts.profile = p;
    } else if (
      arg === '--out' ||
      arg === '--csv' ||
      arg === '--xlsx' ||
      arg === '--html' ||
      arg === '--tolerance' ||
      arg === '--max-file-mb' ||
      arg === '--jobs' ||
      arg === '--report' ||
      arg === '--layout'
    ) {
      const v = value();
      if (v === null)
        return {
          command: 'error',
          message: `${arg} 后面需要跟一个${arg === '--out' ? '目录' : ['--csv', '--xlsx', '--html', '--layout'].includes(arg) ? '文件名' : '数值'}。`,
        };
      if (arg === '--out') opts.outDir = v;
      else if (arg === '--layout') opts.layoutFile = v;
      else if (arg === '--report') {
        if (!/\.docx?$/i.test(v))
          return {
            command: 'error',
            message: `--report 需要一个 Word 文档（.docx 或 .doc），收到“${v}”。`,
          };
        opts.report = v;
      } else if (arg === '--csv') opts.csvFile = v;
      else if (arg === '--xlsx') opts.xlsxFile = v;
      else if (arg === '--html') opts.htmlFile = v;
      else if (arg === '--tolerance') {
        if (!/^\d+(\.\d+)?$/.test(v))
          return { command: 'error', message: `--tolerance 需要一个非负数，收到“${v}”。` };
        opts.tolerance = v;
      } else if (arg === '--max-file-mb') {
        if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0 || Number(v) > 4096)
          return {
            command: 'error',
            message: `--max-file-mb 需要一个 0 到 4096 之间的数（单位 MB），收到“${v}”。`,
          };
        opts.maxFileMb = Number(v);
      } else {
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 256)
          return { command: 'error', message: `--jobs 需要一个 1 到 256 之间的整数，收到“${v}”。` };
        opts.jobs = Number(v);
      }
    } else if (arg.startsWith('--')) return { command: 'error', message: `未知选项“${arg}”。` };
    else opts.paths.push(arg);
  }
  if (separator >= 0) opts.paths.push(...argv.slice(separator + 1));
  opts.json = opts.format === 'json';
  if (opts.paths.length === 0)
    return { command: 'error', message: '请指定要校验的 .xlsx 文件或文件夹。' };
  if (opts.report && opts.paths.length !== 1)
    return {
      command: 'error',
      message: '--report 只能和一个表格文件一起使用；文件夹里的表和报告会按文件名自动配对。',
    };
  return opts;
}
