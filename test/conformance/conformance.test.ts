import { readFileSync } from 'fs';
import { strFromU8, unzipSync } from 'fflate';
import { mainPartOf, UnreadableDocx } from '../../src/adapters/docx/document';
import { openDocx } from '../helpers/docx';
import {
  ALLOW_LIST,
  bytesOf,
  corpusFiles,
  countTables,
  differences,
  listed,
  readExceljs,
  readLean,
  readSheetJS,
  type AllowList,
} from './compare';

/**
 * Conformance against foreign corpora (test/conformance/LICENSES.md): every worksheet of every
 * workbook as the project's readers read it and as SheetJS does, and every document opened with
 * its tables counted independently. A difference not in allow-list.json fails. `npm test` runs an
 * evenly spread subset; CI=true runs all of it.
 */

const ALL = process.env.CI === 'true';
const allow = JSON.parse(readFileSync(ALLOW_LIST, 'utf8')) as AllowList;

/** Every k-th file, so the subset spans every source; always the allow-listed ones too. */
function subset(files: string[], n: number, listedFiles: string[]): string[] {
  if (ALL || files.length <= n) return files;
  const step = files.length / n;
  const picked = new Set<string>();
  for (let i = 0; i < n; i++) picked.add(files[Math.floor(i * step)]);
  for (const f of listedFiles) if (files.includes(f)) picked.add(f);
  return files.filter((f) => picked.has(f));
}

const workbooks = corpusFiles('xlsx');
const documents = corpusFiles('docx');

describe('the corpus', () => {
  test('holds at least 150 foreign workbooks and 60 documents', () => {
    expect(workbooks.length).toBeGreaterThanOrEqual(150);
    expect(documents.length).toBeGreaterThanOrEqual(60);
  });

  test('every allow-listed file is in the corpus and carries a reason', () => {
    for (const list of [allow.lean, allow.exceljs, allow.docx])
      for (const [file, entry] of Object.entries(list)) {
        expect([file, workbooks.includes(file) || documents.includes(file)]).toEqual([file, true]);
        expect(entry.reason.length).toBeGreaterThan(10);
      }
  });
});

describe('the lean reader reads as SheetJS does, or the allow-list says why not', () => {
  const files = subset(workbooks, 20, Object.keys(allow.lean).slice(0, 4));
  test.each(files)('%s', (file) => {
    const bytes = bytesOf(file);
    const found = differences(readLean(bytes, file), readSheetJS(bytes), true).map(listed);
    expect(found).toEqual(allow.lean[file]?.differences ?? []);
  });
});

describe('the exceljs reader reads as SheetJS does, or the allow-list says why not', () => {
  const files = subset(workbooks, 6, []);
  test.each(files)('%s', async (file) => {
    const bytes = bytesOf(file);
    const found = differences(await readExceljs(bytes, file), readSheetJS(bytes), true).map(listed);
    expect(found).toEqual(allow.exceljs[file]?.differences ?? []);
  });
});

describe('the docx reader opens every document and finds its tables', () => {
  const files = subset(documents, 16, Object.keys(allow.docx).slice(0, 2));
  test.each(files)('%s', (file) => {
    const bytes = bytesOf(file);
    let tables: number | 'refused';
    try {
      tables = openDocx(bytes).tables.length;
    } catch (e) {
      // A document we cannot read says so in a sentence; anything else is a bug.
      expect(e).toBeInstanceOf(UnreadableDocx);
      expect((e as Error).message).toMatch(/[\u4e00-\u9fff]/);
      tables = 'refused';
    }
    let independent: number | 'refused';
    try {
      const files = unzipSync(bytes);
      independent = countTables(strFromU8(files[mainPartOf(files)]));
    } catch {
      independent = 'refused';
    }
    const expected = allow.docx[file]?.tables ?? independent;
    expect(tables).toEqual(expected);
  });
});
