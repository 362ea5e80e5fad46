import { groupsWithUnplaced } from '../../assess/funds';
import { readFundsBlock } from '../../locate/funds';
import type { ChoiceGenerator } from './choice';

/**
 * 资金 rows with amounts whose labels say nothing of where they belong: either each is a part of
 * the group it stands in, or it is not placed (and that group's sums are then not checked).
 */
export const unplacedFundRows: ChoiceGenerator = (form) => {
  const funds = form.funds;
  if (!funds || funds.unplaced.length === 0) return null;
  // Only a row that stands inside a group may belong to its sums (one above every group may not).
  const inside = new Set([...groupsWithUnplaced(funds).values()].flat());
  const cells = funds.unplaced.filter((c) => inside.has(c.ref.row));
  if (cells.length === 0) return null;
  const labels = cells.map((c) => `“${String(c.raw ?? '').trim()}”`).join('、');
  const counted = readFundsBlock(
    form.sheet,
    { ...funds.header, columns: funds.columns },
    funds.stopRow,
    inside,
  );
  return {
    kind: 'unplaced-rows',
    base: `${labels}无法归类，所在合计不核对`,
    alternatives: [{ says: `${labels}计入所在的合计`, form: { ...form, funds: counted } }],
  };
};
