/** Excel's code and message: for the 详细信息 disclosure, never the sentence. */
export function excelErrorDetail(e: unknown): string {
  const code =
    typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  const message = e instanceof Error ? e.message : String(e);
  return [code, message].filter(Boolean).join(': ');
}

/** Office.js errors as one sentence for a finance officer (no codes: they go in excelErrorDetail). */
export function excelErrorSentence(e: unknown): string {
  const code =
    typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  const message = e instanceof Error ? e.message : String(e);
  if (/CellEditMode|InvalidOperationInCellEditMode/i.test(code + message))
    return 'Excel 正在编辑单元格：请先按 Enter 或 Esc 结束编辑，再点校验。';
  if (/AccessDenied|protect/i.test(code + message))
    return '工作表受保护，无法写入标记：请先撤销工作表保护（审阅 → 撤销保护），或只查看任务窗格中的结果。';
  if (/UndoNotSupported/i.test(code)) return '当前 Excel 无法把本次操作合并为一步撤销，请重试。';
  if (/ItemNotFound/i.test(code))
    return '找不到要操作的工作表或单元格，可能已被删除或重命名，请重新校验。';
  if (/RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/i.test(code))
    return '表格太大，Excel 网页版一次传不完，请删除表格外的多余内容后再试。';
  if (/GeneralException|Timeout|ServiceNotAvailable|InternalError/i.test(code))
    return 'Excel 暂时没有响应，工作表未作改动：请稍等片刻再试。';
  return 'Excel 拒绝了本次操作，工作表未作改动：请稍后再试，仍不行请把“详细信息”中的内容发给技术支持。';
}
