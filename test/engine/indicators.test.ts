import { alarmKeys, byRule, checkRows } from '../helpers/check';
import { departmentForm } from '../helpers/forms';
import type { Rows } from '../helpers/grid';
import { setCell } from '../helpers/grid';
import type { RawValue } from '../../src/engine/grid/types';

/** The department form with row 13 (weight 20) replaced; the total kept consistent where asked. */
function withRow13(
  target: RawValue,
  actual: RawValue,
  weight: RawValue,
  score: RawValue,
  reason: RawValue = null,
): Rows {
  const rows = departmentForm();
  setCell(rows, 'E13', target);
  setCell(rows, 'F13', actual);
  setCell(rows, 'G13', weight);
  setCell(rows, 'H13', score);
  setCell(rows, 'I13', reason);
  if (typeof score === 'number') setCell(rows, 'H20', Math.round((79.7 + score) * 100) / 100);
  return rows;
}

describe('RULES §3.1 range', () => {
  test('得分 above 分值 is an error', () => {
    const r = checkRows(withRow13('≥12场', '12场', 20, 22));
    expect(byRule(r, 'indicator.score-out-of-range')[0]).toMatchObject({
      severity: 'error',
      cells: ['H13', 'G13'],
      fix: { cell: 'H13', value: '20' },
    });
  });

  test('negative 得分 is an error', () => {
    expect(
      byRule(
        checkRows(withRow13('是否完成', '已完成', 20, -1, '说明')),
        'indicator.score-out-of-range',
      ),
    ).toHaveLength(1);
  });

  test('得分 blank while 分值 is set is a warning', () => {
    const r = checkRows(withRow13('≥12场', '12场', 20, null));
    expect(byRule(r, 'indicator.score-blank')[0]).toMatchObject({
      severity: 'warning',
      cells: ['H13'],
      fix: { cell: 'H13', value: '20' },
    });
  });
});

describe('RULES §3.2 quantitative', () => {
  test('98% of a ≥98% target scored 19.6 of 20 is an error: a met target earns full marks', () => {
    const r = checkRows(withRow13('≥98%', '98%', 20, 19.6, null));
    const [f] = byRule(r, 'indicator.score-mismatch');
    expect(f).toMatchObject({
      severity: 'error',
      cells: ['H13'],
      expected: '20',
      actual: '19.6',
      fix: { cell: 'H13', value: '20' },
    });
    expect(f.message).toContain('少得 0.4');
  });

  test('72.74% against ≥90% scored full is an error: unearned points (expected 20 × 72.74 ÷ 90 = 16.16)', () => {
    const r = checkRows(withRow13('≥90%', '72.74%', 20, 20, '原因'));
    const [f] = byRule(r, 'indicator.score-mismatch');
    expect(f).toMatchObject({ expected: '16.16', actual: '20' });
    expect(f.message).toContain('多得 3.84');
  });

  test('the right partial score passes, within 0.01', () => {
    expect(
      byRule(checkRows(withRow13('≥90%', '72.74%', 20, 16.16, '原因')), 'indicator.score-mismatch'),
    ).toHaveLength(0);
    expect(
      byRule(checkRows(withRow13('≥90%', '72.74%', 20, 16.17, '原因')), 'indicator.score-mismatch'),
    ).toHaveLength(0);
    expect(
      byRule(checkRows(withRow13('≥90%', '72.74%', 20, 16.18, '原因')), 'indicator.score-mismatch'),
    ).toHaveLength(1);
  });

  test('a reverse (≤) target missed scores 分值 × 目标 ÷ 完成: ≤50万元, 60万元, 20 → 16.67', () => {
    const r = checkRows(withRow13('≤50万元', '60万元', 20, 20, '原因'));
    expect(byRule(r, 'indicator.score-mismatch')[0]).toMatchObject({ expected: '16.67' });
  });

  test('a reverse target met earns full marks', () => {
    expect(alarmKeys(checkRows(withRow13('≤50万元', '48万元', 20, 20)))).toEqual([]);
  });

  test('A = 0 on a reverse target: 0 earns all, anything above earns 0', () => {
    expect(alarmKeys(checkRows(withRow13('三公经费变动率≤0', '三公经费变动率=0', 20, 20)))).toEqual(
      [],
    );
    const r = checkRows(withRow13('三公经费变动率≤0', '三公经费变动率=5%', 20, 20, '原因'));
    expect(byRule(r, 'indicator.score-mismatch')[0]).toMatchObject({ expected: '0' });
  });

  test('labels before the comparator, and in the actual: 预算执行率>90% vs 预算执行率=100%; 满意度>98% means 98%', () => {
    expect(alarmKeys(checkRows(withRow13('预算执行率>90%', '预算执行率=100%', 20, 20)))).toEqual(
      [],
    );
    expect(alarmKeys(checkRows(withRow13('满意度>90%', '满意度>98%', 20, 20)))).toEqual([]);
  });

  test('no comparator means ≥; word comparators count: 不低于95%, 95%以上', () => {
    expect(
      byRule(checkRows(withRow13('450人', '400人', 20, 20, '原因')), 'indicator.score-mismatch')[0],
    ).toMatchObject({ expected: '17.78' });
    expect(
      byRule(
        checkRows(withRow13('不低于95%', '90%', 20, 20, '原因')),
        'indicator.score-mismatch',
      )[0],
    ).toMatchObject({ expected: '18.95' });
    expect(
      byRule(checkRows(withRow13('95%以上', '90%', 20, 20, '原因')), 'indicator.score-mismatch')[0],
    ).toMatchObject({ expected: '18.95' });
  });

  test('units convert: ≤0.2万元 against 1500元 is met', () => {
    expect(alarmKeys(checkRows(withRow13('≤0.2万元', '1500元', 20, 20)))).toEqual([]);
    expect(
      byRule(
        checkRows(withRow13('≤0.2万元', '2500元', 20, 20, '原因')),
        'indicator.score-mismatch',
      )[0],
    ).toMatchObject({ expected: '16' });
  });

  test('unlike units cannot be compared: an info saying why, no error', () => {
    const r = checkRows(withRow13('≥100家', '120人', 20, 20));
    expect(alarmKeys(r)).toEqual([]);
    expect(byRule(r, 'indicator.unverifiable')[0].message).toContain('单位不一致');
  });

  test('a quantitative target with a word actual is an info', () => {
    const r = checkRows(withRow13('≥12场', '已完成', 20, 20));
    expect(alarmKeys(r)).toEqual([]);
    expect(byRule(r, 'indicator.unverifiable')).toHaveLength(1);
  });

  test('empty target or actual is an info', () => {
    const r = checkRows(withRow13('≥12场', null, 20, 20));
    expect(byRule(r, 'indicator.unverifiable')[0].message).toContain('实际完成值为空');
  });
});

describe('RULES §3.2 compound targets', () => {
  test('100家/3500人 vs 100家/3612人: all met, full marks', () => {
    expect(alarmKeys(checkRows(withRow13('100家/3500人', '100家/3612人', 20, 20)))).toEqual([]);
  });

  test('all parts met but a point deducted is an error', () => {
    const r = checkRows(withRow13('100家/3500人', '100家/3612人', 20, 19, '原因'));
    expect(byRule(r, 'indicator.score-mismatch')[0]).toMatchObject({ expected: '20' });
  });

  test('part missed: the score must lie between 分值 × smallest and × largest part ratio', () => {
    // 90/100 = 0.9 and 3612/3500 ≥ 1 → [18, 20]
    expect(
      byRule(
        checkRows(withRow13('100家/3500人', '90家/3612人', 20, 19, '原因')),
        'indicator.compound-score-out-of-range',
      ),
    ).toHaveLength(0);
    const r = checkRows(withRow13('100家/3500人', '90家/3612人', 20, 15, '原因'));
    const [f] = byRule(r, 'indicator.compound-score-out-of-range');
    expect(f).toMatchObject({ severity: 'error', expected: '[18, 20]' });
  });

  test('a missed compound target without a reason is a warning on the reason cell', () => {
    const r = checkRows(withRow13('100家/3500人', '90家/3612人', 20, 19));
    expect(byRule(r, 'indicator.reason-missing')[0].cells).toEqual(['I13']);
  });
});

describe('RULES §3.3 qualitative bands', () => {
  test('the double negative 未超预算范围 is achieved: full marks fine, 5 of 20 is outside the 达成 band', () => {
    expect(alarmKeys(checkRows(withRow13('是否超预算范围', '未超预算范围', 20, 20)))).toEqual([]);
    const r = checkRows(withRow13('是否超预算范围', '未超预算范围', 20, 5, '原因'));
    const [f] = byRule(r, 'indicator.qualitative-band');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('属于达成');
    expect(f.expected).toBe('[16, 20]');
  });

  test('超出预算 is not achieved: full marks is outside the band', () => {
    const r = checkRows(withRow13('是否超预算范围', '超出预算', 20, 20));
    expect(byRule(r, 'indicator.qualitative-band')[0]).toMatchObject({ expected: '[0, 12)' });
  });

  test('基本完成 is partly achieved: [60%, 80%) of the weight', () => {
    expect(
      byRule(
        checkRows(withRow13('是否完成', '基本完成', 20, 14, '原因')),
        'indicator.qualitative-band',
      ),
    ).toHaveLength(0);
    expect(
      byRule(
        checkRows(withRow13('是否完成', '基本完成', 20, 16, '原因')),
        'indicator.qualitative-band',
      ),
    ).toHaveLength(1);
    expect(
      byRule(
        checkRows(withRow13('是否完成', '基本完成', 20, 20, '原因')),
        'indicator.qualitative-band',
      ),
    ).toHaveLength(1);
  });

  test('the seed: 8 of 10 for 已完成 is inside the band, but needs a reason', () => {
    const r = checkRows(withRow13('是否完成', '已完成', 20, 16));
    expect(byRule(r, 'indicator.qualitative-band')).toHaveLength(0);
    expect(byRule(r, 'indicator.reason-missing')[0]).toMatchObject({
      severity: 'warning',
      cells: ['I13'],
    });
  });

  test('a narrative with no negative marker is achieved; 未完成 is not', () => {
    expect(
      alarmKeys(
        checkRows(withRow13('大力弘扬劳模精神', '形成了尊重劳模的良好风尚，培训职工326人', 20, 20)),
      ),
    ).toEqual([]);
    expect(
      byRule(checkRows(withRow13('是否完成', '未完成', 20, 20)), 'indicator.qualitative-band'),
    ).toHaveLength(1);
  });
});

describe('RULES §3.4 not applicable, §3.6 deviation reason', () => {
  test('a row of \\ markers is skipped, not scored, and not in the sums', () => {
    const rows = departmentForm();
    rows.splice(19, 0, [null, '效益指标', '生态效益指标', '指标1：', '\\', '\\', '\\', '\\']);
    const r = checkRows(rows);
    expect(alarmKeys(r)).toEqual([]);
  });

  test('“无” is not a reason', () => {
    const r = checkRows(withRow13('是否完成', '已完成', 20, 16, '无'));
    expect(byRule(r, 'indicator.reason-missing')).toHaveLength(1);
  });

  test('a stated reason satisfies the rule', () => {
    expect(
      byRule(
        checkRows(withRow13('是否完成', '已完成', 20, 16, '部分任务延后')),
        'indicator.reason-missing',
      ),
    ).toHaveLength(0);
  });

  test('a target beaten by 30% or more needs a reason (target set too low)', () => {
    const r = checkRows(withRow13('≥12场', '16场', 20, 20));
    const [f] = byRule(r, 'indicator.reason-missing');
    expect(f.message).toContain('目标可能设定偏低');
    expect(
      byRule(checkRows(withRow13('≥12场', '15场', 20, 20)), 'indicator.reason-missing'),
    ).toHaveLength(0);
  });
});

describe('header synonyms', () => {
  test.each([
    ['实际值', '目标值'],
    ['实际数', '计划值'],
    ['全年完成值', '年初目标值'],
    ['完成情况', '预期值'],
  ])('actual header %s with target header %s', (actualHeader, targetHeader) => {
    const rows = departmentForm();
    setCell(rows, 'E12', targetHeader);
    setCell(rows, 'F12', actualHeader);
    setCell(rows, 'H13', 18);
    setCell(rows, 'H20', 97.7);
    expect(alarmKeys(checkRows(rows))).toEqual([
      'indicator.score-mismatch@H13',
      'indicator.reason-missing@I13',
    ]);
  });
});

describe('unseen-form variants that must not raise false alarms', () => {
  test('a deadline without a direction (12月 vs 11月) is not scored as a missed target', () => {
    const r = checkRows(withRow13('12月', '11月', 20, 20));
    expect(alarmKeys(r)).toEqual([]);
    expect(byRule(r, 'indicator.unverifiable')[0].message).toContain('未注明比较方向');
  });

  test('a deadline with a direction is scored: ≤12月 met by 11月', () => {
    expect(alarmKeys(checkRows(withRow13('≤12月', '11月', 20, 20)))).toEqual([]);
    expect(
      byRule(checkRows(withRow13('≤12月', '13月', 20, 20, '原因')), 'indicator.score-mismatch')[0],
    ).toMatchObject({ expected: '18.46' });
  });

  test('a deadline written 9月前 is 9月 at the latest: 7月 meets it, 10月 misses it', () => {
    const met = checkRows(withRow13('9月前', '7月', 20, 20));
    expect(alarmKeys(met)).toEqual([]);
    expect(byRule(met, 'indicator.unverifiable')).toEqual([]);
    expect(
      byRule(checkRows(withRow13('9月前', '10月', 20, 20, '原因')), 'indicator.score-mismatch')[0],
    ).toMatchObject({ expected: '18' });
  });

  test('a deadline written 11月底前 is met by 10月 (宣城 2021)', () => {
    const r = checkRows(withRow13('11月底前', '10月', 20, 20));
    expect(alarmKeys(r)).toEqual([]);
    expect(byRule(r, 'indicator.unverifiable')).toEqual([]);
  });

  test('指标分值 / 实际得分 headers are read as 分值 / 得分', () => {
    const rows = departmentForm();
    setCell(rows, 'G12', '指标分值');
    setCell(rows, 'H12', '实际得分');
    setCell(rows, 'H13', 18);
    setCell(rows, 'H20', 97.7);
    expect(alarmKeys(checkRows(rows))).toEqual([
      'indicator.score-mismatch@H13',
      'indicator.reason-missing@I13',
    ]);
  });
});
