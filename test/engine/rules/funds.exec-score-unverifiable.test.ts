import { testRule } from '../../helpers/ruleTester';

testRule('funds.exec-score-unverifiable', {
  valid: [
    { name: 'the consistent form' },
    { name: 'a blank 合计 summed from its parts can be recomputed', edits: { D3: null } },
    { name: 'the project form', base: 'project' },
  ],
  invalid: [
    {
      name: 'the budget missing',
      edits: { D3: null, D4: null, D5: null },
      cells: ['H3'],
      expect: { severity: 'info', expected: null, actual: null, fix: null },
      messages: ['执行率得分无法复算：该行预算数或执行数为空。'],
    },
    {
      name: 'the budget 0',
      edits: { D3: 0, D4: 0, D5: 0 },
      cells: ['H3'],
      messages: ['执行率得分无法复算：预算数为 0，执行率不适用。'],
    },
  ],
});
