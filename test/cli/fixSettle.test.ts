import { spawnSync } from 'child_process';
import * as path from 'path';
import { FIXTURES, ROOT } from '../helpers/cli';

/**
 * The shared acceptance tool (test/fixtures/fix-settle.js, copied from shared/tools): it writes
 * every fix the built CLI's JSON offers into a copy of the workbook with exceljs and checks the
 * copy again. The seed needs a blank 合计 filled and then the rate it makes computable: both must
 * be in the one plan. `npm test` builds the CLI first.
 */
test('fix-settle: the seed settles after one 全部修正', () => {
  const r = spawnSync(
    process.execPath,
    [path.join(FIXTURES, 'fix-settle.js'), '.', path.join('test/fixtures', 'yuelu-2022.xlsx')],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
      timeout: 60_000,
    },
  );
  expect(r.stdout.trim()).toMatch(
    /^yuelu-2022\.xlsx: 6 fixes applied; after: 0 new errors, 0 fixes offered$/,
  );
  expect(r.status).toBe(0);
}, 90_000);
