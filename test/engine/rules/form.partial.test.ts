import { testRule } from '../../helpers/ruleTester';
import { departmentForm } from '../../helpers/forms';

testRule('form.partial', {
  valid: [{ name: 'the department form' }, { name: 'the project form', base: 'project' }],
  invalid: [
    {
      name: 'the 资金 part only',
      base: departmentForm().slice(0, 10),
      cells: ['D2'],
      expect: { severity: 'info', part: 'form', expected: null, actual: null, fix: null },
      messages: [
        '未找到“年度指标值／实际完成值／得分”绩效指标部分，指标与总分未核对，不给出复算总分和等级。',
      ],
    },
    {
      name: 'the indicators only',
      base: [['2023年度部门整体支出绩效自评表'], ...departmentForm().slice(11)],
      cells: ['G2'],
      messages: [
        '未找到“全年预算数／全年执行数”资金部分，资金与执行率未核对，不给出复算总分和等级。',
      ],
    },
  ],
});
