/**
 * The names of the roles a column or a 资金 row can take: shared by the lexicon (the words for each
 * role) and the form model (what was read in each role), so neither imports the other.
 */
export type FundsColumnRole =
  'initialBudget' | 'budget' | 'exec' | 'rate' | 'weight' | 'score' | 'reason';

/** What a row of the 整体资金 block is. */
export type FundsRowKind = 'total' | 'source' | 'basic' | 'basicSub' | 'project' | 'component';

export type IndicatorColumnRole =
  | 'level1'
  | 'level2'
  | 'level3'
  | 'target'
  | 'adjustedTarget'
  | 'actual'
  | 'weight'
  | 'score'
  | 'coefficient'
  | 'reason'
  | 'nature'
  | 'unit';
