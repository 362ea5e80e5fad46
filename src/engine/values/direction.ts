import type { Comparator } from './comparatorKind';

/** Names of indicators where lower is better (docs/rules.md §3.2): 反向 with no comparator. */
const LOWER_IS_BETTER =
  /结余率|调整率|变动率|投诉率|事故率|差错率|发生率|超支率|损失率|空置率|逾期|违规|失误率|返工率|不合格率|闲置率/;

/**
 * The direction an indicator's name implies when its target states none: 'le' for a
 * lower-is-better name, 'ambiguous' for 控制率 (kept within 100%, or reached 100%?), else null.
 */
export function directionFromName(name: string): Comparator | 'ambiguous' | null {
  if (LOWER_IS_BETTER.test(name)) return 'le';
  if (/控制率/.test(name)) return 'ambiguous';
  return null;
}
