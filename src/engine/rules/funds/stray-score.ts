import { defineRule, type RuleMeta } from '../rule';

export const meta: RuleMeta = {
  id: 'funds.stray-score',
  severity: 'info',
  part: 'funds',
  title: '明细行填写了得分',
  description: '资金行填了得分却没有分值：不计入总分核对。',
  source: 'r-2-5',
  docs: 'docs/rules/funds.stray-score.md',
  messages: {
    main: '该行填写了得分但没有分值：只有计分的行（通常是合计行）填分值和得分，明细行应填“－”或留空；该单元格未计入总分核对。',
  },
  fix: null,
};

/** docs/rules.md#r-2-5: a 得分 on a funds row with no 分值 is not counted. */
export const fundsStrayScore = defineRule(meta, ({ assessment }) =>
  assessment.strayScoreCells.map((cell) => ({ cells: [cell], message: meta.messages.main })),
);
