import { ruleMeta } from '../rules';
import { SEVERITY } from './severity';
import type { Finding } from './types';

/**
 * The 校验结果 sheet, one owner for it (issue 24 item 4): the CLI's annotated copy, the Excel
 * add-in's 导出结果 and the WPS host's write the same columns in the same order. The cell the finding
 * names is always the third column (hosts link it).
 */
export const RESULT_HEADER = [
  '严重程度',
  '工作表',
  '单元格',
  '规则',
  '规则名称',
  '说明',
  '应为',
  '实填',
  '建议修正',
  '审核说明',
] as const;

/** Column widths in characters, as the copy and the hosts set them. */
export const RESULT_WIDTHS = [10, 18, 10, 34, 24, 90, 14, 14, 18, 40] as const;

export interface FormFindings {
  sheet: string;
  /** The form's range when its sheet holds several, else null. */
  form: string | null;
  findings: readonly Finding[];
}

/** One row per finding, in the order of RESULT_HEADER, with the sheet its cell is on. */
export function resultRows(forms: readonly FormFindings[]): { sheet: string; values: string[] }[] {
  const rows: { sheet: string; values: string[] }[] = [];
  for (const { sheet, form, findings } of forms) {
    const where = form ? `${sheet} ${form}` : sheet;
    for (const f of findings)
      rows.push({
        sheet,
        values: [
          SEVERITY[f.severity].name,
          where,
          f.cells[0] ?? '',
          f.rule,
          ruleMeta(f.rule)?.title ?? '',
          f.message,
          f.expected ?? '',
          f.actual ?? '',
          f.fix ? `${f.fix.cell} = ${f.fix.value}` : '',
          // RULES §7.1: the workbook's explanation of the finding (已过期: made on other values).
          f.explanation ? `${f.explanation.text}${f.explanation.outdated ? '（已过期）' : ''}` : '',
        ],
      });
  }
  return rows;
}
