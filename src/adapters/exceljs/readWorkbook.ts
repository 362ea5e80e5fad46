import ExcelJS from 'exceljs';
import type { GridSnapshot } from '../../engine/grid/types';
import { snapshotOf } from './snapshot';

/** A file we cannot read, with the sentence a finance officer should see. */
export class UnreadableWorkbook extends Error {}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  sheets: GridSnapshot[];
}

/** Parses workbook bytes; `name` only shapes the messages (an .xls name gets the .xls sentence). */
export async function loadWorkbook(buffer: Buffer, name = ''): Promise<LoadedWorkbook> {
  const path = name;
  if (buffer.length === 0) throw new UnreadableWorkbook('文件是空的（0 字节）。');
  if (buffer.subarray(0, 4).equals(OLE)) {
    throw new UnreadableWorkbook(
      /\.xls$/i.test(path)
        ? '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再校验。'
        : '文件已加密（设有打开密码）或是旧版 .xls 格式，请取消密码并另存为 .xlsx 后再校验。',
    );
  }
  if (!buffer.subarray(0, 4).equals(ZIP))
    throw new UnreadableWorkbook('文件不是 .xlsx 工作簿（内容不是 Excel 格式）。');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableWorkbook(
      '文件已损坏或不是有效的 .xlsx 工作簿，Excel 能打开的话请另存一份再试。',
    );
  }
  const sheets: GridSnapshot[] = [];
  workbook.eachSheet((ws) => {
    // Chart sheets and hidden helper sheets still get looked at; the locator decides.
    sheets.push(snapshotOf(ws));
  });
  if (sheets.length === 0) throw new UnreadableWorkbook('工作簿中没有工作表。');
  return { workbook, sheets };
}
