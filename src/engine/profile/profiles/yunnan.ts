import { NATIONAL_PROFILE, type Profile } from '../profile';

/**
 * 云南 项目支出绩效自评表: the MOF form with 指标性质 / 指标值 / 度量单位 columns. Its printed weights
 * are the national ones (执行率 10); a county using the 湖北 2020 template (隆阳) is the 湖北 2020
 * profile's form, so that family stays that profile's alone (docs/rules.md §7.3).
 */
export const YUNNAN_PROFILE: Profile = {
  ...NATIONAL_PROFILE,
  id: 'yunnan',
  name: '云南 项目支出绩效自评表',
  source:
    '云南项目支出绩效自评表表式（丽江古城区 2020）：执行率分值 10，指标性质／指标值／度量单位三列',
  families: ['yunnan'],
};
