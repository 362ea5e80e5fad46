import { checkWorkbook, gradeOf } from '../../../src/engine/check';
import { NATIONAL_PROFILE, withOverrides } from '../../../src/engine/profile/profile';
import { Dec } from '../../../src/engine/values/decimal';
import { departmentForm } from '../../helpers/forms';
import { setCell, snapshot } from '../../helpers/grid';

/** The profile values no single rule owns: grade bands on the total, the blank total's 分值. */
describe('grade bands (national: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below)', () => {
  test.each([
    ['100', '优'],
    ['90.01', '优'],
    ['90', '优'],
    ['89.99', '良'],
    ['80.01', '良'],
    ['80', '良'],
    ['79.99', '中'],
    ['60.01', '中'],
    ['60', '中'],
    ['59.99', '差'],
    ['0', '差'],
    ['-1', '差'],
  ])('%s is %s', (total, grade) => {
    expect(gradeOf(new Dec(total), NATIONAL_PROFILE)).toBe(grade);
  });

  test('the grade of a checked form is the one of its recomputed total', () => {
    const rows = departmentForm();
    // 长效机制 scored 5 of 15 (still 达成 by text, a band warning only): 94.7 − 10 = 84.7 … and the total follows.
    setCell(rows, 'H18', 5);
    setCell(rows, 'H20', 89.7);
    const [r] = checkWorkbook([snapshot(rows)]);
    expect(r.summary).toMatchObject({ recomputedTotal: '89.7', grade: '良' });
  });

  test('another profile’s bands are used', () => {
    const p = withOverrides(NATIONAL_PROFILE, {
      grades: [
        { name: 'A', min: '95' },
        { name: 'B', min: '-Infinity' },
      ],
    });
    expect(gradeOf(new Dec('95'), p)).toBe('A');
    expect(gradeOf(new Dec('94.99'), p)).toBe('B');
  });
});

describe('the national profile', () => {
  test('says where it comes from', () => {
    expect(NATIONAL_PROFILE).toMatchObject({
      id: 'national-2020',
      name: '财预〔2020〕10号（全国通用）',
    });
  });
});
