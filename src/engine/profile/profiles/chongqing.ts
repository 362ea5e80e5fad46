import { NATIONAL_PROFILE, type Profile } from '../profile';

/**
 * 重庆 部门整体绩效自评表: 执行率权重 10, indicators in one 指标名称 column (no 一级指标, so no
 * level-1 standard), 指标得分 = 指标权重 × 得分系数 (docs/rules.md §7.3).
 */
export const CHONGQING_PROFILE: Profile = {
  ...NATIONAL_PROFILE,
  id: 'chongqing',
  name: '重庆 部门整体绩效自评表（得分系数）',
  source:
    '重庆部门整体绩效自评表表式：执行率权重 10、执行率得分(分)，得分系数(%)、指标权重(分)、指标得分(分)',
  families: ['chongqing-department'],
  standardWeights: {
    execution: '10',
    产出指标: null,
    效益指标: null,
    满意度指标: null,
    indicators: null,
  },
};
