import { readXlsx } from '/work/wt/reader/src/adapters/xlsx/readXlsx';
import { readFileSync } from 'fs';
const s = readXlsx(readFileSync(process.argv[2]), 'x', { maxUnzippedBytes: 1e9, unzippedSentence: () => '' });
console.log(JSON.stringify(s.map(x => ({ n: x.sheetName, v: x.values.slice(0, 6), f: x.numberFormats?.slice(0, 6) }))).slice(0, 1500));
