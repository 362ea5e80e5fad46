import { readFileSync } from 'fs';
import { codeOnly as code, sourceFiles as files } from '../helpers/sources';
import * as path from 'path';

/** The engine is pure TypeScript over a grid snapshot: no host libraries, no DOM, no `any`. */
const ENGINE = path.resolve(__dirname, '../../src/engine');

const sources = files(ENGINE).map((file) => ({
  file: path.relative(ENGINE, file),
  text: readFileSync(file, 'utf8'),
}));

test('the engine has source files to check', () => {
  expect(sources.length).toBeGreaterThan(20);
});

test.each(sources.map((s) => [s.file, s.text]))(
  '%s imports no host library and nothing outside the engine but decimal.js',
  (_file, text) => {
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) {
      expect(spec.startsWith('.') || spec === 'decimal.js').toBe(true);
      expect(spec).not.toMatch(/adapters|cli|exceljs|office/i);
    }
    expect(code(text)).not.toMatch(/\bExcel\.|\bOffice\.|\bdocument\.|\bwindow\./);
  },
);

test.each(sources.map((s) => [s.file, s.text]))('%s has no `any`', (_file, text) => {
  expect(code(text)).not.toMatch(/:\s*any\b|<any>|as any\b|any\[\]/);
});
