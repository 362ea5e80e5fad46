import { testRule } from '../../helpers/ruleTester';

testRule('form.ambiguous-reading', {
  valid: [
    { name: 'the department form' },
    { name: 'the project form', base: 'project' },
    {
      name: 'a second weight column that does not add up to the total is not a rival reading',
      edits: { J12: '参考分值', J13: 10, J14: 10, J15: 10, J16: 10, J17: 10, J18: 10, J19: 10 },
    },
  ],
  invalid: [
    {
      name: 'two weight columns that hold the same weights: both readings hold equally well',
      edits: { J12: '参考分值', J13: 20, J14: 10, J15: 10, J16: 10, J17: 15, J18: 15, J19: 10 },
      cells: ['G12'],
      expect: { severity: 'info', part: 'form', fix: null },
      messages: [
        '这张表可以读作“分值取 G 列（分值）”，也可以读作“分值取 J 列（参考分值）”，两种读法下表内的勾稽关系成立得一样好；只报告两种读法都得出的问题。可在读取方式中指定正确的读法。',
      ],
    },
  ],
});
