import { runCase, testRule } from '../../helpers/ruleTester';

// departmentForm row 5 (（2）其他资金) set to 预算 100: the rate is 执行数 in percent.
const at = (exec: number) => ({ D5: 100, E5: exec, F5: `${exec.toFixed(2)}%` });

testRule('funds.low-execution', {
  valid: [
    { name: 'the consistent form' },
    { name: 'exactly 90%', edits: at(90) },
    { name: 'just above: 90.01%', edits: at(90.01) },
    {
      name: 'a stated rate of exactly 90% without amounts',
      edits: { D5: null, E5: null, F5: '90%' },
    },
    {
      name: 'a stated rate of 90.01% without amounts',
      edits: { D5: null, E5: null, F5: '90.01%' },
    },
    {
      name: 'a lower limit in the profile (89)',
      edits: at(89.99),
      profile: { lowExecutionPercent: '89' },
    },
    { name: 'a budget of 0: no rate', edits: { D5: 0, E5: 0, F5: '－' } },
  ],
  invalid: [
    {
      name: 'just below: 89.99%, with the formula',
      edits: at(89.99),
      cells: ['F5'],
      expect: { severity: 'warning', expected: '≥ 90%', actual: '89.99%', fix: null },
      messages: [
        '（2）其他资金预算执行率 全年执行数 89.99 ÷ 全年预算数 100.00 = 89.99%，低于 90%，请在报告中说明原因及改进措施。',
      ],
    },
    {
      name: 'a stated rate just below 90% where the amounts are missing',
      edits: { D5: null, E5: null, F5: '89.99%' },
      cells: ['F5'],
      expect: { expected: '≥ 90%', actual: '89.99%' },
      messages: [
        '（2）其他资金填报的预算执行率 89.99% 低于 90%（预算数或执行数未填，无法复算），请说明原因及改进措施。',
      ],
    },
    {
      name: 'a higher limit in the profile (91): 90.01% is low',
      edits: at(90.01),
      profile: { lowExecutionPercent: '91' },
      cells: ['F5'],
      expect: { expected: '≥ 91%' },
    },
    {
      name: 'the project form: a blank rate is still judged from the amounts (83.33%, 85%)',
      base: 'project',
      edits: { E7: 150, E6: 170, G7: null, G6: null },
      cells: ['G6', 'G7'],
    },
    { name: 'far below: 80%', edits: at(80), cells: ['F5'], expect: { actual: '80.00%' } },
  ],
});

test('a rate that rounds to the limit is shown with the decimals that keep it below (89.995%, not 90.00%)', () => {
  const [f] = runCase('funds.low-execution', {
    name: '89.995%',
    edits: { D5: 200, E5: 179.99, F5: '90.00%' },
  });
  expect(f?.message).toContain('= 89.995%，低于 90%');
});
