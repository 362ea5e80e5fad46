import type { FileResult } from '../checkFile';

export const SUMMARY_HEADER = ['文件', '状态', '错误', '警告', '提示', '自评总分', '复算总分', '等级'];

const STATUS_NAME = { checked: '已校验', 'not-a-form': '未找到自评表', unreadable: '无法读取' } as const;

/** One row of the summary table, shared by the text report and the CSV. */
export function summaryRow(r: FileResult): string[] {
  const checked = r.status === 'checked';
  return [
    r.file,
    STATUS_NAME[r.status],
    checked ? String(r.summary.errors) : '',
    checked ? String(r.summary.warnings) : '',
    checked ? String(r.summary.infos) : '',
    r.summary.statedTotal ?? '',
    r.summary.recomputedTotal ?? '',
    r.summary.grade ?? '',
  ];
}
