import type { RawValue } from '../src/engine/grid/types';
import { departmentForm } from '../test/helpers/forms';

/**
 * A consistent department form with `n` indicator rows (weights and scores adding up to 90),
 * mixing quantitative, compound, reverse and qualitative rows, so every rule does its work.
 */
export function syntheticForm(n: number): RawValue[][] {
  // The money block (rows 1–10) of the consistent test form, then n indicator rows.
  const rows: RawValue[][] = [
    ...departmentForm().slice(0, 10),
    [
      '绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
    ],
  ];
  // 90 points over n rows in hundredths, the remainder on the first rows.
  const cents = 9000;
  const base = Math.floor(cents / n);
  // Every row's text differs (as in a real form), so no cache in the engine flatters the timing.
  const kinds = [
    (k: number): [RawValue, RawValue] => [`≥${12 + k}场`, `${12 + k}场`],
    (k: number): [RawValue, RawValue] => [
      `${100 + k}家/3500人`,
      `${100 + k}家/${3501 + (k % 500)}人`,
    ],
    (k: number): [RawValue, RawValue] => [`≤${(0.2 + k / 1000).toFixed(3)}万元`, `${1500 + k}元`],
    (k: number): [RawValue, RawValue] => [
      `是否完成第${k}项工作`,
      `已完成第${k}项工作，未超预算范围`,
    ],
    (k: number): [RawValue, RawValue] => [
      `≥${(90 + (k % 900) / 100).toFixed(2)}%`,
      `${(99 + (k % 90) / 100).toFixed(2)}%`,
    ],
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
