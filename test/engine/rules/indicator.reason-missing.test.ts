import { testRule } from '../../helpers/ruleTester';
import { NATIONAL_PROFILE } from '../../../src/engine/profile/profile';

// departmentForm row 13: 培训场次 ≥12场, 分值 20, reason column I. 130% of 12场 is 15.6场.
const N13 = '产出指标／数量指标／指标1：培训场次';
const when = NATIONAL_PROFILE.deviationReasonWhen;

testRule('indicator.reason-missing', {
  valid: [
    { name: 'the consistent form' },
    { name: 'a deduction with its reason', edits: { H13: 19, I13: '场地不足' } },
    { name: 'full marks, target met', edits: { F13: '12场' } },
    { name: 'just under 130% of the target (15.59场)', edits: { F13: '15.59场' } },
    { name: 'over 130% with its reason', edits: { F13: '20场', I13: '需求增加' } },
    { name: 'a reverse target far under is not over-achieved', edits: { F16: '30万元' } },
    {
      name: 'a higher over-achievement trigger in the profile (150%)',
      edits: { F13: '15.6场' },
      profile: { deviationReasonWhen: { ...when, overAchievedPercent: '150' } },
    },
    {
      name: 'a deduction, the profile not asking for it',
      edits: { H18: 13 },
      profile: { deviationReasonWhen: { ...when, scoreBelowWeight: false } },
    },
    {
      name: 'a missed target at full marks, the profile not asking for it',
      edits: { F13: '10场' },
      profile: { deviationReasonWhen: { ...when, targetMissed: false } },
    },
    { name: 'a row marked not applicable', edits: { G13: '－', H13: '－' } },
    { name: 'a row with no 分值', edits: { G13: null, H13: null } },
  ],
  invalid: [
    {
      name: 'a score below the weight',
      edits: { H13: 19.99 },
      cells: ['I13'],
      expect: { severity: 'warning', expected: '填写偏差原因及改进措施', actual: '', fix: null },
      messages: [`${N13}：得分 19.99 低于分值 20，偏差原因分析及改进措施不能为空。`],
    },
    { name: '“无” is no reason', edits: { H13: 19, I13: '无' }, cells: ['I13'] },
    { name: '“－” is no reason', edits: { H18: 13, I18: '－' }, cells: ['I18'] },
    {
      name: 'a missed target scored full marks',
      edits: { F13: '10场' },
      cells: ['I13'],
      messages: [
        `${N13}：未完成年度指标值（目标 ≥12场，完成 10场），偏差原因分析及改进措施不能为空。`,
      ],
    },
    {
      name: 'at 130% of the target',
      edits: { F13: '15.6场' },
      cells: ['I13'],
      messages: [
        `${N13}：完成值达到目标的 130% 以上（目标 ≥12场，完成 15.6场），目标可能设定偏低，偏差原因分析及改进措施不能为空。`,
      ],
    },
    { name: 'just over 130% (15.61场)', edits: { F13: '15.61场' }, cells: ['I13'] },
    {
      name: 'a lower trigger in the profile (129%): 15.59场 is over',
      edits: { F13: '15.59场' },
      profile: { deviationReasonWhen: { ...when, overAchievedPercent: '129' } },
      cells: ['I13'],
    },
    {
      name: 'a compound target with one part over 130%',
      edits: { E13: '≥10场/300人', F13: '13场/300人' },
      cells: ['I13'],
    },
    { name: 'a qualitative row scored below its weight', edits: { H18: 14.99 }, cells: ['I18'] },
  ],
});
