import { alarmKeys, checkRows } from '../helpers/check';
import { departmentForm, projectForm } from '../helpers/forms';

describe('consistent forms raise nothing', () => {
  test('department form: checked, no error or warning, total and grade', () => {
    const r = checkRows(departmentForm());
    expect(r.status).toBe('checked');
    expect(r.formKind).toBe('department');
    expect(alarmKeys(r)).toEqual([]);
    expect(r.summary).toMatchObject({
      errors: 0,
      warnings: 0,
      statedTotal: '99.7',
      recomputedTotal: '99.7',
      grade: '优',
    });
  });

  test('project form: recognised as 项目支出 and consistent', () => {
    const r = checkRows(projectForm());
    expect(r.status).toBe('checked');
    expect(r.formKind).toBe('project');
    expect(alarmKeys(r)).toEqual([]);
    expect(r.summary).toMatchObject({ statedTotal: '99.5', recomputedTotal: '99.5', grade: '优' });
  });
});
