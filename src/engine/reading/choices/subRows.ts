import type { FormModel, IndicatorRow, LabelledBlock } from '../../model/form';
import { labelWeight } from '../../locate/labels';
import type { ChoiceGenerator } from './choice';

const PARENT = /^[一二三四五六七八九十]+[、.．]/;
const CHILD = /^(?:\d+[、.．]|\(\d+\))/;

/** The numbered text of a row: its name, or the level above when the name is empty. */
function numbered(row: IndicatorRow): string {
  return [row.name, row.level2, row.level1].find((t) => t !== '') ?? '';
}

/**
 * Numbered parents (一、 二、) whose children (1、 2、) restate them (the Hubei 2020 template in
 * Yunnan 隆阳): count one level, never both (RULES §1.1). The readings: children only, each parent
 * then the block its children must fill; parents only; or both, as the rows are written.
 */
export const restatingSubRows: ChoiceGenerator = (form) => {
  const block = form.indicators;
  if (!block) return null;
  const parents = new Map<IndicatorRow, IndicatorRow[]>();
  let parent: IndicatorRow | null = null;
  for (const row of block.rows) {
    const t = numbered(row);
    if (PARENT.test(t)) {
      parent = row;
      parents.set(row, []);
    } else if (parent && CHILD.test(t)) parents.get(parent)?.push(row);
  }
  const families = [...parents].filter(([, children]) => children.length > 0);
  if (families.length === 0) return null;
  const parentOf = new Map<IndicatorRow, IndicatorRow>();
  for (const [p, children] of families) for (const c of children) parentOf.set(c, p);
  const nameCol = block.columns.level3 ?? block.columns.level2 ?? block.columns.level1 ?? 0;
  const asBlock = (p: IndicatorRow): LabelledBlock | null => {
    const weight =
      p.cells.weight?.parsed.kind === 'value'
        ? p.cells.weight.parsed.value.toString()
        : labelWeight(numbered(p));
    return weight === null
      ? null
      : { cell: { row: p.row, col: nameCol }, label: numbered(p), weight };
  };
  const childrenOnly: FormModel = {
    ...form,
    indicators: {
      ...block,
      rows: block.rows
        .filter((r) => !parents.has(r) || (parents.get(r)?.length ?? 0) === 0)
        .map((r) => {
          const p = parentOf.get(r);
          const b = p ? asBlock(p) : null;
          return b ? { ...r, blocks: [...r.blocks, b] } : r;
        }),
    },
  };
  const parentsOnly: FormModel = {
    ...form,
    indicators: { ...block, rows: block.rows.filter((r) => !parentOf.has(r)) },
  };
  return {
    kind: 'sub-rows',
    base: '编号的上级行（一、二、…）和下级行（1、2、…）都计',
    alternatives: [
      { says: '只计下级行（1、2、…），上级行（一、二、…）是其合计', form: childrenOnly },
      { says: '只计上级行（一、二、…），下级行是其细目', form: parentsOnly },
    ],
  };
};
