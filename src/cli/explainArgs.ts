import { PROFILES } from '../engine/profile/catalogue';

/** `selfeval explain FORM.xlsx CELL "说明" [--rule ID] --out DIR [--profile ID]`. */
export interface ExplainOptions {
  command: 'explain';
  file: string;
  /** The finding's cell, "E5" or "工作表!E5". */
  cell: string;
  text: string;
  rule: string | null;
  outDir: string;
  profile: string | null;
  /** Who writes it (--by), else the user the system names. */
  by: string | null;
}

type Refusal = { command: 'error'; message: string };

/** --profile's value, checked against the catalogue: the id, or the sentence refusing it. */
export function profileArg(v: string | null): string | Refusal {
  const ids = PROFILES.map((p) => p.id).join('、');
  if (v === null) return { command: 'error', message: `--profile 后面需要跟一个编号：${ids}。` };
  if (!PROFILES.some((p) => p.id === v))
    return {
      command: 'error',
      message: `未知的 profile“${v}”。可用的有：${ids}（见 selfeval profiles）。`,
    };
  return v;
}

export function parseExplainArgs(rest: string[], after: string[]): ExplainOptions | Refusal {
  const positional: string[] = [];
  let rule: string | null = null;
  let outDir: string | null = null;
  let profile: string | null = null;
  let by: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--rule' || arg === '--out' || arg === '--profile' || arg === '--by') {
      const v = rest[i + 1];
      if (v === undefined || v.startsWith('--')) {
        if (arg === '--profile') return profileArg(null) as Refusal;
        return {
          command: 'error',
          message: `${arg} 后面需要跟一个${arg === '--out' ? '目录' : arg === '--rule' ? '规则编号（如 funds.over-execution）' : '名字'}。`,
        };
      }
      i++;
      if (arg === '--rule') rule = v;
      else if (arg === '--out') outDir = v;
      else if (arg === '--by') by = v;
      else {
        const p = profileArg(v);
        if (typeof p !== 'string') return p;
        profile = p;
      }
    } else if (arg.startsWith('--')) return { command: 'error', message: `未知选项“${arg}”。` };
    else positional.push(arg);
  }
  positional.push(...after);
  if (positional.length !== 3)
    return {
      command: 'error',
      message:
        'explain 需要三项：表格文件、单元格和说明文字，如 selfeval explain 表.xlsx E5 "经批准追加" --out 已说明/。',
    };
  const [file, cell, text] = positional;
  if (!/\.xlsx$/i.test(file))
    return { command: 'error', message: `explain 只收 .xlsx 工作簿，收到“${file}”。` };
  if (!/^(?:.+!)?\$?[A-Za-z]{1,3}\$?\d{1,7}$/.test(cell))
    return { command: 'error', message: `“${cell}”不是单元格地址；请写成 E5 或 工作表名!E5。` };
  if (text.trim() === '') return { command: 'error', message: '说明文字不能为空。' };
  if (!outDir)
    return {
      command: 'error',
      message: 'explain 需要 --out 目录：说明写在副本里，原文件从不改动。',
    };
  return { command: 'explain', file, cell, text: text.trim(), rule, outDir, profile, by };
}
