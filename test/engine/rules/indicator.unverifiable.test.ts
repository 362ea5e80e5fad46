import { testRule } from '../../helpers/ruleTester';

const N13 = '产出指标／数量指标／指标1：培训场次';
testRule('indicator.unverifiable', {
  valid: [
    { name: 'the consistent form' },
    { name: 'a qualitative row is banded, not unverifiable', edits: { F18: '基本建立' } },
    { name: 'a unit converted (万元 and 元)', edits: { E16: '≤50万元', F16: '480000元' } },
  ],
  invalid: [
    {
      name: 'a quantity target with a text actual',
      edits: { F13: '已完成' },
      cells: ['H13'],
      expect: { severity: 'info', expected: null, actual: null, fix: null },
      messages: [`${N13}：年度指标值是数量（≥12场），实际完成值“已完成”不是数量，无法复算得分。`],
    },
    {
      name: 'units that differ',
      edits: { F13: '12人' },
      cells: ['H13'],
      messages: [`${N13}：单位不一致（场 与 人），无法比较。`],
    },
    {
      name: 'an empty actual',
      edits: { F13: null },
      cells: ['H13'],
      messages: [`${N13}：实际完成值为空。`],
    },
    {
      name: 'an empty target',
      edits: { E13: null },
      cells: ['H13'],
      messages: [`${N13}：年度指标值为空。`],
    },
    {
      name: 'a 分值 that is no number',
      edits: { G13: '二十' },
      cells: ['H13'],
      messages: [`${N13}：分值“二十”不是数字。`],
    },
    {
      name: 'parts that do not pair up',
      edits: { E13: '≥10场/300人', F13: '12场' },
      cells: ['H13'],
      messages: [`${N13}：年度指标值有 2 项，实际完成值有 1 项，无法逐项对比。`],
    },
  ],
});
