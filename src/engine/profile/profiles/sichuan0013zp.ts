import { NATIONAL_PROFILE, type Profile } from '../profile';

/**
 * 四川 部门预算项目支出绩效自评表 (报表编号 510000_0013zp): 预算执行情况(10分), 绩效指标(90分),
 * "预算执行率未达到90%的需说明原因"; the 产出/效益 split is the project's own (docs/rules.md §7.3).
 */
export const SICHUAN_0013ZP_PROFILE: Profile = {
  ...NATIONAL_PROFILE,
  id: 'sichuan-0013zp',
  name: '四川 0013zp 部门预算项目支出绩效自评表',
  source:
    '四川 510000_0013zp 表式：预算执行情况(10分)、绩效指标(90分)，原因栏“预算执行率未达到90%的需说明原因”',
  families: ['sichuan-0013zp'],
  lowExecutionPercent: '90',
  standardWeights: {
    execution: '10',
    产出指标: null,
    效益指标: null,
    满意度指标: null,
    indicators: '90',
  },
};
