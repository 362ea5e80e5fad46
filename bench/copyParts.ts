/**
 * The annotated copy's part-by-part comparison (issue 19 §5): for each workbook given (or every
 * .xlsx/.xlsm in the folders given), the copy's parts that are byte-identical to the input's, the
 * ones rewritten and the ones added; cell values and formulas compared through SheetJS.
 *   npx ts-node --transpile-only bench/copyParts.ts test/fixtures/foreign test/fixtures/foreign/poi
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import * as XLSX from 'xlsx';
import { inflateRawSync } from 'zlib';
import { annotateXlsx } from '../src/adapters/xlsx/patch/annotate';
import { Budget, dataOf, readDirectory } from '../src/adapters/xlsx/zip';
import type { Finding } from '../src/engine/findings/types';

const finding = (cell: string, severity: Finding['severity']): Finding => ({
  rule: 'funds.sum-mismatch',
  severity,
  part: 'funds',
  cells: [cell],
  message: `测试 ${cell}`,
  expected: null,
  actual: null,
  fix: null,
});
function parts(buf: Uint8Array): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [n, e] of readDirectory(buf)) {
    const d = dataOf(buf, e);
    out.set(n, e.method === 0 ? Buffer.from(d) : inflateRawSync(d));
  }
  return out;
}
const files = process.argv.slice(2).flatMap((p) =>
  statSync(p).isDirectory()
    ? readdirSync(p)
        .filter((n) => /\.xls[xm]$/i.test(n))
        .map((n) => path.join(p, n))
    : [p],
);
let identical = 0;
let failedFiles = 0;
for (const file of files) {
  const input = readFileSync(file);
  let wb0: XLSX.WorkBook;
  try {
    wb0 = XLSX.read(input, { type: 'buffer', cellFormula: true });
  } catch {
    continue;
  }
  const sheet = wb0.SheetNames[0];
  const cells = Object.keys(wb0.Sheets[sheet]).filter((k) => !k.startsWith('!'));
  const findings = [
    ...cells.slice(0, 2).map((c) => finding(c, 'error')),
    finding('AB300', 'warning'),
    finding('C3', 'info'),
  ];
  try {
    const out = annotateXlsx(input, [{ sheet, form: null, findings }], new Budget(1e9, () => ''));
    const a = parts(input);
    const b = parts(out.bytes);
    const same = [...a].filter(([n, v]) => b.get(n)?.equals(v)).length;
    const rewritten = [...a.keys()].filter((n) => b.has(n) && !b.get(n)!.equals(a.get(n)!));
    const added = [...b.keys()].filter((n) => !a.has(n));
    const lost = [...a.keys()].filter((n) => !b.has(n));
    const wb1 = XLSX.read(out.bytes, { type: 'buffer', cellFormula: true });
    let valuesSame = true;
    for (const s of wb0.SheetNames)
      for (const k of Object.keys(wb0.Sheets[s]))
        if (
          !k.startsWith('!') &&
          (wb0.Sheets[s][k].v !== wb1.Sheets[s]?.[k]?.v ||
            wb0.Sheets[s][k].f !== wb1.Sheets[s]?.[k]?.f)
        )
          valuesSame = false;
    if (valuesSame && lost.length === 0) identical++;
    else failedFiles++;
    console.log(
      `${path.basename(file)}\t${a.size} parts: ${same} identical, rewritten [${rewritten.join(', ')}], added [${added.join(', ')}]${lost.length ? `, LOST [${lost.join(', ')}]` : ''}; values ${valuesSame ? 'identical' : 'DIFFER'}`,
    );
  } catch (e) {
    failedFiles++;
    console.log(`${path.basename(file)}\tno copy: ${(e as Error).message}`);
  }
}
console.log(
  `\n${identical} copies with every untouched part and value identical; ${failedFiles} not`,
);
