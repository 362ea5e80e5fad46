import { bytesOf, corpusFiles, differences, readExceljs, readSheetJS } from './compare';
(async () => {
  let agree = 0, files = 0;
  for (const f of corpusFiles('xlsx')) {
    files++;
    const b = bytesOf(f);
    const d = differences(await readExceljs(b, f), readSheetJS(b), true);
    if (d.length === 0) agree++;
    else console.log(f, d.length, d.slice(0, 3).join(' | ').slice(0, 300));
  }
  console.log('files', files, 'agree', agree);
})();
