import type { CheckOutcome, ClearOutcome } from './gateway';

/** What the ribbon's 校验 says when it is done: a title and one sentence, the verdict first. */
export function outcomeText(o: CheckOutcome): { title: string; text: string } {
  if (o.kind === 'error') return { title: 'Excel 拒绝了操作', text: o.message };
  if (o.kind === 'not-a-form') return { title: '没有找到绩效自评表', text: o.message };
  if (o.kind === 'cancelled') return { title: '已取消', text: o.message };
  const { errors, warnings, verdict } = o.result.summary;
  const where = o.forms.length > 1 ? `${o.forms.length} 张自评表` : `工作表“${o.result.sheet}”`;
  const head = errors || warnings ? `${errors} 个错误、${warnings} 个警告` : '未发现错误或警告';
  const marked = o.marked ? `，已在 ${o.marked} 个单元格上标色加批注` : '';
  const notes = o.notices.length ? `。${o.notices.join('')}` : '。';
  return {
    title: verdict ? `${verdict}：${head}` : head,
    text: `${where}：${head}${marked}${notes}任务窗格中列出了每一条，点一条即可定位到单元格。`,
  };
}

/** The dialog page's address for an outcome: the text travels in the query string, nothing is stored. */
export function outcomeDialogUrl(base: string, o: CheckOutcome): string {
  const { title, text } = outcomeText(o);
  const kind =
    o.kind === 'checked'
      ? o.result.summary.errors
        ? 'error'
        : o.result.summary.warnings
          ? 'warning'
          : 'success'
      : o.kind === 'error'
        ? 'error'
        : 'warning';
  return `${base}result.html?${new URLSearchParams({ kind, title, text }).toString()}`;
}

/** What 清除标记 says it did (the pane and the WPS ribbon): the fills, then the frames. */
export function clearedText(o: Extract<ClearOutcome, { kind: 'cleared' }>): string {
  const cells = o.restored ? `已恢复 ${o.restored} 个单元格的原有格式` : '';
  const framed = o.frames ? `去掉了 ${o.frames} 个读取区域的框线，原有边框已恢复` : '';
  return cells || framed
    ? `${[cells, framed].filter(Boolean).join('；')}。`
    : '没有需要清除的标记。';
}
