import { SheetView } from '../../src/engine/grid/sheet';
import { readFundsHeader } from '../../src/engine/locate/funds';
import { statedFundsColumns } from '../../src/engine/locate/headerFormula';
import { snapshot } from '../helpers/grid';

/**
 * locate/headerFormula.ts: a 资金 header that numbers its columns with circled numbers and states
 * their arithmetic (福建 部门整体支出绩效自评表, test/fixtures/real/fujian-ningde-*) is read by
 * that arithmetic: the spending rate's numerator is the executed amount, its denominator the budget.
 */
const LABELS = ['资金结构(万元)', null];

/** 宁德市地震局 2020: ④ (年度拨付金额) is the number the numbering skips. */
const ningde2020 = [
  [
    ...LABELS,
    '年初部门预算安排金额(含历年结余结转)①',
    '年中调整金额②',
    '小计\n③=①+②',
    '年度拨付金额',
    '支出实现率(%)⑤=④/③',
    '本年度结余金额⑥=③-④',
    '资金结余率(%)⑦=⑥/③',
  ],
  ['财政资金小计', null, 130.54, 58.07, 188.61, 188.45, 99.92, 0.16, 0.08],
];

/** 宁德市委党史和地方志研究室 2018: ① and ② are left off the first two columns, ⑤ off the fifth. */
const ningde2018 = [
  [
    ...LABELS,
    '年初部门预算安排金额',
    '历年结余结转',
    '年中调整金额③',
    '小计\n④ = ①+② +③',
    '年度拨付金额',
    '支出实现率(%)\n⑥=⑤/④',
    '本年度结余金额\n⑦=④-⑤',
    '资金结余率\n(%)\n⑧=⑦/④',
  ],
  ['财政资金小计', null, 2537695, 213722.82, 0, 2751417.82, 2546673.98, '93%', 204743.84, '7%'],
];

const view = (rows: unknown[][]) =>
  new SheetView(snapshot(rows as never, { merges: ['A1:B1', 'A2:B2'] }));

describe('circled-number formulas in a 资金 header', () => {
  test('⑤=④/③ makes the 小计 the budget, the skipped ④ the executed amount, and ⑤ the rate', () => {
    expect(statedFundsColumns(view(ningde2020), 0)).toEqual({
      initialBudget: 2,
      budget: 4,
      exec: 5,
      rate: 6,
    });
  });

  test('numbers left off the first columns are counted back from ③', () => {
    expect(statedFundsColumns(view(ningde2018), 0)).toEqual({
      initialBudget: 2,
      budget: 5,
      exec: 6,
      rate: 7,
    });
  });

  test('the words alone would take 年初 for the budget; the formula wins', () => {
    const h = readFundsHeader(view(ningde2018), 0);
    expect(h?.columns).toMatchObject({ budget: 5, exec: 6, rate: 7, initialBudget: 2 });
    expect(h?.guessed).toEqual([]);
  });

  test('a 结余率 alone, numbers that do not rise, or no ratio at all state nothing', () => {
    const only = ningde2020.map((r) => [...r]);
    only[0][6] = '支出实现率(%)';
    expect(statedFundsColumns(view(only), 0)).toBeNull();
    const falling = ningde2020.map((r) => [...r]);
    falling[0][3] = '年中调整金额⑨';
    expect(statedFundsColumns(view(falling), 0)).toBeNull();
    const none = ningde2020.map((r) =>
      r.map((v) => (typeof v === 'string' ? v.replace(/[①-⑳=+/-]/g, '') : v)),
    );
    expect(statedFundsColumns(view(none), 0)).toBeNull();
  });
});
