import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readCustomXmlPart, writeCustomXmlPart } from '../../src/adapters/xlsx/customXml';
import { readXlsx } from '../../src/adapters/xlsx/readXlsx';
import {
  addExplanation,
  loadExplanations,
  readExplanationXml,
  storeProfileChoice,
} from '../../src/addin/host/customXml';
import { checkWorkbook } from '../../src/engine/check';
import { explainResults } from '../../src/engine/explain/apply';
import { EXPLANATIONS_NAMESPACE } from '../../src/engine/explain/types';
import { fakeXmlRun, type FakeXmlBook } from '../fakes/fakeCustomXml';
import { runCli } from '../helpers/cli';
import { departmentForm } from '../helpers/forms';
import { setCell } from '../helpers/grid';
import { buildWorkbook } from '../helpers/workbook';

/**
 * Issue 22: the add-in and the CLI read each other's 审核说明. The add-in's module writes through
 * the customXmlParts fake, its XML goes into the .xlsx package with the CLI's module, the CLI
 * reads it; and the other way round.
 */
let tmp: string;
let bytes: Buffer;
const SHEET = '部门整体支出绩效自评表';

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-roundtrip-'));
  // One warning only: 其他资金 27 spent of 25.
  const rows = departmentForm();
  setCell(rows, 'E5', 27);
  setCell(rows, 'F5', '108.00%');
  setCell(rows, 'E4', 463.1);
  setCell(rows, 'F4', '96.43%');
  bytes = await buildWorkbook([{ name: SHEET, rows }]);
});
afterAll(async () => fs.rm(tmp, { recursive: true, force: true }));

const sheetsOf = (b: Buffer) =>
  readXlsx(b, 'x.xlsx', { maxUnzippedBytes: 1e8, unzippedSentence: () => '' });

interface Entry {
  findings: {
    rule: string;
    explanation: { text: string; by: string | null; outdated: boolean } | null;
  }[];
  summary: { verdict: string };
  profile: { id: string; why: string };
}

test('add-in → CLI: what the pane stores, the CLI reads from the package', async () => {
  // The pane checks the sheet (the engine, as the gateway does) and explains the warning.
  const [result] = checkWorkbook(sheetsOf(bytes));
  const warning = result.findings.find((f) => f.severity === 'warning');
  if (!warning?.key) throw new Error('no warning');
  const book: FakeXmlBook = { parts: [], syncs: 0 };
  const run = fakeXmlRun(book);
  await addExplanation(run, {
    ...warning.key,
    text: '经批准追加 2 万元',
    by: '王五（Office 用户）',
    at: '2026-12-03T12:30:00.000Z',
    cell: warning.cells[0],
  });
  await storeProfileChoice(run, 'sichuan-0013zp');
  expect(book.parts).toHaveLength(1);
  const xml = book.parts[0].xml;
  // Into the package with the CLI's module; the CLI checks the file.
  const file = path.join(tmp, 'from-addin.xlsx');
  await fs.writeFile(file, writeCustomXmlPart(bytes, EXPLANATIONS_NAMESPACE, xml));
  const r = await runCli(['check', file, '--json']);
  const [entry] = JSON.parse(r.stdout) as Entry[];
  expect(entry.findings.find((f) => f.rule === warning.rule)?.explanation).toEqual({
    text: '经批准追加 2 万元',
    by: '王五（Office 用户）',
    at: '2026-12-03T12:30:00.000Z',
    outdated: false,
  });
  expect(entry.summary.verdict).toBe('可报送');
  expect(entry.profile).toMatchObject({ id: 'sichuan-0013zp', why: '工作簿中保存的选择' });
});

test('CLI → add-in: what selfeval explain writes, the pane reads through customXmlParts', async () => {
  const input = path.join(tmp, 'plain.xlsx');
  await fs.writeFile(input, bytes);
  const out = path.join(tmp, 'explained');
  const r = await runCli(['explain', input, 'E5', '已报局领导同意', '--out', out, '--by', '赵六']);
  expect(r.code).toBe(0);
  const copy = await fs.readFile(path.join(out, 'plain.xlsx'));
  const xml = readCustomXmlPart(copy, EXPLANATIONS_NAMESPACE);
  if (!xml) throw new Error('no part in the copy');
  // Excel opens the file with the part in workbook.customXmlParts: the fake holds it so.
  const book: FakeXmlBook = { parts: [{ id: '{from-file}', xml }], syncs: 0 };
  const run = fakeXmlRun(book);
  expect(await readExplanationXml(run)).toBe(xml);
  const part = await loadExplanations(run);
  expect(part.explanations).toHaveLength(1);
  expect(part.explanations[0]).toMatchObject({ text: '已报局领导同意', by: '赵六', sheet: SHEET });
  // The pane applies them to its own check: the warning is answered, the form can go.
  const [explained] = explainResults(checkWorkbook(sheetsOf(copy)), part.explanations);
  expect(explained.summary.verdict).toBe('可报送');
  expect(
    explained.findings.find((f) => f.rule === 'funds.over-execution')?.explanation,
  ).toMatchObject({
    text: '已报局领导同意',
    outdated: false,
  });
});

test('the pane stores one part: a second explanation replaces the part, never adds another', async () => {
  const book: FakeXmlBook = {
    parts: [{ id: '{other}', xml: '<x xmlns="urn:someone-else"/>' }],
    syncs: 0,
  };
  const run = fakeXmlRun(book);
  const base = { rule: 'r', sheet: 'S', values: [], by: null, at: 't', cell: null };
  await addExplanation(run, { ...base, labels: ['a'], text: '一' });
  await addExplanation(run, { ...base, labels: ['b'], text: '二' });
  expect(book.parts.map((p) => p.id)).toEqual(['{other}', expect.any(String)]);
  expect((await loadExplanations(run)).explanations.map((e) => e.text)).toEqual(['一', '二']);
});
