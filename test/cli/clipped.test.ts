import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadWorkbook } from '../../src/adapters/exceljs/readWorkbook';
import { readXlsx } from '../../src/adapters/xlsx/readXlsx';
import { projectForm } from '../helpers/forms';
import { spawnCli } from '../helpers/cli';

/**
 * Both readers keep the first 100,000 rows and 256 columns; a sheet with content past them is
 * not read whole, and its result must say so instead of reporting as if it were.
 */
async function formWith(extra: { row: number; col: number } | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目');
  projectForm().forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null && v !== undefined) ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue;
    }),
  );
  if (extra) ws.getCell(extra.row, extra.col).value = '备注：另见附表';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const OPTIONS = { maxUnzippedBytes: 1 << 30, unzippedSentence: () => 'too big' };

test.each([
  ['a cell in row 100,001', { row: 100_001, col: 1 }],
  ['a cell in column 257', { row: 5, col: 257 }],
])(
  '%s: both readers mark the sheet clipped, and the result says what was not read',
  async (_n, at) => {
    const bytes = await formWith(at);
    const viaExceljs = (await loadWorkbook(bytes, 'x.xlsx')).sheets;
    const lean = readXlsx(bytes, 'x.xlsx', OPTIONS);
    expect(viaExceljs[0].clipped).toBe(true);
    expect(lean[0].clipped).toBe(true);

    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-clipped-'));
    const file = path.join(dir, '项目.xlsx');
    await fs.writeFile(file, bytes);
    const [entry] = JSON.parse(spawnCli(['check', file, '--json']).stdout) as {
      status: string;
      message: string | null;
    }[];
    expect(entry.status).toBe('checked');
    expect(spawnCli(['check', file]).stdout).toContain(
      '说明：工作表“项目”在第 100,000 行或第 256 列之外还有内容',
    );
    expect(entry.message).toBe(
      '工作表“项目”在第 100,000 行或第 256 列之外还有内容，只读了前 100,000 行、前 256 列，其外的单元格没有校验。',
    );
  },
);

test('a sheet within the limits is not marked, and its result carries no such sentence', async () => {
  const bytes = await formWith(null);
  expect((await loadWorkbook(bytes, 'x.xlsx')).sheets[0].clipped).toBeUndefined();
  expect(readXlsx(bytes, 'x.xlsx', OPTIONS)[0].clipped).toBeUndefined();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-clipped-'));
  const file = path.join(dir, '项目.xlsx');
  await fs.writeFile(file, bytes);
  const [entry] = JSON.parse(spawnCli(['check', file, '--json']).stdout) as {
    message: string | null;
  }[];
  expect(entry.message).toBeNull();
});
