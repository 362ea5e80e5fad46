import type { Comparator } from './values/comparatorKind';
import type { FundsColumnRole, FundsRowKind, IndicatorColumnRole } from './model/roles';

/**
 * The checker's whole vocabulary (RULES §1, §1.1), as data: the words that name a column's role,
 * a 资金 row, the total, a section caption, a comparator and a unit. The locator reads only through
 * these tables; docs/lexicon.md is generated from them (scripts/docs-lexicon.js), and
 * test/engine/lexicon.test.ts checks that every example is recognised as what its entry says.
 * Labels are matched after folding (full-width to half-width, spaces and line breaks removed).
 */

/** One way of naming a column. `fit` ranks the roles a label could take (higher wins). */
export interface HeaderWord<R extends string> {
  role: R;
  fit: number;
  re: RegExp;
  /** Labels seen in published forms that this entry recognises (the docs' table). */
  examples: string[];
  /** A stem, not a known word: a header read through it is marked as guessed. */
  guessed?: boolean;
}

/** A score header, but not 得分系数 / 得分计算方法 / 评分标准 (a coefficient or a method text). */
const SCORE =
  /^(?:自评|实际|指标|执行率|综合)?得分(?!系数|计算|方法|说明|标准|依据|规则|情况)|^评分$|^(?:自评)?得分[(（]/;
/** A weight header; a qualifier may come first (参考分值, 标准分值, 指标权重, 执行率权重). */
const WEIGHT = /^(?:指标|执行率|自评|参考|标准|设定|评分)?(?:分值|权重|分数|标准分|满分)(?!系数)/;

/**
 * Stems a header word of either table holds (RULES §1.3; issue 18): a word the tables above do
 * not know but that contains one is tried in that role, below every known word.
 */
const SCORE_STEM: HeaderWord<'score'> = {
  role: 'score',
  fit: 1,
  re: /得分(?!系数|计算|方法|说明|标准|依据|规则)/,
  examples: ['本项得分'],
  guessed: true,
};
const WEIGHT_STEM: HeaderWord<'weight'> = {
  role: 'weight',
  fit: 1,
  re: /分值|权重/,
  examples: ['本项分值'],
  guessed: true,
};

export const FUNDS_HEADER_WORDS: HeaderWord<FundsColumnRole>[] = [
  {
    re: /^(?:预算)?执行率|^执行率/,
    role: 'rate',
    fit: 4,
    examples: ['执行率', '执行率（B/A）', '预算执行率', '执行率(%)'],
  },
  { re: /执行率(?!得分|权重|分值)/, role: 'rate', fit: 3, examples: ['资金执行率'] },
  {
    // A header that states its ratio (E/C×100%) over 执行 is the execution rate.
    re: /执行.*\([A-Z]\/[A-Z](?:×100%)?\)$/,
    role: 'rate',
    fit: 2,
    examples: ['预算执行(E/C×100%)'],
    guessed: true,
  },
  { re: /^年初预算/, role: 'initialBudget', fit: 5, examples: ['年初预算数', '年初预算数(A)'] },
  {
    re: /^(?:全年|本年|年度)?(?:预算)?执行数|^执行金额|^实际支出|^全年支出|^支出数|^预算执行数/,
    role: 'exec',
    fit: 5,
    examples: ['全年执行数', '全年执行数（B）', '执行数', '预算执行数', '实际支出', '执行金额'],
  },
  {
    re: /^(?:全年|年度|调整后|全年\(调整\)|全年调整|本年)?(?:调整)?预算(?:数|金额|资金)|^调整后预算|^全年预算|^预算数/,
    role: 'budget',
    fit: 5,
    examples: [
      '全年预算数',
      '全年预算数（A）',
      '年度预算数',
      '调整后预算数',
      '预算数',
      '全年（调整）预算数',
    ],
  },
  {
    re: WEIGHT,
    role: 'weight',
    fit: 5,
    examples: ['分值', '权重', '执行率权重', '分值(10分)'],
  },
  {
    re: SCORE,
    role: 'score',
    fit: 5,
    examples: ['得分', '执行率得分(分)', '得分(20分*执行率)', '自评得分'],
  },
  { re: /原因|说明/, role: 'reason', fit: 2, examples: ['偏差原因', '差异原因说明'] },
  // Stems: other words for budget and spending (RULES §1.3).
  {
    re: /(?:预算|计划|批复|下达|安排)(?:数|金额|资金|额度?)(?:\(.*\))?$/,
    role: 'budget',
    fit: 1,
    examples: ['批复金额', '下达资金', '下达额度'],
    guessed: true,
  },
  {
    re: /(?:执行|支付|支出|拨付|使用|完成)(?:数|金额|额|资金)(?:\(.*\))?$/,
    role: 'exec',
    fit: 1,
    examples: ['实际支付金额', '资金支付数', '全年执行资金(E)'],
    guessed: true,
  },
  WEIGHT_STEM,
  SCORE_STEM,
];

export const INDICATOR_HEADER_WORDS: HeaderWord<IndicatorColumnRole>[] = [
  { re: /^一级指标/, role: 'level1', fit: 5, examples: ['一级指标'] },
  {
    re: /^(?:分解目标|一级目标|指标类别)$/,
    role: 'level1',
    fit: 4,
    examples: ['分解目标', '指标类别'],
  },
  { re: /^二级指标/, role: 'level2', fit: 5, examples: ['二级指标'] },
  { re: /^三级指标/, role: 'level3', fit: 5, examples: ['三级指标'] },
  {
    re: /^(?:绩效)?指标名称|^具体指标|^指标内容|^绩效指标$/,
    role: 'level3',
    fit: 3,
    examples: ['指标名称', '具体指标', '指标内容'],
  },
  {
    re: /^调整(?:后)?(?:指标值|目标值)/,
    role: 'adjustedTarget',
    fit: 6,
    examples: ['调整指标值', '调整后目标值'],
  },
  {
    re: /指标值|目标值|年初目标|预期目标|计划值|预期值|^目标$/,
    role: 'target',
    fit: 4,
    examples: ['年度指标值', '指标值', '年初目标值(A)', '预期目标', '年初指标值'],
  },
  {
    re: /实际完成值|^完成值|实际值|全年完成值|^实际完成|^实际数|^完成数/,
    role: 'actual',
    fit: 5,
    examples: ['实际完成值', '完成值', '全年完成值', '实际完成值(B)'],
  },
  {
    re: /^(?:全年)?完成(?:情况)?$|^实际完成情况$/,
    role: 'actual',
    fit: 3,
    examples: ['完成情况', '实际完成情况'],
  },
  { re: /得分系数|^系数/, role: 'coefficient', fit: 6, examples: ['得分系数(%)'] },
  { re: WEIGHT, role: 'weight', fit: 5, examples: ['分值', '权重', '指标权重(分)', '参考分值'] },
  { re: SCORE, role: 'score', fit: 5, examples: ['得分', '指标得分(分)', '自评得分'] },
  {
    re: /原因|改进措施|偏差/,
    role: 'reason',
    fit: 4,
    examples: ['偏差原因分析及改进措施', '未完成原因分析', '偏差及原因分析'],
  },
  {
    re: /^指标性质|^指标方向|^性质$|^指标类型$/,
    role: 'nature',
    fit: 5,
    examples: ['指标性质', '指标方向'],
  },
  { re: /^度量单位|^计量单位|^单位$/, role: 'unit', fit: 5, examples: ['度量单位', '计量单位'] },
  // Stems: other words for targets and actuals (RULES §1.3).
  {
    re: /(?:目标|指标|计划|预期)(?:值|数)?(?:\(.*\))?$/,
    role: 'target',
    fit: 1,
    examples: ['本年目标', '计划指标'],
    guessed: true,
  },
  {
    re: /(?:完成|实际|实现|达到)(?:值|数|情况)?(?:\(.*\))?$/,
    role: 'actual',
    fit: 1,
    examples: ['全年实现值', '实际达到'],
    guessed: true,
  },
  WEIGHT_STEM,
  SCORE_STEM,
];

/**
 * Section captions that are never a column header, whatever words they contain:
 * 年度绩效指标完成情况 (Anhui's block label) holds 完成情况; 年度总体目标 holds 目标.
 */
export const SECTION_CAPTIONS = {
  re: /^(?:年度)?绩效指标(?:完成情况)?(?:\(\d+分\))?$|^年度总体目标|^总体目标|^年度绩效目标|^绩效目标(?!值)|^预算执行情况|^项目资金|^整体资金|^部门预算执行情况|^资金情况/,
  examples: [
    '年度绩效指标完成情况',
    '年度总体目标',
    '预算执行情况(万元)(20分)',
    '项目资金（万元）',
  ],
};

/** Every header word contains one of these: one test rejects the many labels that are not headers. */
export const HEADER_WORD_STEM =
  /实际|指标|分值|权重|分数|得分|评分|预算|执行|支出|支付|拨付|完成|实现|目标|原因|改进|偏差|性质|方向|单位|计划|预期|标准分|满分|系数|值|批复|下达|安排/;

/** A header is a noun phrase of at most this many characters. */
export const HEADER_MAX_LENGTH = 24;

/**
 * A sentence is never a header, whatever words it holds (RULES §1.1: a 年度总体目标 text that says
 * "执行数为125.25万元" under a number column): sentence punctuation, or an amount inside it.
 */
export const SENTENCE =
  /[。;；!！?？，]|,(?!\d{3})|(?<![×x*\d.])\d+(?:\.\d+)?(?:万元|万|元|亿元|%|个|人|次|家|项)|[:：]\d/;

/** 资金 row labels (after the numbering and 其中 are stripped), by the kind of row. */
export const FUNDS_ROW_LABELS: { kind: FundsRowKind; re: RegExp; examples: string[] }[] = [
  {
    kind: 'total',
    re: /^(?:合计|总计|年度资金总额|年度财政资金总额|资金总额|支出总额|总额|收入合计|支出合计|预算资金总额|部门预算总额|整体支出总额)/,
    examples: ['合计', '年度资金总额', '年度资金总额:', '总额', '年度财政资金总额'],
  },
  { kind: 'basic', re: /^基本支出/, examples: ['（1）基本支出'] },
  {
    kind: 'basicSub',
    re: /^(?:人员支出|人员经费|工资福利|公用支出|公用经费|日常公用|商品和服务|对个人和家庭)/,
    examples: ['其中：人员支出', '公用支出', '人员经费'],
  },
  { kind: 'project', re: /^(?:项目支出|专项支出)/, examples: ['（2）项目支出'] },
  {
    kind: 'source',
    re: /财政拨款|财政资金|一般公共预算|政府性基金|财政专户|其他资金|上年结转|结转结余|单位资金|自有资金|事业收入|经营收入|其他收入|上级补助|补助资金|专项资金|自筹|^(?:中央|自治区|省级?|市级?|县级?|市县|地方)(?:财政)?(?:补助资金|补助|资金)(?:\(.*\))?$/,
    examples: [
      '（1）财政拨款',
      '其中：当年财政拨款',
      '上年结转资金',
      '其他资金',
      '财政专户管理资金',
      '地方资金',
      '其中:中央补助',
      '自治区补助',
      '市县资金',
      '地方财政资金(万元)',
    ],
  },
];

/** Prefixes that number or introduce a 资金 row: stripped before the row label is matched. */
export const ITEM_PREFIXES = {
  group: /^(?:资金来源|资金结构|按收入性质分|按支出性质分)[:：]/,
  among: /^(?:其中[:：]?)/,
  numbering: /^(?:\(\d+\)|\d+[.、)]|[一二三四五六七八九十]+[、.)]|\([一二三四五六七八九十]+\))/,
};

/** Group hints in the left column: 资金来源 / 资金结构. */
export const FUNDS_GROUP_HINTS = {
  sources: /资金来源|来源|按收入性质/,
  structure: /资金结构|支出结构|结构|按支出性质/,
};

/** Labels of the form's total row; in the header block (Chongqing); a subtotal; a placeholder. */
export const TOTAL_LABELS = {
  row: /^(?:自评)?(?:总分|合计|总计|得分合计|总得分|综合得分|评价得分|自评得分合计)(?:\(.*\))?$/,
  rowExamples: ['总分', '合计', '自评总分', '总  分'],
  header: /^(?:自评总分|自评得分|综合评分|自评分数)(?:\(分\))?$/,
  headerExamples: ['自评总分(分)', '自评得分'],
  subtotal: /^小计/,
  placeholder: /^(?:指标\d*[:：]?|[…．.·]+|—+)$/,
  placeholderExamples: ['指标2：', '……', '…'],
};

/** Section labels that end the 资金 block. */
export const ENDS_FUNDS_BLOCK =
  /年度总体目标|总体目标|绩效目标|绩效指标|年度目标|一级指标|指标名称/;

/** Tables that are not self-evaluation forms (RULES §1.1): named when refused. */
export const NOT_A_FORM: { re: RegExp; unless?: RegExp; name: string }[] = [
  { re: /基础数据表/, name: '部门整体支出绩效评价基础数据表' },
  {
    re: /评价指标(?:体系)?表|评价得分表|评分表/,
    unless: /自评表/,
    name: '绩效评价指标表（评价得分表）',
  },
  { re: /决算(?:总)?表|决算明细表/, name: '决算表' },
];

/** Symbol and word forms, longest first so "≥" wins over ">" and "不低于" over "低于". */
export const COMPARATORS: [string, Comparator][] = [
  ['>=', 'ge'],
  ['≥', 'ge'],
  ['≧', 'ge'],
  ['大于等于', 'ge'],
  ['大于或等于', 'ge'],
  ['不低于', 'ge'],
  ['不少于', 'ge'],
  ['不小于', 'ge'],
  ['达到', 'ge'],
  ['<=', 'le'],
  ['≤', 'le'],
  ['≦', 'le'],
  ['小于等于', 'le'],
  ['小于或等于', 'le'],
  ['不高于', 'le'],
  ['不超过', 'le'],
  ['不大于', 'le'],
  ['不多于', 'le'],
  ['控制在', 'le'],
  ['>', 'gt'],
  ['大于', 'gt'],
  ['高于', 'gt'],
  ['超过', 'gt'],
  ['<', 'lt'],
  ['小于', 'lt'],
  ['低于', 'lt'],
  ['少于', 'lt'],
  ['=', 'eq'],
  ['═', 'eq'],
  ['等于', 'eq'],
  ['==', 'eq'],
];

/** Suffixes that act as comparators: "95%以上" means ≥ 95%. */
export const COMPARATOR_SUFFIXES: [string, Comparator][] = [
  ['及以上', 'ge'],
  ['以上', 'ge'],
  ['及以下', 'le'],
  ['以下', 'le'],
  ['以内', 'le'],
  // A deadline: "9月前" is 9月 at the latest (安徽金寨 2023).
  ['之前', 'le'],
  ['以前', 'le'],
  ['前', 'le'],
];

/**
 * Units of money written in an amount cell, and what one of them is in the form's unit (万元
 * forms; a form in 元 writes no unit in its cells). 万 alone means 万元 (`150万`).
 */
export const MONEY_UNITS: { unit: string; inForm: string }[] = [
  { unit: '亿元', inForm: '10000' },
  { unit: '万元', inForm: '1' },
  { unit: '万', inForm: '1' },
  { unit: '元', inForm: '1' },
  { unit: '分', inForm: '1' },
];
