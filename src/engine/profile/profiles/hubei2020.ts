import { NATIONAL_PROFILE, type Profile } from '../profile';

/**
 * 湖北 2020 项目（支出）绩效自评表: 预算执行情况(20分), 得分(20分*执行率), 年度绩效目标(80分) with
 * no 分值 column; the level-1 split is the project's own (产出指标(60分) / 效益指标(40分) in one form,
 * blank in another), so no level-1 standard. The rest is 10号文 (docs/rules.md §7.3).
 */
export const HUBEI_2020_PROFILE: Profile = {
  ...NATIONAL_PROFILE,
  id: 'hubei-2020',
  name: '湖北 2020 项目（支出）绩效自评表',
  source:
    '湖北 2020 版项目（支出）绩效自评表表式：预算执行情况(万元)(20分)、得分(20分*执行率)、年度绩效目标(80分)',
  families: ['hubei-2020'],
  standardWeights: {
    execution: '20',
    产出指标: null,
    效益指标: null,
    满意度指标: null,
    indicators: '80',
  },
};
