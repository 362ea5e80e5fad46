import { testRule } from '../../helpers/ruleTester';

testRule('form.ambiguous-reading', {
  valid: [
    { name: 'the department form' },
    { name: 'the project form', base: 'project' },
    {
      name: 'two weight columns that hold the same weights: the readings say the same, no ambiguity',
      edits: { J12: '参考分值', J13: 20, J14: 10, J15: 10, J16: 10, J17: 15, J18: 15, J19: 10 },
    },
    {
      name: 'a second weight column that does not add up to the total is not a rival reading',
      edits: { J12: '参考分值', J13: 10, J14: 10, J15: 10, J16: 10, J17: 10, J18: 10, J19: 10 },
    },
  ],
  invalid: [
    {
      // Both columns add up to 90 and every score fits within both: G says 培训场次 (met) earns
      // 20 and is scored 10, J says 验收合格率 (met) earns 20 and is scored 10. Which one is the
      // mistake depends on the reading, so neither is reported; the ambiguity is.
      name: 'two weight columns that both add up: each reading finds a different mistake',
      edits: {
        J12: '参考分值',
        J13: 10,
        J14: 20,
        J15: 10,
        J16: 10,
        J17: 15,
        J18: 15,
        J19: 10,
        H13: 10,
        H20: 89.7,
      },
      cells: ['G12'],
      expect: { severity: 'info', part: 'form', fix: null },
      messages: [
        '这张表可以读作“分值取 G 列（分值）”，也可以读作“分值取 J 列（参考分值）”，两种读法下表内的勾稽关系成立得一样好；只报告两种读法都得出的问题。可在读取方式中指定正确的读法。',
      ],
    },
  ],
});
