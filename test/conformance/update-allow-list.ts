/**
 * Rewrites allow-list.json from a full run (ts-node test/conformance/update-allow-list.ts),
 * keeping the reasons already written; a new entry's reason is "TODO", which the test rejects
 * until someone writes why the project's reading is right.
 */
import { readFileSync, writeFileSync, existsSync } from 'fs';
import { strFromU8, unzipSync } from 'fflate';
import { mainPartOf } from '../../src/adapters/docx/document';
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

async function main(): Promise<void> {
  const old: AllowList = existsSync(ALLOW_LIST)
    ? (JSON.parse(readFileSync(ALLOW_LIST, 'utf8')) as AllowList)
    : { normalisations: [], lean: {}, exceljs: {}, docx: {} };
  const next: AllowList = { normalisations: old.normalisations, lean: {}, exceljs: {}, docx: {} };
  const only = process.argv[2];
  let agreeLean = 0;
  let agreeExceljs = 0;
  const workbooks = corpusFiles('xlsx');
  for (const f of workbooks) {
    const b = bytesOf(f);
    const theirs = readSheetJS(b);
    const lean = differences(readLean(b, f), theirs, true).map(listed);
    if (lean.length) next.lean[f] = { reason: old.lean[f]?.reason ?? 'TODO', differences: lean };
    else agreeLean++;
    if (only === 'lean') continue;
    const ex = differences(await readExceljs(b, f), theirs, true).map(listed);
    if (ex.length) next.exceljs[f] = { reason: old.exceljs[f]?.reason ?? 'TODO', differences: ex };
    else agreeExceljs++;
  }
  if (only === 'lean') next.exceljs = old.exceljs;
  let agreeDocx = 0;
  const documents = corpusFiles('docx');
  for (const f of documents) {
    const b = bytesOf(f);
    let tables: number | 'refused';
    try {
      tables = openDocx(b).tables.length;
    } catch {
      tables = 'refused';
    }
    let independent: number | 'refused';
    try {
      const files = unzipSync(b);
      independent = countTables(strFromU8(files[mainPartOf(files)]));
    } catch {
      independent = 'refused';
    }
    if (tables !== independent) next.docx[f] = { reason: old.docx[f]?.reason ?? 'TODO', tables };
    else agreeDocx++;
  }
  writeFileSync(ALLOW_LIST, JSON.stringify(next, null, 2) + '\n');
  console.log(
    `workbooks ${workbooks.length}: lean agrees on ${agreeLean}, exceljs on ${agreeExceljs}; documents ${documents.length}: tables agree on ${agreeDocx}`,
  );
}

void main();
