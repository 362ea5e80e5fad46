import type { RawValue } from '../src/engine/grid/types';

/**
 * A consistent department form with `n` indicator rows (weights and scores adding up to 90),
 * mixing quantitative, compound, reverse and qualitative rows, so every rule does its work.
 */
export function syntheticForm(n: number): RawValue[][] {
  const rows: RawValue[][] = [
    ['2023年度部门整体支出绩效自评表'],
    ['整体资金（万元）', '项目', null, '全年预算数', '全年执行数', '执行率', '分值', '得分'],
    [null, '资金来源', '合计', 505.22, 490.1, '97.01%', 10, 9.7],
    [null, null, '（1）财政拨款', 480.22, 465.1, '96.85%', '－', '－'],
    [null, null, '（2）其他资金', 25, 25, '100.00%', '－', '－'],
    [null, '资金结构', '合计', 505.22, 490.1, '97.01%', '－', '－'],
    [null, null, '（1）基本支出', 400, 390, '97.50%', '－', '－'],
    [null, null, '其中：人员支出', 300, 295, '98.33%', '－', '－'],
    [null, null, '     公用支出', 100, 95, '95.00%', '－', '－'],
    [null, null, '（2）项目支出', 105.22, 100.1, '95.13%', '－', '－'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ];
  // 90 points over n rows in hundredths, the remainder on the first rows.
  const cents = 9000;
  const base = Math.floor(cents / n);
  // Every row's text differs (as in a real form), so no cache in the engine flatters the timing.
  const kinds = [
    (k: number): [RawValue, RawValue] => [`≥${12 + k}场`, `${12 + k}场`],
    (k: number): [RawValue, RawValue] => [`${100 + k}家/3500人`, `${100 + k}家/${3501 + (k % 500)}人`],
    (k: number): [RawValue, RawValue] => [`≤${(0.2 + k / 1000).toFixed(3)}万元`, `${1500 + k}元`],
    (k: number): [RawValue, RawValue] => [`是否完成第${k}项工作`, `已完成第${k}项工作，未超预算范围`],
    (k: number): [RawValue, RawValue] => [`≥${(90 + (k % 900) / 100).toFixed(2)}%`, `${(99 + (k % 90) / 100).toFixed(2)}%`],
  ];
  for (let i = 0; i < n; i++) {
    const w = (base + (i < cents - base * n ? 1 : 0)) / 100;
    const [target, actual] = kinds[i % kinds.length](i);
    const level1 = i < n / 2 ? '产出指标' : i < (n * 5) / 6 ? '效益指标' : '满意度指标';
    rows.push([null, level1, '数量指标', `指标${i + 1}`, target, actual, w, w, null]);
  }
  rows.push(['总分', null, null, null, null, null, 100, 99.7]);
  return rows;
}
