import { Package } from '../../src/adapters/xlsx/package';
import { Budget } from '../../src/adapters/xlsx/zip';
import { readFileSync } from 'fs';
const pkg = new Package(readFileSync('test/conformance/corpus/sheetjs/1904__1904.xlsx'), new Budget(1e9, () => ''));
console.log(pkg.relsOf(''));
pkg.parse(pkg.part('xl/workbook.xml'), { open: (t) => console.log(t.name, JSON.stringify(t.attributes).slice(0, 100)) });
