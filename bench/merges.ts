import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * The workbook with `count` two-cell merged areas added to its first sheet (J1:K1, J2:K2, … in
 * the columns right of the form), and a number at the last of them so the grid reaches them
 * all: what 50,000 merges cost the reader and the engine.
 */
export async function withMerges(bytes: Buffer, count: number): Promise<Buffer> {
  const files = unzipSync(new Uint8Array(bytes));
  const name = Object.keys(files).find((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
  if (!name) throw new Error('no sheet in the workbook');
  let xml = strFromU8(files[name]);
  const merges = Array.from({ length: count }, (_, i) => `<mergeCell ref="J${i + 1}:K${i + 1}"/>`);
  const last = `<row r="${count}"><c r="J${count}"><v>1</v></c></row>`;
  xml = xml
    .replace(/<mergeCells[^>]*>[\s\S]*?<\/mergeCells>/, '')
    .replace(
      '</sheetData>',
      `${last}</sheetData><mergeCells count="${count}">${merges.join('')}</mergeCells>`,
    );
  files[name] = strToU8(xml);
  return Buffer.from(zipSync(files));
}
