import * as path from 'path';

/** A form workbook and the report document that goes with it. */
export interface ReportPair {
  form: string;
  report: string;
}

const FORM_EXT = /\.(xlsx|xls)$/i;
const REPORT_EXT = /\.(docx|doc)$/i;

/** The stem two files share: X自评表.xlsx and X自评报告.docx → X; X.xlsx and X.docx → X. */
function stem(file: string, words: RegExp): string {
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  return path.join(path.dirname(file), base.replace(words, '').trim());
}

const FORM_WORDS = /(?:绩效)?自评表$/;
const REPORT_WORDS = /(?:绩效)?自评报告$/;

/**
 * Pairs each workbook with the Word document of the same stem in the same folder: `X.xlsx` with
 * `X.docx`, and `X自评表.xlsx` with `X自评报告.docx` (绩效 may stand before either word). A document
 * that pairs with a workbook is its report; the rest of the files stay on their own.
 */
export function pairReports(files: string[]): { pairs: ReportPair[]; single: string[] } {
  const forms = files.filter((f) => FORM_EXT.test(f));
  const reports = files.filter((f) => REPORT_EXT.test(f));
  const pairs: ReportPair[] = [];
  const used = new Set<string>();
  for (const form of forms) {
    const exact = path.join(path.dirname(form), path.basename(form).replace(/\.[^.]+$/, ''));
    const byWords = stem(form, FORM_WORDS);
    const report =
      reports.find(
        (r) =>
          !used.has(r) &&
          path.join(path.dirname(r), path.basename(r).replace(/\.[^.]+$/, '')) === exact,
      ) ??
      reports.find(
        (r) =>
          !used.has(r) &&
          FORM_WORDS.test(path.basename(form).replace(/\.[^.]+$/, '')) &&
          REPORT_WORDS.test(path.basename(r).replace(/\.[^.]+$/, '')) &&
          stem(r, REPORT_WORDS) === byWords,
      );
    if (report) {
      pairs.push({ form, report });
      used.add(report);
      used.add(form);
    }
  }
  return { pairs, single: files.filter((f) => !used.has(f)) };
}

/** The pairing as lines for the text report: "X自评表.xlsx ↔ X自评报告.docx". */
export function describePairs(pairs: ReportPair[]): string[] {
  return pairs.map(
    (p) => `${path.basename(p.form)} ↔ ${path.basename(p.report)}（自评表与自评报告，已配对核对）`,
  );
}
