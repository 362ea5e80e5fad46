import { checkWorkbook } from '../../../src/engine/check';
import { locateForms } from '../../../src/engine/locate/locateForm';
import { PROFILES } from '../../../src/engine/profile/catalogue';
import { chooseProfile } from '../../../src/engine/profile/choose';
import { NATIONAL_PROFILE, type Profile } from '../../../src/engine/profile/profile';
import { Dec } from '../../../src/engine/values/decimal';
import type { Outcome } from '../../../src/engine/values/qualitative';
import { departmentForm } from '../../helpers/forms';
import { type Rows, setCell, snapshot } from '../../helpers/grid';

/**
 * RULES §7.3 / issue 22: every setting of every profile is data the check uses. For each, a form
 * sitting on the profile's own value, checked under the profile and under the profile with that
 * setting moved one step: what the check says must differ. (`reverseFormula` has one value only,
 * target ÷ actual, and is not a setting a step can move.)
 */
const num = (s: string) => Number(s);

interface Probe {
  rows: (p: Profile) => Rows;
  step: (p: Profile) => Profile;
}

const form = (edit: (rows: Rows) => void): Rows => {
  const rows = departmentForm();
  edit(rows);
  return rows;
};

const ACTUAL: Record<Outcome, string> = {
  achieved: '已建立',
  partial: '基本完成',
  missed: '未完成',
};

function bandProbes(outcome: Outcome): Record<string, Probe> {
  const band = (p: Profile) => p.qualitativeBands[outcome];
  const withBand = (p: Profile, b: Partial<Profile['qualitativeBands'][Outcome]>): Profile => ({
    ...p,
    qualitativeBands: { ...p.qualitativeBands, [outcome]: { ...band(p), ...b } },
  });
  // Row 18: 长效机制, weight 15, a qualitative target.
  const scored = (score: Dec) =>
    form((r) => {
      setCell(r, 'F18', ACTUAL[outcome]);
      setCell(r, 'H18', score.toNumber());
    });
  return {
    [`qualitativeBands.${outcome}.min`]: {
      rows: (p) => scored(new Dec(15).times(band(p).min)),
      step: (p) => withBand(p, { min: new Dec(band(p).min).plus('0.05').toString() }),
    },
    [`qualitativeBands.${outcome}.max`]: {
      rows: (p) => scored(new Dec(15).times(band(p).max).minus(band(p).maxInclusive ? 0 : '0.1')),
      step: (p) => withBand(p, { max: new Dec(band(p).max).minus('0.05').toString() }),
    },
    [`qualitativeBands.${outcome}.maxInclusive`]: {
      rows: (p) => scored(new Dec(15).times(band(p).max)),
      step: (p) => withBand(p, { maxInclusive: !band(p).maxInclusive }),
    },
  };
}

const weights = (p: Profile, w: Partial<Profile['standardWeights']>): Profile => ({
  ...p,
  standardWeights: { ...p.standardWeights, ...w },
});
/** A level's standard, or the national one where the profile sets none (its step is to set one). */
const levelOf = (p: Profile, k: '产出指标' | '效益指标' | '满意度指标') =>
  num(p.standardWeights[k] ?? (NATIONAL_PROFILE.standardWeights[k] as string));

const PROBES: Record<string, Probe> = {
  amountTolerance: {
    // 财政拨款 480.22 + tolerance: the parts exceed the 合计 by exactly the tolerance.
    rows: (p) => form((r) => setCell(r, 'D4', new Dec(480.22).plus(p.amountTolerance).toNumber())),
    step: (p) => ({ ...p, amountTolerance: new Dec(p.amountTolerance).div(2).toString() }),
  },
  scoreTolerance: {
    rows: (p) =>
      form((r) => {
        setCell(r, 'H13', new Dec(20).minus(p.scoreTolerance).toNumber());
        setCell(r, 'I13', '原因');
      }),
    step: (p) => ({ ...p, scoreTolerance: new Dec(p.scoreTolerance).div(2).toString() }),
  },
  scoreDecimals: {
    // 11 of 12 场 on a weight of 20: 18.333…, stated at the profile's decimals.
    rows: (p) =>
      form((r) => {
        setCell(r, 'F13', '11场');
        setCell(
          r,
          'H13',
          new Dec(20).times(11).div(12).toDecimalPlaces(p.scoreDecimals).toNumber(),
        );
        setCell(r, 'I13', '原因');
      }),
    step: (p) => ({ ...p, scoreDecimals: p.scoreDecimals - 1 }),
  },
  lowExecutionPercent: {
    // 其他资金 executed at exactly the limit.
    rows: (p) =>
      form((r) => {
        setCell(r, 'E5', new Dec(25).times(p.lowExecutionPercent).div(100).toNumber());
        setCell(r, 'F5', `${new Dec(p.lowExecutionPercent).toFixed(2)}%`);
      }),
    step: (p) => ({ ...p, lowExecutionPercent: new Dec(p.lowExecutionPercent).plus(1).toString() }),
  },
  ...bandProbes('achieved'),
  ...bandProbes('partial'),
  ...bandProbes('missed'),
  'deviationReasonWhen.scoreBelowWeight': {
    rows: () => form((r) => setCell(r, 'H18', 14)),
    step: (p) => ({
      ...p,
      deviationReasonWhen: {
        ...p.deviationReasonWhen,
        scoreBelowWeight: !p.deviationReasonWhen.scoreBelowWeight,
      },
    }),
  },
  'deviationReasonWhen.targetMissed': {
    // 11 of 12 场 scored in full: the reason is asked for only because the target was missed.
    rows: () => form((r) => setCell(r, 'F13', '11场')),
    step: (p) => ({
      ...p,
      deviationReasonWhen: {
        ...p.deviationReasonWhen,
        targetMissed: !p.deviationReasonWhen.targetMissed,
      },
    }),
  },
  'deviationReasonWhen.overAchievedPercent': {
    rows: (p) =>
      form((r) =>
        setCell(
          r,
          'F13',
          `${new Dec(12).times(p.deviationReasonWhen.overAchievedPercent).div(100).toString()}场`,
        ),
      ),
    step: (p) => ({
      ...p,
      deviationReasonWhen: {
        ...p.deviationReasonWhen,
        overAchievedPercent: new Dec(p.deviationReasonWhen.overAchievedPercent).plus(1).toString(),
      },
    }),
  },
  'standardWeights.execution': {
    rows: (p) => form((r) => setCell(r, 'G3', num(p.standardWeights.execution))),
    step: (p) => weights(p, { execution: String(num(p.standardWeights.execution) + 1) }),
  },
  'standardWeights.产出指标': {
    rows: (p) => form((r) => setCell(r, 'G13', levelOf(p, '产出指标') - 30)),
    step: (p) => weights(p, { 产出指标: String(levelOf(p, '产出指标') + 1) }),
  },
  'standardWeights.效益指标': {
    rows: (p) => form((r) => setCell(r, 'G17', levelOf(p, '效益指标') - 15)),
    step: (p) => weights(p, { 效益指标: String(levelOf(p, '效益指标') + 1) }),
  },
  'standardWeights.满意度指标': {
    rows: (p) => form((r) => setCell(r, 'G19', levelOf(p, '满意度指标'))),
    step: (p) => weights(p, { 满意度指标: String(levelOf(p, '满意度指标') + 1) }),
  },
  'standardWeights.indicators': {
    // The form's indicators weigh 90; a profile with no share is given one a step away.
    rows: (p) =>
      form((r) => setCell(r, 'G13', 20 + num(p.standardWeights.indicators ?? '90') - 90)),
    step: (p) => weights(p, { indicators: String(num(p.standardWeights.indicators ?? '90') + 1) }),
  },
  defaultTotalWeight: {
    rows: (p) =>
      form((r) => {
        setCell(r, 'G20', null);
        setCell(r, 'G13', 20 + num(p.defaultTotalWeight) - 100);
      }),
    step: (p) => ({ ...p, defaultTotalWeight: String(num(p.defaultTotalWeight) + 1) }),
  },
  grades: {
    // The total lands on the top band's minimum (长效机制 gives up the difference).
    rows: (p) =>
      form((r) => {
        const top = new Dec(p.grades[0].min);
        setCell(r, 'H18', new Dec(15).minus(new Dec('99.7').minus(top)).toNumber());
        setCell(r, 'I18', '原因');
        setCell(r, 'H20', top.toNumber());
      }),
    step: (p) => ({
      ...p,
      grades: p.grades.map((g, i) => (i === 0 ? { ...g, min: String(num(g.min) + 1) } : g)),
    }),
  },
};

/** What a check says: every finding and the summary's grade and verdict. */
function said(rows: Rows, p: Profile): string[] {
  const [r] = checkWorkbook([snapshot(rows)], p);
  return [
    ...r.findings.map((f) => `${f.severity} ${f.rule} ${f.cells.join(',')} ${f.message}`),
    `grade ${r.summary.grade}`,
    `verdict ${r.summary.verdict}`,
  ];
}

describe.each(PROFILES.map((p) => [p.id, p] as const))('profile %s', (_id, profile) => {
  test.each(Object.keys(PROBES))('%s one step away changes what the check says', (setting) => {
    const probe = PROBES[setting];
    const rows = probe.rows(profile);
    const before = said(rows, profile);
    const after = said(rows, probe.step(profile));
    expect(after).not.toEqual(before);
  });

  test('families: one family more or less changes which profile a form gets', () => {
    // A 湖北 2020 form (score header 得分(20分*执行率), no 分值 column).
    const rows: Rows = [
      ['项目(支出)绩效自评表'],
      [
        '预算执行情况(万元)(20分)',
        null,
        null,
        '预算数(A)',
        '执行数(B)',
        '执行率(B/A)',
        '得分(20分*执行率)',
      ],
      ['年度财政资金总额', null, null, 100, 100, '100%', 20],
      ['一级指标', '二级指标', '三级指标', '年初目标值(A)', '实际完成值(B)', '得分'],
      ['产出指标', '数量指标', '培训场次', '≥12场', '12场', 80],
      ['总分', null, null, null, null, 100],
    ];
    const located = locateForms([snapshot(rows)]);
    if (!located.found) throw new Error('not found');
    const forms = located.forms.map((f) => f.form);
    const others = PROFILES.filter((p) => p.id !== profile.id);
    const knows = profile.families.includes('hubei-2020');
    const stepped: Profile = {
      ...profile,
      families: knows
        ? profile.families.filter((f) => f !== 'hubei-2020')
        : [...profile.families, 'hubei-2020'],
    };
    // Only this profile may know the family for the choice to follow it.
    const alone = (p: Profile) => [
      p,
      ...others.map((o) => ({ ...o, families: o.families.filter((f) => f !== 'hubei-2020') })),
    ];
    const knowing = chooseProfile(forms, {}, alone(knows ? profile : stepped)).used;
    const not = chooseProfile(forms, {}, alone(knows ? stepped : profile)).used;
    expect(knowing.id).toBe(profile.id);
    expect(knowing.why).toMatch(/湖北 2020/);
    // Without the family the form falls back to the national default (and says so).
    expect(not).toEqual({ id: NATIONAL_PROFILE.id, name: NATIONAL_PROFILE.name, why: '默认' });
  });
});
