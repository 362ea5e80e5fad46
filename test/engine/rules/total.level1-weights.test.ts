import { testRule } from '../../helpers/ruleTester';

// departmentForm: 执行率 10, 产出指标 20 + 10 + 10 + 10 = 50, 效益指标 15 + 15 = 30, 满意度指标 10: the national standard.
const P = '财预〔2020〕10号（全国通用）';
testRule('total.level1-weights', {
  valid: [
    { name: 'the consistent form (10/50/30/10)' },
    { name: 'the project form (10/50/30/10)', base: 'project' },
    {
      name: 'a province’s own standard in the profile',
      edits: { G3: 20, G13: 10, G20: 100 },
      profile: {
        standardWeights: { execution: '20', 产出指标: '40', 效益指标: '30', 满意度指标: '10' },
      },
    },
    {
      name: 'scored sub-rows (Guizhou): the execution weight is not compared',
      edits: { G3: 12, G4: 5 },
    },
  ],
  invalid: [
    {
      name: 'the execution weight',
      edits: { G3: 12 },
      cells: ['G3'],
      expect: { severity: 'info', expected: '10', actual: '12', fix: null },
      messages: [`执行率分值为 12，${P}的标准为 10（各地可自定权重，仅作提示）。`],
    },
    {
      name: '产出指标 one point over',
      edits: { G13: 21 },
      cells: ['B13'],
      expect: { expected: '50', actual: '51' },
      messages: [`产出指标分值合计 51，${P}的标准为 50（各地可自定权重，仅作提示）。`],
    },
    {
      name: '效益指标 one point under',
      edits: { G17: 14 },
      cells: ['B17'],
      expect: { expected: '30', actual: '29' },
    },
    {
      name: '满意度指标 one point over',
      edits: { G19: 11 },
      cells: ['B19'],
      expect: { expected: '10', actual: '11' },
    },
    {
      name: 'the execution weight 0.01 off',
      edits: { G3: 10.01 },
      cells: ['G3'],
      expect: { actual: '10.01' },
    },
  ],
});
