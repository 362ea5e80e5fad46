import { syntheticForm } from '../../bench/synthetic';
import { alarmKeys, checkRows } from '../helpers/check';
import { setCell } from '../helpers/grid';

describe('a 2,000-row form (the benchmark input) is read whole and checked', () => {
  test('consistent: every row read, nothing flagged', () => {
    const r = checkRows(syntheticForm(2000));
    expect(r.status).toBe('checked');
    expect(alarmKeys(r)).toEqual([]);
    expect(r.summary.recomputedTotal).toBe('99.7');
  });

  test('a mistake on the last indicator row is found at its address', () => {
    const rows = syntheticForm(2000);
    // row 11 is the header; the 2,000th indicator is on row 2011
    setCell(rows, 'H2011', 0);
    const keys = alarmKeys(checkRows(rows));
    expect(keys).toContain('indicator.score-mismatch@H2011');
  });
});
