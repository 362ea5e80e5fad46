/** Level-1 indicator names, with "(50分)" or "指标" suffixes tolerated. */
export function level1Key(label: string): '产出指标' | '效益指标' | '满意度指标' | null {
  if (/^产出/.test(label)) return '产出指标';
  if (/^效益|^效果/.test(label)) return '效益指标';
  if (/^满意度|满意度指标/.test(label)) return '满意度指标';
  return null;
}
