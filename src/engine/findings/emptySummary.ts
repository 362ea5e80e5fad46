import type { Coverage, Summary } from './types';

/**
 * The summary of a result that has no form: one owner, cheap to import (types only), so that the
 * CLI can say "unreadable" without loading the engine.
 */
const EMPTY_COVERAGE: Coverage = {
  fundRows: 0,
  indicatorRows: 0,
  recomputed: 0,
  unverifiable: 0,
  unplaced: [],
  missing: [],
};

export const EMPTY_SUMMARY: Summary = {
  errors: 0,
  warnings: 0,
  infos: 0,
  statedTotal: null,
  recomputedTotal: null,
  fullMarks: null,
  grade: null,
  verdict: null,
  coverage: EMPTY_COVERAGE,
};
