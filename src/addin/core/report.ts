/**
 * 核对自评报告 in the pane: the picked .docx read from its bytes (nothing leaves the browser), and
 * its narrative cross-checked against the workbook's form with the engine's functions
 * (docs/rules.md#r-6), as the CLI's --report does. Pure: no Office, no DOM, no Node.
 */
import { unzipSync, type Unzipped } from 'fflate';
import { openUnzipped, UnreadableDocx } from '../../adapters/docx/document';
import { locateForms } from '../../engine/locate/locateForm';
import type { FormModel } from '../../engine/model/form';
import { NATIONAL_PROFILE, type Profile } from '../../engine/profile/profile';
import { crossCheckReport } from '../../engine/narrative/crossCheck';
import { chooseReportForm, choiceNote } from '../../engine/narrative/pickForm';
import type { FormOutcome, ReportInput, ReportOutcome } from './gateway';

/** A report bigger than this is not a report (photos are skipped anyway; this bounds the read). */
export const MAX_REPORT_BYTES = 30 * 1024 * 1024;
/** The XML parts read are unzipped up to this size each: a zip bomb stops here. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

export type ReadReport = { kind: 'ok'; report: ReportInput } | { kind: 'error'; message: string };

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b;

/**
 * The narrative of a .docx as the engine reads it (readDocx's paragraphs outside tables). A file
 * that is not a zip, not a Word document or has no narrative gets one sentence, never a throw.
 */
export function readReport(name: string, bytes: Uint8Array): ReadReport {
  const fail = (message: string): ReadReport => ({ kind: 'error', message });
  if (bytes.length > MAX_REPORT_BYTES)
    return fail(`“${name}”超过 30 MB，不像自评报告：请删去其中的图片后另存为 .docx 再选。`);
  if (!isZip(bytes))
    return fail(
      /\.doc$/i.test(name)
        ? `“${name}”是旧版 .doc 文件，加载项只能读取 .docx：请在 Word 中另存为 .docx 后再选。`
        : `“${name}”不是 Word 文档（.docx），无法核对：请选择自评报告的 .docx 文件。`,
    );
  let files: Unzipped;
  let tooBig = false;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!/\.(xml|rels)$/i.test(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES) tooBig = true;
        return !tooBig;
      },
    });
  } catch {
    return fail(`“${name}”已损坏，无法解压：请在 Word 中打开并另存为 .docx 后再选。`);
  }
  if (tooBig) return fail(`“${name}”的正文大得异常，加载项没有读取它。`);
  let paragraphs: { index: number; text: string }[];
  let hasForm = false;
  try {
    const d = openUnzipped(files);
    paragraphs = d.paragraphs.map(({ index, text }) => ({ index, text }));
    hasForm = d.tables.length > 0 && locateForms(d.tables.map((t) => t.sheet)).found;
  } catch (e) {
    return fail(
      e instanceof UnreadableDocx && /找不到正文部分/.test(e.message)
        ? `“${name}”不是 Word 文档：其中找不到正文，请选择自评报告的 .docx 文件。`
        : `“${name}”的正文无法读取（文件可能已损坏）：请在 Word 中打开并另存为 .docx 后再选。`,
    );
  }
  if (paragraphs.length === 0)
    return fail(`“${name}”中没有表格以外的文字段落，找不到自评报告的正文，无法核对。`);
  return { kind: 'ok', report: { name, paragraphs, hasForm } };
}

/**
 * The report's findings joined to the form it speaks of (chooseReportForm, as in the CLI: the
 * form its title names, else the 部门整体 form). `models[i]` is the located form of `forms[i]`. The findings
 * join that form's list as warnings, so they are marked, exported and counted like any other.
 */
export function withReport(
  forms: FormOutcome[],
  models: FormModel[],
  report: ReportInput,
  profile: Profile = NATIONAL_PROFILE,
): { forms: FormOutcome[]; report: ReportOutcome } {
  const notes: string[] = [];
  if (report.hasForm)
    notes.push(
      `“${report.name}”中也有自评表：只用了它表格以外的文字（自评报告）与工作簿中的自评表核对，文档中的表格没有校验。`,
    );
  const choice = chooseReportForm(
    models.map((form, i) => ({ form, i })),
    report.paragraphs,
    report.pick,
  );
  const note = choiceNote(choice, '工作簿中');
  if (note) notes.push(note);
  const target = choice?.target ?? null;
  if (!target) {
    return { forms, report: { name: report.name, sheet: null, form: null, findings: [], notes } };
  }
  const findings = crossCheckReport(target.form, report.paragraphs, profile);
  const f = forms[target.i];
  const joined = forms.map((x, i) =>
    i === target.i && findings.length
      ? {
          ...x,
          findings: [...x.findings, ...findings],
          summary: { ...x.summary, warnings: x.summary.warnings + findings.length },
        }
      : x,
  );
  return {
    forms: joined,
    report: { name: report.name, sheet: f.sheet, form: f.form, findings, notes },
  };
}
