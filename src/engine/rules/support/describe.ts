import type { IndicatorAssessment, ScoreRange } from '../../assess/indicators';
import { plain } from '../../values/decimal';

/** "产出指标／数量指标／指标2：春节送温暖人次": where an indicator sits, for messages. */
export function indicatorName(i: IndicatorAssessment): string {
  return i.row.display || `第 ${i.row.row + 1} 行指标`;
}

export function rangeText(r: ScoreRange): string {
  return `[${plain(r.min)}, ${plain(r.max)}${r.maxInclusive ? ']' : ')'}`;
}
