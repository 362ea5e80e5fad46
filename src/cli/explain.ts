import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { readExplanationPart, writeExplanationPart } from '../adapters/xlsx/customXml';
import { readXlsx } from '../adapters/xlsx/readXlsx';
import { UnreadableFile } from '../adapters/xlsx/zip';
import { checkWorkbookChoosing } from '../engine/check';
import { explainResults, withExplanation } from '../engine/explain/apply';
import type { FindingKey } from '../engine/explain/types';
import type { CheckResult, Finding } from '../engine/findings/types';
import type { GridSnapshot } from '../engine/grid/types';
import { PROFILES } from '../engine/profile/catalogue';
import { ruleMeta } from '../engine/rules';
import type { ExplainOptions } from './explainArgs';
import type { Io } from './io';
import { readRegularFile } from './regularFile';
import { reasonOf } from './errors';
import { limitsFor, limitSentence } from './limits';
import { safe } from './formatters/safe';

/** `selfeval profiles`: every profile with its source and what it sets. */
export async function runProfiles(io: Io): Promise<number> {
  const lines: string[] = [];
  for (const p of PROFILES) {
    const w = p.standardWeights;
    const level = [
      `执行率 ${w.execution}`,
      w.产出指标 ? `产出 ${w.产出指标}` : null,
      w.效益指标 ? `效益 ${w.效益指标}` : null,
      w.满意度指标 ? `满意度 ${w.满意度指标}` : null,
      w.indicators ? `绩效指标合计 ${w.indicators}` : null,
    ].filter(Boolean);
    lines.push(
      `${p.id}  ${p.name}`,
      `  依据：${p.source}`,
      `  标准权重：${level.join('、')}；执行率低于 ${p.lowExecutionPercent}% 要求说明原因；完成值达到目标的 ${p.deviationReasonWhen.overAchievedPercent}% 以上要求说明`,
      `  容差：金额 ${p.amountTolerance}，得分 ${p.scoreTolerance}（保留 ${p.scoreDecimals} 位小数）；定性档次：达成 ${p.qualitativeBands.achieved.min}–${p.qualitativeBands.achieved.max}，部分达成 ${p.qualitativeBands.partial.min}–${p.qualitativeBands.partial.max}，未达成 ${p.qualitativeBands.missed.min}–${p.qualitativeBands.missed.max}（占分值）`,
      `  认得的表式：${p.families.join('、')}`,
      '',
    );
  }
  lines.push(
    '用 selfeval check … --profile 编号 选用；不指定时用工作簿中保存的选择，或按表式自动选择，默认全国通用。',
  );
  await io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

function refuse(io: Io, sentence: string): number {
  io.stderr(`selfeval：${sentence}\n`);
  return 2;
}

const describe = (f: Finding) => `${f.rule}（${ruleMeta(f.rule)?.title ?? f.severity}）`;

/** The form's workbook read, or the sentence refusing it (a copy onto the input, a file that cannot be read). */
async function readForm(
  opts: ExplainOptions,
  target: string,
): Promise<{ bytes: Buffer; sheets: GridSnapshot[] } | string> {
  const input = path.resolve(opts.file);
  const real = async (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  if ((await real(target)) === (await real(input)))
    return `--out 目录“${safe(opts.outDir)}”里的副本会覆盖输入文件“${safe(opts.file)}”，为免覆盖已拒绝；请换一个输出目录。`;
  const limits = limitsFor();
  try {
    const bytes = readRegularFile(input, limits);
    const sheets = readXlsx(bytes, opts.file, {
      maxUnzippedBytes: limits.unzippedBytes,
      unzippedSentence: () => limitSentence.unzipped(limits),
    });
    return { bytes, sheets };
  } catch (e) {
    return `${safe(opts.file)}：${e instanceof UnreadableFile ? e.message : reasonOf(e)}`;
  }
}

/** The one warning or info at the cell asked for (and of the rule asked for), or the sentence saying why there is none. */
function findingAt(
  opts: ExplainOptions,
  results: CheckResult[],
): { finding: Finding; key: FindingKey; cell: string; checked: CheckResult[] } | string {
  const bang = opts.cell.lastIndexOf('!');
  const sheet = bang >= 0 ? opts.cell.slice(0, bang).replace(/^'(.*)'$/, '$1') : null;
  const cell = (bang >= 0 ? opts.cell.slice(bang + 1) : opts.cell).replace(/\$/g, '').toUpperCase();
  const checked = results.filter((r) => r.status === 'checked' && (!sheet || r.sheet === sheet));
  if (checked.length === 0)
    return sheet
      ? `在“${safe(opts.file)}”中没有找到工作表“${safe(sheet)}”上的自评表。`
      : `在“${safe(opts.file)}”中没有找到自评表，无从说明。`;
  const at = checked.flatMap((r) =>
    r.findings.filter((f) => f.cells[0] === cell || f.cells.includes(cell)),
  );
  const chosen = opts.rule ? at.filter((f) => f.rule === opts.rule) : at;
  if (chosen.length === 0)
    return at.length
      ? `${cell} 上没有规则 ${safe(opts.rule ?? '')} 的问题；这里的问题是：${at.map(describe).join('、')}。`
      : `${cell} 上没有校验发现的问题，无需说明。`;
  const explainable = chosen.filter((f) => f.severity !== 'error');
  if (explainable.length === 0)
    return `${cell} 上的 ${chosen.map(describe).join('、')} 是错误：算术不成立的地方不能用审核说明代替，请修正后再校验。`;
  if (explainable.length > 1)
    return `${cell} 上有 ${explainable.length} 个可说明的问题：${explainable.map(describe).join('、')}；请用 --rule 指定要说明哪一个。`;
  const f = explainable[0];
  if (!f.key) return `${cell} 上的 ${describe(f)} 是修正计划附带的说明，不能单独说明。`;
  return { finding: f, key: f.key, cell, checked };
}

/** Writes the copy (made in the write, so a failure to make it is said alike) through a temporary file beside it: the sentence when it cannot be written. */
async function writeCopy(target: string, bytes: () => Uint8Array): Promise<string | null> {
  const tmp = path.join(
    path.dirname(target),
    `.selfeval-${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(tmp, bytes(), { flag: 'wx' });
    await fs.rename(tmp, target);
    return null;
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    return `无法写入副本 ${safe(target)}：${reasonOf(e)}。`;
  }
}

/**
 * `selfeval explain FORM.xlsx CELL "说明" [--rule ID] --out DIR`: checks the form, finds the
 * warning or info at CELL and writes a copy of the workbook carrying the explanation (RULES §7.1).
 * The input is never written; an error is refused with a sentence (it must be corrected).
 */
export async function runExplain(opts: ExplainOptions, io: Io): Promise<number> {
  const target = path.join(path.resolve(opts.outDir), path.basename(opts.file));
  const form = await readForm(opts, target);
  if (typeof form === 'string') return refuse(io, form);
  const { bytes, sheets } = form;
  const part = readExplanationPart(bytes);
  const results = explainResults(
    checkWorkbookChoosing(
      sheets,
      { asked: opts.profile, stored: part?.profile ?? null },
      undefined,
      part?.readings,
    ),
    part?.explanations ?? [],
  );
  const found = findingAt(opts, results);
  if (typeof found === 'string') return refuse(io, found);
  const { finding: f, key, cell, checked } = found;
  const entry = {
    ...key,
    text: opts.text,
    by: opts.by,
    at: new Date().toISOString(),
    cell: f.cells[0] ?? cell,
  };
  const next = {
    profile: opts.profile ?? part?.profile ?? null,
    explanations: withExplanation(part?.explanations ?? [], entry),
    ...(part?.readings ? { readings: part.readings } : {}),
  };
  const unwritten = await writeCopy(target, () => writeExplanationPart(bytes, next));
  if (unwritten) return refuse(io, unwritten);
  const after = explainResults(
    checkWorkbookChoosing(sheets, { asked: next.profile, stored: null }),
    next.explanations,
  ).find((r) => r.sheet === checked.find((c) => c.findings.includes(f))?.sheet);
  await io.stdout(
    `已为 ${cell}（${describe(f)}）写入审核说明：${safe(opts.text)}\n副本：${safe(target)}（原文件未改动）\n结论：${after?.summary.verdict ?? '—'}\n`,
  );
  return 0;
}
