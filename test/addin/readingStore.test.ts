import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeCustomXmlPart } from '../../src/adapters/xlsx/customXml';
import { readXlsx } from '../../src/adapters/xlsx/readXlsx';
import { addExplanation, loadExplanations } from '../../src/addin/host/customXml';
import { forgetReading, storedReadings, storeReading } from '../../src/addin/host/readingStore';
import { checkWorkbook, correctReading } from '../../src/engine';
import { EXPLANATIONS_NAMESPACE } from '../../src/engine/explain/types';
import { fakeXmlRun, type FakeXmlBook } from '../fakes/fakeCustomXml';
import { runCli } from '../helpers/cli';

/**
 * A reading corrected in the pane is stored in the workbook's selfeval part (issue 18 item 5):
 * the CLI reads the sheet so, the explanations in the same part are kept, and one reading per
 * sheet is stored.
 */
jest.setTimeout(60_000);
const SEED = path.join(__dirname, '..', 'fixtures', 'yuelu-2022.xlsx');

test('pane → CLI: the stored correction is the reading the CLI takes; explanations survive', async () => {
  const bytes = await fs.readFile(SEED);
  const sheets = readXlsx(bytes, 'x.xlsx', { maxUnzippedBytes: 1e8, unzippedSentence: () => '' });
  const [result] = checkWorkbook(sheets);
  const book: FakeXmlBook = { parts: [], syncs: 0 };
  const run = fakeXmlRun(book);
  const warning = result.findings.find((f) => f.rule === 'funds.blank-total');
  if (!warning?.key) throw new Error('no warning');
  await addExplanation(run, {
    ...warning.key,
    text: '合计栏按模板留空',
    by: null,
    at: 't',
    cell: null,
  });

  const first = correctReading(result.reading!, result.sheet!, { kind: 'totalRow', row: 33 });
  const second = correctReading(result.reading!, result.sheet!, {
    kind: 'column',
    part: 'indicators',
    column: 'I',
    role: null,
  });
  if ('error' in first || 'error' in second) throw new Error('refused');
  await storeReading(run, first.layout);
  await storeReading(run, second.layout); // the same sheet: replaces the first
  expect(await storedReadings(run)).toEqual([second.layout]);
  expect(book.parts).toHaveLength(1);
  expect((await loadExplanations(run)).explanations).toHaveLength(1);

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-reading-store-'));
  const file = path.join(dir, 'stored.xlsx');
  await fs.writeFile(file, writeCustomXmlPart(bytes, EXPLANATIONS_NAMESPACE, book.parts[0].xml));
  const r = await runCli(['check', file, '--json']);
  const [entry] = JSON.parse(r.stdout) as {
    reading: { source: string; totalRow: number };
    findings: { rule: string; explanation: { text: string } | null }[];
  }[];
  expect(entry.reading.source).toBe('corrected');
  expect(entry.reading.totalRow).toBe(34);
  expect(entry.findings.map((f) => f.rule)).not.toContain('indicator.reason-missing');
  expect(entry.findings.find((f) => f.rule === 'funds.blank-total')?.explanation?.text).toBe(
    '合计栏按模板留空',
  );
  await fs.rm(dir, { recursive: true, force: true });

  await forgetReading(run, result.sheet!);
  expect(await storedReadings(run)).toEqual([]);
});
