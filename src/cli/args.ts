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

type Refusal = { command: 'error'; message: string };

/** What an option does with the value after it (null when none follows): the sentence refusing it, or null. */
type Setter = (opts: CheckOptions, v: string | null) => string | null;

/** An option that needs a value, "--out 后面需要跟一个目录。" when none follows. */
const taking =
  (
    arg: string,
    what: '目录' | '文件名' | '数值',
    set: (opts: CheckOptions, v: string) => string | null,
  ): Setter =>
  (opts, v) =>
    v === null ? `${arg} 后面需要跟一个${what}。` : set(opts, v);

/** check's options with a value, by name. */
const OPTIONS = new Map<string, Setter>([
  [
    '--format',
    (opts, v) => {
      if (v === null || !(FORMAT_NAMES as string[]).includes(v))
        return `--format 需要 ${FORMAT_NAMES.join('、')} 之一${v === null ? '' : `，收到“${v}”`}。`;
      opts.format = v as FormatName;
      return null;
    },
  ],
  [
    '--profile',
    (opts, v) => {
      const p = profileArg(v);
      if (typeof p !== 'string') return p.message;
      opts.profile = p;
      return null;
    },
  ],
  ['--out', taking('--out', '目录', (opts, v) => ((opts.outDir = v), null))],
  ['--csv', taking('--csv', '文件名', (opts, v) => ((opts.csvFile = v), null))],
  ['--xlsx', taking('--xlsx', '文件名', (opts, v) => ((opts.xlsxFile = v), null))],
  ['--html', taking('--html', '文件名', (opts, v) => ((opts.htmlFile = v), null))],
  ['--layout', taking('--layout', '文件名', (opts, v) => ((opts.layoutFile = v), null))],
  [
    '--report',
    taking('--report', '数值', (opts, v) => {
      if (!/\.docx?$/i.test(v)) return `--report 需要一个 Word 文档（.docx 或 .doc），收到“${v}”。`;
      opts.report = v;
      return null;
    }),
  ],
  [
    '--tolerance',
    taking('--tolerance', '数值', (opts, v) => {
      if (!/^\d+(\.\d+)?$/.test(v)) return `--tolerance 需要一个非负数，收到“${v}”。`;
      opts.tolerance = v;
      return null;
    }),
  ],
  [
    '--max-file-mb',
    taking('--max-file-mb', '数值', (opts, v) => {
      if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0 || Number(v) > 4096)
        return `--max-file-mb 需要一个 0 到 4096 之间的数（单位 MB），收到“${v}”。`;
      opts.maxFileMb = Number(v);
      return null;
    }),
  ],
  [
    '--jobs',
    taking('--jobs', '数值', (opts, v) => {
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 256)
        return `--jobs 需要一个 1 到 256 之间的整数，收到“${v}”。`;
      opts.jobs = Number(v);
      return null;
    }),
  ],
]);

/** check's options and paths (`after`: the arguments after `--`, all paths). */
function parseCheckArgs(rest: string[], after: string[]): CheckOptions | Refusal {
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
    const set = OPTIONS.get(arg);
    if (set) {
      const next = rest[i + 1];
      const v = next === undefined || next.startsWith('--') ? null : next;
      if (v !== null) i++;
      const refused = set(opts, v);
      if (refused) return { command: 'error', message: refused };
    } else if (arg === '--json') opts.format = 'json';
    else if (arg === '--quiet' || arg === '-q') opts.quiet = true;
    else if (arg.startsWith('--')) return { command: 'error', message: `未知选项“${arg}”。` };
    else opts.paths.push(arg);
  }
  opts.paths.push(...after);
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

export function parseArgs(argv: string[]): ParsedArgs {
  const separator = argv.indexOf('--');
  const options = separator < 0 ? argv : argv.slice(0, separator);
  const after = separator < 0 ? [] : argv.slice(separator + 1);
  if (options.length === 0 || options.includes('-h') || options.includes('--help'))
    return { command: 'help' };
  if (options.includes('-v') || options.includes('--version')) return { command: 'version' };
  const [command, ...rest] = options;
  if (command === 'profiles') return { command: 'profiles' };
  if (command === 'explain') return parseExplainArgs(rest, after);
  if (command !== 'check')
    return {
      command: 'error',
      message: `未知命令“${command}”。可用命令：check、explain、profiles。`,
    };
  return parseCheckArgs(rest, after);
}
