import { bytesOf, corpusFiles, differences, readLean, readSheetJS } from '/work/wt/reader/test/conformance/compare';
let agree = 0, files = 0;
for (const f of corpusFiles('xlsx')) {
  files++;
  const b = bytesOf(f);
  const t = Date.now();
  const d = differences(readLean(b, f), readSheetJS(b), true);
  if (d.length === 0) agree++;
  else console.log(f, d.length, d.slice(0, 4).join(' | ').slice(0, 400));
}
console.log('files', files, 'agree', agree);
