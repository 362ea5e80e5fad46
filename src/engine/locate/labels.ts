import type { FundsColumnRole, FundsRowKind, IndicatorColumnRole } from '../model/form';
import { remembered } from '../values/remember';

/**
 * Remembers a pure function of a label: forms repeat their row labels, and the locator asks the
 * same question of every row it tries as a header's lookahead.
 */
export function byLabel<T>(fn: (label: string) => T): (label: string) => T {
  return remembered(fn, 20_000);
}

/**
 * The label vocabulary of docs/rules.md §1 and §1.1, matched on label text (full-width folded,
 * spaces and line breaks removed). Each pattern says how well a header fits a role; the header
 * assignment (header.ts) gives every role the column that fits it best, so 执行率权重 is a
 * weight (fit 5) before it is a rate (fit 3), and 得分系数 a coefficient before a score.
 */
export interface RolePattern<R extends string> {
  re: RegExp;
  role: R;
  fit: number;
}

/** A score header, but not 得分系数 / 得分计算方法 / 评分标准 (a coefficient or a method text). */
const SCORE =
  /^(?:自评|实际|指标|执行率|综合)?得分(?!系数|计算|方法|说明|标准|依据|规则|情况)|^评分$|^(?:自评)?得分[(（]/;
/** A weight header; a qualifier may come first (参考分值, 标准分值, 指标权重, 执行率权重). */
const WEIGHT = /^(?:指标|执行率|自评|参考|标准|设定|评分)?(?:分值|权重|分数|标准分|满分)(?!系数)/;

export const FUNDS_ROLES: RolePattern<FundsColumnRole>[] = [
  { re: /^(?:预算)?执行率|^执行率/, role: 'rate', fit: 4 },
  { re: /执行率(?!得分|权重|分值)/, role: 'rate', fit: 3 },
  { re: /^年初预算/, role: 'initialBudget', fit: 5 },
  {
    re: /^(?:全年|本年|年度)?(?:预算)?执行数|^执行金额|^实际支出|^全年支出|^支出数|^预算执行数/,
    role: 'exec',
    fit: 5,
  },
  {
    re: /^(?:全年|年度|调整后|全年\(调整\)|全年调整|本年)?(?:调整)?预算(?:数|金额|资金)|^调整后预算|^全年预算|^预算数/,
    role: 'budget',
    fit: 5,
  },
  { re: WEIGHT, role: 'weight', fit: 5 },
  { re: SCORE, role: 'score', fit: 5 },
  { re: /原因|说明/, role: 'reason', fit: 2 },
];

export const INDICATOR_ROLES: RolePattern<IndicatorColumnRole>[] = [
  { re: /^一级指标/, role: 'level1', fit: 5 },
  { re: /^(?:分解目标|一级目标|指标类别)$/, role: 'level1', fit: 4 },
  { re: /^二级指标/, role: 'level2', fit: 5 },
  { re: /^三级指标/, role: 'level3', fit: 5 },
  { re: /^(?:绩效)?指标名称|^具体指标|^指标内容|^绩效指标$/, role: 'level3', fit: 3 },
  { re: /^调整(?:后)?(?:指标值|目标值)/, role: 'adjustedTarget', fit: 6 },
  { re: /指标值|目标值|年初目标|预期目标|计划值|预期值|^目标$/, role: 'target', fit: 4 },
  { re: /实际完成值|^完成值|实际值|全年完成值|^实际完成|^实际数|^完成数/, role: 'actual', fit: 5 },
  { re: /^(?:全年)?完成(?:情况)?$|^实际完成情况$/, role: 'actual', fit: 3 },
  { re: /得分系数|^系数/, role: 'coefficient', fit: 6 },
  { re: WEIGHT, role: 'weight', fit: 5 },
  { re: SCORE, role: 'score', fit: 5 },
  { re: /原因|改进措施|偏差/, role: 'reason', fit: 4 },
  { re: /^指标性质|^指标方向|^性质$|^指标类型$/, role: 'nature', fit: 5 },
  { re: /^度量单位|^计量单位|^单位$/, role: 'unit', fit: 5 },
];

/**
 * Section captions that are never a column header, whatever words they contain:
 * 年度绩效指标完成情况 (Anhui's block label) holds 完成情况; 年度总体目标 holds 目标.
 */
const SECTION_CAPTION =
  /^(?:年度)?绩效指标(?:完成情况)?(?:\(\d+分\))?$|^年度总体目标|^总体目标|^年度绩效目标|^绩效目标|^预算执行情况|^项目资金|^整体资金|^部门预算执行情况|^资金情况/;

/** Every header word contains one of these: one test rejects the many labels that are not headers. */
const HEADER_WORD =
  /实际|指标|分值|权重|分数|得分|评分|预算|执行|支出|完成|目标|原因|改进|偏差|性质|方向|单位|计划|预期|标准分|满分|系数|值/;

export const isHeaderLike = byLabel(
  (label: string): boolean =>
    label.length <= 24 && HEADER_WORD.test(label) && !SECTION_CAPTION.test(label),
);

/** Weight written inside a label: "产出指标(50分)", "预算执行情况(万元)(20分)", "得分(20分*执行率)", "产出指标（50）". */
export function labelWeight(label: string): string | null {
  const m =
    /[(（]\s*(\d+(?:\.\d+)?)\s*分?\s*(?:[*×x]\s*执行率)?\s*[)）]/.exec(label) ??
    /(\d+(?:\.\d+)?)分[*×x]执行率/.exec(label);
  if (!m) return null;
  // "(万元)" carries no number; "（1）财政拨款" is a numbering, not a weight.
  if (/^[(（]\s*\d+\s*[)）]/.test(label) && !/分/.test(m[0])) return null;
  return m[1];
}

/** "（1）财政拨款" → "财政拨款"; "其中：人员支出" → "人员支出"; "资金结构：（1）基本支出" → "基本支出". */
export function stripItemPrefix(label: string): string {
  return label
    .replace(/^(?:资金来源|资金结构|按收入性质分|按支出性质分)[:：]/, '')
    .replace(/^(?:其中[:：]?)/, '')
    .replace(/^(?:\(\d+\)|\d+[.、)]|[一二三四五六七八九十]+[、.)]|\([一二三四五六七八九十]+\))/, '')
    .replace(/^(?:其中[:：]?)/, '')
    .replace(/[:：]$/, '');
}

const FUNDS_ROW: [RegExp, FundsRowKind][] = [
  [
    /^(?:合计|总计|年度资金总额|年度财政资金总额|资金总额|支出总额|总额|收入合计|支出合计|预算资金总额|部门预算总额|整体支出总额)/,
    'total',
  ],
  [/^基本支出/, 'basic'],
  [
    /^(?:人员支出|人员经费|工资福利|公用支出|公用经费|日常公用|商品和服务|对个人和家庭)/,
    'basicSub',
  ],
  [/^(?:项目支出|专项支出)/, 'project'],
  [
    /财政拨款|财政资金|一般公共预算|政府性基金|财政专户|其他资金|上年结转|结转结余|单位资金|自有资金|事业收入|经营收入|其他收入|上级补助|补助资金|专项资金|自筹/,
    'source',
  ],
];

export const fundsRowKind = byLabel(function fundsRowKind(label: string): FundsRowKind | null {
  const bare = stripItemPrefix(label);
  if (bare === '') return null;
  for (const [re, kind] of FUNDS_ROW) if (re.test(bare)) return kind;
  // Guizhou lists 其他 beside 基本支出 / 项目支出: a part of whichever group it sits in.
  if (/^其他(?:支出)?$/.test(bare)) return 'component';
  // A numbered or 其中 line we do not know ("（3）政府性基金收入", "其中：中央、省、市补助县级资金")
  // is still a part of its group: counted, never dropped.
  if (bare !== label.replace(/[:：]$/, '') && /^(?:\(\d+\)|其中)/.test(label)) return 'component';
  return null;
});

/** Group hints in the left column: 资金来源 / 资金结构. */
export const fundsGroupHint = byLabel((label: string): 'sources' | 'structure' | null => {
  if (/资金来源|来源|按收入性质/.test(label)) return 'sources';
  if (/资金结构|支出结构|结构|按支出性质/.test(label)) return 'structure';
  return null;
});

/** The label of the form's total row. */
export function isTotalLabel(label: string): boolean {
  return /^(?:自评)?(?:总分|合计|总计|得分合计|总得分|综合得分|评价得分|自评得分合计)(?:\(.*\))?$/.test(
    label,
  );
}

/** 自评总分 stated in the header block (Chongqing) rather than in a row at the bottom. */
export function isHeaderTotalLabel(label: string): boolean {
  return /^(?:自评总分|自评得分|综合评分|自评分数)(?:\(分\))?$/.test(label);
}

export function isSubtotalLabel(label: string): boolean {
  return /^小计/.test(label);
}

/** Template placeholders kept in published forms: "指标2：", "……", "...". */
export function isPlaceholderName(label: string): boolean {
  return /^(?:指标\d*[:：]?|[…．.·]+|—+)$/.test(label);
}

/** Section labels that end the funds block. */
export const endsFundsBlock = byLabel((label: string): boolean =>
  /年度总体目标|总体目标|绩效目标|绩效指标|年度目标|一级指标|指标名称/.test(label),
);

/** Tables that are not self-evaluation forms (docs/rules.md §1.1): named when refused. */
export function notAFormTitle(label: string): string | null {
  if (/基础数据表/.test(label)) return '部门整体支出绩效评价基础数据表';
  if (/评价指标(?:体系)?表|评价得分表|评分表/.test(label) && !/自评表/.test(label))
    return '绩效评价指标表（评价得分表）';
  if (/决算(?:总)?表|决算明细表/.test(label)) return '决算表';
  return null;
}
