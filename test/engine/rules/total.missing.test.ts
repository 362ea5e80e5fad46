import { testRule } from '../../helpers/ruleTester';
import { departmentForm, projectForm } from '../../helpers/forms';

testRule('total.missing', {
  valid: [
    { name: 'the consistent form' },
    { name: 'the project form', base: 'project' },
    { name: 'a form without indicators has no total to miss', base: departmentForm().slice(0, 10) },
  ],
  invalid: [
    {
      name: 'no 总分 row: the sums, on the 分值 header',
      base: departmentForm().slice(0, 19),
      cells: ['G12'],
      expect: { severity: 'info', expected: null, actual: null, fix: null },
      messages: ['未找到“总分”行，无法核对总分；各项分值之和为 100，得分之和为 99.7。'],
    },
    {
      name: 'the project form without its 总分 row',
      base: projectForm().slice(0, 16),
      cells: ['G11'],
      messages: ['未找到“总分”行，无法核对总分；各项分值之和为 100，得分之和为 99.5。'],
    },
  ],
});
