import { readFileSync } from 'fs';
import * as path from 'path';
import { readXlsx } from '../../src/adapters/xlsx/readXlsx';
import { checkWorkbook } from '../../src/engine/check';

/**
 * A form with no 得分 column anywhere (a transfer payment's 全年预算数 | 全年执行数 and 指标值 |
 * 全年实际完成值; 湖南's 绩效目标自评表) states no total and none is recomputed: the result says
 * so (null, "—"), not 0.
 */
const REAL = path.resolve(__dirname, '../fixtures/real');
const summaryOf = (name: string) => {
  const file = path.join(REAL, `${name}.xlsx`);
  const sheets = readXlsx(readFileSync(file), file, {
    maxUnzippedBytes: 1e9,
    unzippedSentence: () => '',
  });
  const [r] = checkWorkbook(sheets);
  expect(r.status).toBe('checked');
  return r.summary;
};

describe('forms without scores', () => {
  test.each([
    'anhui-huainan-tianjiaan-2024-employment-subsidy',
    'hunan-hengshan-2020-grain-reserve-target-only',
  ])('%s: no stated and no recomputed total', (name) => {
    const s = summaryOf(name);
    expect(s.statedTotal).toBeNull();
    expect(s.recomputedTotal).toBeNull();
  });

  test('a form with scores and no 总分 row still states the sum of its scores', () => {
    expect(summaryOf('anhui-jinzhai-2023-beautiful-village-department').statedTotal).toBe('60');
  });
});
