import { plain } from '../../values/decimal';
import { defineRule } from '../rule';
import { indicatorName } from './describe';

/** RULES §3.6: a deduction, a missed target or a target beaten by 30% needs a stated reason. */
export const indicatorReasonMissing = defineRule(
  { id: 'indicator.reason-missing', title: '未填写偏差原因', severity: 'warning', part: 'indicators' },
  ({ assessment, profile }) =>
    assessment.indicators.flatMap((i) => {
      if (i.reasonFilled !== false || !i.cells.reason || i.weight === null || i.kind === 'na') return [];
      const when = profile.deviationReasonWhen;
      const s = i.score.kind === 'value' ? i.score.value : null;
      const quant = i.kind === 'quantitative' || i.kind === 'compound' ? i : null;
      let why: string | null = null;
      if (when.scoreBelowWeight && s !== null && s.lessThan(i.weight)) why = `得分 ${plain(s, 4)} 低于分值 ${plain(i.weight)}`;
      else if (when.targetMissed && quant && !quant.met) why = `未完成年度指标值（${quant.basis()}）`;
      else if (quant && quant.overAchieved) why = `完成值达到目标的 ${when.overAchievedPercent}% 以上（${quant.basis()}），目标可能设定偏低`;
      if (!why) return [];
      return [{
        cells: [i.cells.reason],
        message: `${indicatorName(i)}：${why}，偏差原因分析及改进措施不能为空。`,
        expected: '填写偏差原因及改进措施',
        actual: '',
      }];
    }),
);
