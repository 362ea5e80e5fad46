import { spawnSync } from 'child_process';
import { promises as fs, readdirSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURES, spawnCli } from '../helpers/cli';
import { buildReal, readSpec, specNames } from './buildReal';

/**
 * The Word fixtures under test/fixtures/docx: every NAME.docx with a NAME.expected.json is checked by
 * the built CLI and scored by the script acceptance uses (test/fixtures/score-findings.js) — every
 * expected cell found, no false alarm, the right exit code — and its report.* findings must be
 * exactly the expected `report` entries (rule, cell, paragraph, both values). The transcribed
 * ones (src/NAME.json) must be what test/docx/buildReal.ts makes of them.
 */
const DOCX = path.join(FIXTURES, 'docx');

interface ReportEntry {
  rule: string;
  cell: string;
  paragraph: number;
  expected: string;
  actual: string;
}
interface Finding {
  rule: string;
  severity: string;
  cells: string[];
  message: string;
  expected?: string | null;
  actual?: string | null;
}

const scored = readdirSync(DOCX)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace(/\.expected\.json$/, ''))
  .sort();

test('the seed and at least three published Word documents are scored', async () => {
  expect(scored).toContain('yuelu-2022');
  const names = await specNames();
  expect(names.length).toBeGreaterThanOrEqual(3);
  for (const n of names) expect(scored).toContain(n);
});

test('at least three of them are filled forms, read from their Word tables and checked', () => {
  const forms = scored.filter((n) => n.startsWith('word-'));
  expect(forms.length).toBeGreaterThanOrEqual(3);
  for (const n of forms) {
    const [entry] = JSON.parse(
      spawnCli(['check', path.join(DOCX, `${n}.docx`), '--json']).stdout,
    ) as { status: string; sheet: string }[];
    expect([n, entry.status, entry.sheet]).toEqual([n, 'checked', '表1']);
  }
});

describe('Word fixtures scored as acceptance scores them', () => {
  test.each(scored)(
    '%s: every expected cell found, no false alarm, right exit code, report findings as derived',
    async (name) => {
      const docx = path.join(DOCX, `${name}.docx`);
      const expectedPath = path.join(DOCX, `${name}.expected.json`);
      const want = JSON.parse(await fs.readFile(expectedPath, 'utf8')) as {
        sheet?: string;
        allow?: string[];
        report?: ReportEntry[];
      };
      const r = spawnCli(['check', docx, '--json']);
      const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-docx-'));
      const reportFile = path.join(tmp, 'report.json');
      await fs.writeFile(reportFile, r.stdout);
      // The report.* cells are scored exactly below; the form's cells by the acceptance script.
      const forScript = path.join(tmp, 'expected.json');
      const reportCells = (want.report ?? []).map((e) => e.cell);
      await fs.writeFile(
        forScript,
        JSON.stringify({ ...want, allow: [...(want.allow ?? []), ...reportCells] }),
      );
      const score = spawnSync(
        process.execPath,
        [path.join(FIXTURES, 'score-findings.js'), reportFile, forScript, String(r.code)],
        { encoding: 'utf8' },
      );
      expect(score.stdout.trim()).toMatch(/^found (\d+)\/\1; false alarms 0; exit \d$/);
      expect(score.status).toBe(0);

      const entries = JSON.parse(r.stdout) as { sheet: string | null; findings: Finding[] }[];
      const entry = want.sheet ? entries.find((e) => e.sheet === want.sheet) : entries[0];
      expect(entry).toBeDefined();
      const got = entry!.findings
        .filter((f) => f.rule.startsWith('report.'))
        .map((f) => ({
          rule: f.rule,
          cell: f.cells[0],
          paragraph: Number(/第 (\d+) 段/.exec(f.message)?.[1]),
          expected: f.expected,
          actual: f.actual,
        }));
      expect(got).toEqual(want.report ?? []);
    },
  );
});

describe('published Word documents are rebuilt from their transcriptions', () => {
  test('every transcription names its source and has its document and an expected file', async () => {
    for (const name of await specNames()) {
      const spec = await readSpec(name);
      expect(spec.source).toMatch(/\S/);
      expect(spec.province).toMatch(/\S/);
      expect(spec.note).toMatch(/\S/);
      expect(spec.blocks.length).toBeGreaterThan(0);
      await fs.access(path.join(DOCX, `${name}.docx`));
      await fs.access(path.join(DOCX, `${name}.expected.json`));
    }
  });

  test('the committed .docx files are byte for byte what the builder makes', async () => {
    for (const name of await specNames()) {
      const committed = await fs.readFile(path.join(DOCX, `${name}.docx`));
      expect(Buffer.from(await buildReal(name)).equals(committed)).toBe(true);
    }
  });
});
