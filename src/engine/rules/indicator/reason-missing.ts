import { plain } from '../../values/decimal';
import { defineRule, fill, type RuleMeta } from '../rule';
import { indicatorName } from '../support/describe';

export const meta: RuleMeta = {
  id: 'indicator.reason-missing',
  severity: 'warning',
  part: 'indicators',
  title: '未填写偏差原因',
  description:
    '得分低于分值、定量目标未完成，或完成值达到目标的 130% 以上（目标可能偏低）时，偏差原因分析及改进措施不能为空。',
  source: 'r-3-6',
  docs: 'docs/rules/indicator.reason-missing.md',
  messages: {
    main: '{name}：{why}，偏差原因分析及改进措施不能为空。',
    below: '得分 {stated} 低于分值 {weight}',
    missed: '未完成年度指标值（{basis}）',
    over: '完成值达到目标的 {percent}% 以上（{basis}），目标可能设定偏低',
  },
  fix: null,
};

/** docs/rules.md#r-3-6: a deduction, a missed target or a target beaten by 30% needs a stated reason. */
export const indicatorReasonMissing = defineRule(meta, ({ assessment, profile }) =>
  assessment.indicators.flatMap((i) => {
    if (
      i.reasonFilled !== false ||
      !i.cells.reason ||
      (i.weight === null && !i.targetOnly) ||
      i.kind === 'na'
    )
      return [];
    const when = profile.deviationReasonWhen;
    const s = i.score.kind === 'value' ? i.score.value : null;
    const quant = i.kind === 'quantitative' || i.kind === 'compound' ? i : null;
    let why: string | null = null;
    if (when.scoreBelowWeight && s !== null && i.weight !== null && s.lessThan(i.weight))
      why = fill(meta.messages.below, { stated: plain(s, 4), weight: plain(i.weight) });
    else if (when.targetMissed && quant && !quant.met)
      why = fill(meta.messages.missed, { basis: quant.basis() });
    else if (quant && quant.overAchieved)
      why = fill(meta.messages.over, { percent: when.overAchievedPercent, basis: quant.basis() });
    if (!why) return [];
    return [
      {
        cells: [i.cells.reason],
        message: fill(meta.messages.main, { name: indicatorName(i), why }),
        expected: '填写偏差原因及改进措施',
        actual: '',
      },
    ];
  }),
);
