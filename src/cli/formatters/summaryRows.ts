import type { FileResult } from '../result';

export const SUMMARY_HEADER = [
  '文件',
  '工作表',
  '状态',
  '错误',
  '警告',
  '提示',
  '资金行',
  '指标行',
  '自评总分',
  '复算总分',
  '满分',
  '等级',
  '结论',
  '评分口径',
  '审核说明',
];

const STATUS_NAME = {
  checked: '已校验',
  'not-a-form': '未找到自评表',
  unreadable: '无法读取',
} as const;

/** One row of the summary table (one per form), shared by the text report and the CSV. */
export function summaryRow(r: FileResult): string[] {
  const checked = r.status === 'checked';
  const c = r.summary.coverage;
  return [
    r.file,
    r.sheet ? `${r.sheet}${r.form ? ` ${r.form}` : ''}` : '',
    checked && c.missing.length ? `已校验（缺${c.missing.join('、')}）` : STATUS_NAME[r.status],
    checked ? String(r.summary.errors) : '',
    checked ? String(r.summary.warnings) : '',
    checked ? String(r.summary.infos) : '',
    checked ? String(c.fundRows) : '',
    checked ? String(c.indicatorRows) : '',
    r.summary.statedTotal ?? '',
    r.summary.recomputedTotal ?? '',
    r.summary.fullMarks ?? '',
    r.summary.grade ?? '',
    r.summary.verdict ?? '',
    r.profile?.id ?? '',
    r.findings
      .filter((f) => f.explanation)
      .map(
        (f) =>
          `${f.cells[0] ?? ''} ${f.rule}${f.explanation?.outdated ? '（已过期）' : ''}：${f.explanation?.text}`,
      )
      .join('；'),
  ];
}
