import { readFileSync } from 'fs';
import { codeOnly as code, sourceFiles as files } from '../helpers/sources';
import * as path from 'path';

/**
 * Data flows one way: grid → locate → model → assess → rules → findings. assess/ and rules/
 * judge the typed cells the locator read (model/) with the parsers of values/: they never go
 * back to the sheet, so a cell is read once and every check sees the same reading.
 */
const ENGINE = path.resolve(__dirname, '../../src/engine');
const JUDGES = ['assess', 'rules'];
/** Where assess/ and rules/ may import from, besides each other. */
const ALLOWED = new Set(['assess', 'rules', 'model', 'values', 'profile', 'findings']);
/**
 * The report.* rules read the 自评报告 as narrative/ reads it (its sentences, the numbers they
 * state, the form's facts); the registry names their type. No other rule does.
 */
const READS_NARRATIVE = /^rules[\\/](?:report[\\/]|index\.ts$)/;

/** The engine folders a source file imports from, resolved from its own place. */
function importedFolders(file: string, text: string): string[] {
  return [...text.matchAll(/from '(\.[^']+)'/g)].map((m) => {
    const target = path.relative(ENGINE, path.resolve(path.dirname(file), m[1]));
    return target.split(path.sep)[0];
  });
}

/** What breaks the layering in one file: imports of other layers, reads of the sheet. */
function violations(file: string, text: string): string[] {
  const narrative = READS_NARRATIVE.test(path.relative(ENGINE, file));
  const out = importedFolders(file, text)
    .filter((folder) => !ALLOWED.has(folder) && !(narrative && folder === 'narrative'))
    .map((folder) => `imports ${folder}/`);
  if (/\bsheet\s*\.|\.sheet\b|\bSheetView\b/.test(code(text))) out.push('reads the sheet');
  return out;
}

const sources = JUDGES.flatMap((dir) => files(path.join(ENGINE, dir))).map((file) => ({
  file: path.relative(ENGINE, file),
  full: file,
  text: readFileSync(file, 'utf8'),
}));

test('assess/ and rules/ have source files to check', () => {
  expect(sources.filter((s) => s.file.startsWith('assess')).length).toBeGreaterThan(4);
  expect(sources.filter((s) => s.file.startsWith('rules')).length).toBeGreaterThan(30);
});

test.each(sources.map((s) => [s.file, s.full, s.text]))(
  '%s reads the model, never the grid or the locator',
  (_file, full, text) => {
    expect(violations(full, text)).toEqual([]);
  },
);

test('the check catches a grid import, a locator import and a sheet read', () => {
  const file = path.join(ENGINE, 'rules/funds/example.ts');
  expect(violations(file, "import type { SheetView } from '../../grid/sheet';")).toEqual([
    'imports grid/',
    'reads the sheet',
  ]);
  expect(violations(file, "import { level1Key } from '../../locate/labels';")).toEqual([
    'imports locate/',
  ]);
  expect(violations(file, 'const raw = form.sheet.cell(1, 2).raw;')).toEqual(['reads the sheet']);
  expect(violations(file, "import type { AmountCell } from '../../model/cells';")).toEqual([]);
  // Only the report.* rules read the narrative.
  expect(violations(file, "import { mentions } from '../../narrative/mentions';")).toEqual([
    'imports narrative/',
  ]);
  const report = path.join(ENGINE, 'rules/report/example.ts');
  expect(violations(report, "import { mentions } from '../../narrative/mentions';")).toEqual([]);
  // A comment or a message that mentions the sheet is not a read of it.
  expect(violations(file, "// form.sheet.cell is gone\nconst m = '见 sheet.cell';")).toEqual([]);
});
