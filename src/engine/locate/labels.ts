import type { FundsColumnRole, FundsRowKind, IndicatorColumnRole } from '../model/roles';
import {
  ENDS_FUNDS_BLOCK,
  FUNDS_GROUP_HINTS,
  FUNDS_HEADER_WORDS,
  FUNDS_ROW_LABELS,
  HEADER_MAX_LENGTH,
  HEADER_WORD_STEM,
  type HeaderWord,
  INDICATOR_HEADER_WORDS,
  ITEM_PREFIXES,
  NOT_A_FORM,
  SECTION_CAPTIONS,
  SENTENCE,
  TOTAL_LABELS,
} from '../lexicon';
import { remembered } from '../values/remember';

/**
 * Remembers a pure function of a label: forms repeat their row labels, and the locator asks the
 * same question of every row it tries as a header's lookahead.
 */
export function byLabel<T>(fn: (label: string) => T): (label: string) => T {
  return remembered(fn, 50_000);
}

/**
 * How well a header label fits a role: a lexicon entry (src/engine/lexicon.ts). The header
 * assignment (header.ts) gives every role the column that fits it best, so 执行率权重 is a
 * weight (fit 5) before it is a rate (fit 3), and 得分系数 a coefficient before a score.
 */
export type RolePattern<R extends string> = HeaderWord<R>;

export const FUNDS_ROLES: RolePattern<FundsColumnRole>[] = FUNDS_HEADER_WORDS;
export const INDICATOR_ROLES: RolePattern<IndicatorColumnRole>[] = INDICATOR_HEADER_WORDS;

export const isHeaderLike = byLabel(
  (label: string): boolean =>
    label.length <= HEADER_MAX_LENGTH &&
    HEADER_WORD_STEM.test(label) &&
    !SECTION_CAPTIONS.re.test(label) &&
    !SENTENCE.test(label),
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
    .replace(ITEM_PREFIXES.group, '')
    .replace(ITEM_PREFIXES.among, '')
    .replace(ITEM_PREFIXES.numbering, '')
    .replace(ITEM_PREFIXES.among, '')
    .replace(/[:：]$/, '');
}

export const fundsRowKind = byLabel(function fundsRowKind(label: string): FundsRowKind | null {
  const bare = stripItemPrefix(label);
  if (bare === '') return null;
  for (const { re, kind } of FUNDS_ROW_LABELS) if (re.test(bare)) return kind;
  // Guizhou lists 其他 beside 基本支出 / 项目支出: a part of whichever group it sits in.
  if (/^其他(?:支出)?$/.test(bare)) return 'component';
  // A numbered or 其中 line we do not know ("（3）政府性基金收入", "其中：中央、省、市补助县级资金")
  // is still a part of its group: counted, never dropped.
  if (bare !== label.replace(/[:：]$/, '') && /^(?:\(\d+\)|其中)/.test(label)) return 'component';
  return null;
});

/** Group hints in the left column: 资金来源 / 资金结构. */
export const fundsGroupHint = byLabel((label: string): 'sources' | 'structure' | null => {
  if (FUNDS_GROUP_HINTS.sources.test(label)) return 'sources';
  if (FUNDS_GROUP_HINTS.structure.test(label)) return 'structure';
  return null;
});

/** The label of the form's total row. */
export function isTotalLabel(label: string): boolean {
  return TOTAL_LABELS.row.test(label);
}

/** 自评总分 stated in the header block (Chongqing) rather than in a row at the bottom. */
export function isHeaderTotalLabel(label: string): boolean {
  return TOTAL_LABELS.header.test(label);
}

export function isSubtotalLabel(label: string): boolean {
  return TOTAL_LABELS.subtotal.test(label);
}

/** Template placeholders kept in published forms: "指标2：", "……", "...". */
export function isPlaceholderName(label: string): boolean {
  return TOTAL_LABELS.placeholder.test(label);
}

/** Section labels that end the funds block. */
export const endsFundsBlock = byLabel((label: string): boolean => ENDS_FUNDS_BLOCK.test(label));

/** Tables that are not self-evaluation forms (docs/rules.md §1.1): named when refused. */
export function notAFormTitle(label: string): string | null {
  for (const t of NOT_A_FORM) if (t.re.test(label) && !t.unless?.test(label)) return t.name;
  return null;
}
