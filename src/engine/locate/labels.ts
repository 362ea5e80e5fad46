import type { FundsColumnRole, FundsRowKind, IndicatorColumnRole } from '../model/form';

/**
 * Label synonyms of RULES.md §1, matched on label text (full-width folded, spaces and line
 * breaks removed). Order matters: the first pattern that matches decides.
 */
const FUNDS_HEADER: [RegExp, FundsColumnRole][] = [
  [/执行率/, 'rate'],
  [/年初预算/, 'initialBudget'],
  [/执行数|执行金额|实际支出|支出数|决算数/, 'exec'],
  [/预算数|预算金额|调整后预算|全年预算|年度预算/, 'budget'],
  [/^(?:分值|权重|分数)/, 'weight'],
  [/^(?:自评)?得分/, 'score'],
];

/** Every header word contains one of these: one test rejects the many labels that are not headers. */
const HEADER_WORD = /实际|指标|分值|权重|分数|得分|评分|预算|执行|支出|决算|完成|目标|原因|改进|偏差|性质|方向|单位|计划|预期|标准分/;

export function fundsHeaderRole(label: string): FundsColumnRole | null {
  if (label.length > 24 || !HEADER_WORD.test(label)) return null;
  for (const [re, role] of FUNDS_HEADER) if (re.test(label)) return role;
  return null;
}

/** "（1）财政拨款" → "财政拨款"; "其中：人员支出" → "人员支出". */
export function stripItemPrefix(label: string): string {
  return label
    .replace(/^(?:其中[:：]?)/, '')
    .replace(/^(?:\(\d+\)|\d+[.、)]|[一二三四五六七八九十]+[、.)]|\([一二三四五六七八九十]+\))/, '')
    .replace(/^(?:其中[:：]?)/, '');
}

const FUNDS_ROW: [RegExp, FundsRowKind][] = [
  [/^(?:合计|总计|小计|年度资金总额|资金总额|支出总额|总额|收入合计|支出合计)/, 'total'],
  [/^基本支出/, 'basic'],
  [/^(?:人员支出|人员经费|工资福利|公用支出|公用经费|日常公用|商品和服务|对个人和家庭)/, 'basicSub'],
  [/^(?:项目支出|专项支出)/, 'project'],
  [/财政拨款|财政资金|一般公共预算|政府性基金|财政专户|其他资金|上年结转|结转结余|单位资金|自有资金|事业收入|经营收入|其他收入|上级补助/, 'source'],
];

export function fundsRowKind(label: string): FundsRowKind | null {
  const bare = stripItemPrefix(label);
  if (bare === '') return null;
  for (const [re, kind] of FUNDS_ROW) if (re.test(bare)) return kind;
  // A numbered line we do not know ("（3）政府性基金收入") is still a part of its group.
  if (bare !== label && /^\(\d+\)/.test(label)) return 'component';
  return null;
}

/** Group hints in the left column: 资金来源 / 资金结构. */
export function fundsGroupHint(label: string): 'sources' | 'structure' | null {
  if (/资金来源|来源/.test(label)) return 'sources';
  if (/资金结构|支出结构|结构/.test(label)) return 'structure';
  return null;
}

const INDICATOR_HEADER: [RegExp, IndicatorColumnRole][] = [
  [/^一级指标/, 'level1'],
  [/^二级指标/, 'level2'],
  [/^(?:三级指标|指标名称|绩效指标名称|具体指标)/, 'level3'],
  [/原因|改进措施|偏差/, 'reason'],
  [/指标性质|指标方向|^性质/, 'nature'],
  [/度量单位|计量单位|^单位$/, 'unit'],
  [/实际完成|完成值|实际值|完成情况|全年完成|实际数/, 'actual'],
  [/指标值|目标值|年初目标|预期目标|计划值|预期值/, 'target'],
  [/^(?:指标)?(?:分值|权重|分数|标准分)/, 'weight'],
  [/^(?:自评|实际)?得分|^评分/, 'score'],
];

export function indicatorHeaderRole(label: string): IndicatorColumnRole | null {
  if (label.length > 24 || !HEADER_WORD.test(label)) return null;
  for (const [re, role] of INDICATOR_HEADER) if (re.test(label)) return role;
  return null;
}

/** The label of the form's total row. */
export function isTotalLabel(label: string): boolean {
  return /^(?:自评)?(?:总分|合计|总计|得分合计|总得分|综合得分|评价得分|自评得分合计)(?:\(.*\))?$/.test(label);
}

export function isSubtotalLabel(label: string): boolean {
  return /^小计/.test(label);
}

/** Level-1 indicator names, with "(50分)" or "指标" suffixes tolerated. */
export function level1Key(label: string): '产出指标' | '效益指标' | '满意度指标' | null {
  if (/^产出/.test(label)) return '产出指标';
  if (/^效益/.test(label)) return '效益指标';
  if (/^满意度|满意度指标/.test(label)) return '满意度指标';
  return null;
}

/** Section labels that end the funds block. */
export function endsFundsBlock(label: string): boolean {
  return /年度总体目标|总体目标|绩效目标|绩效指标|年度目标|一级指标/.test(label);
}
