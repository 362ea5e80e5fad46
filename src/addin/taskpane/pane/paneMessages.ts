import type { CheckOutcome, FormOutcome, ReportOutcome } from '../../core/gateway';

/** What the pane says above the findings; null: nothing. */
export type Message = {
  intent: 'error' | 'warning' | 'info' | 'success';
  title: string;
  text: string;
  /** Excel's own words, behind 详细信息. */
  detail?: string;
} | null;

/** "工作表“甲” A1:K19": a form's place, for headings and labels. */
export function formName(f: FormOutcome): string {
  return `工作表“${f.sheet}”${f.form ? ` ${f.form}` : ''}`;
}

/** What the pane says of a cross-checked 自评报告. */
export function reportNotice(r: ReportOutcome): NonNullable<Message> {
  const against = r.sheet ? `工作表“${r.sheet}”${r.form ? ` ${r.form}` : ''}的自评表` : '自评表';
  if (!r.sheet) return { intent: 'warning', title: '自评报告未核对', text: r.notes.join('') };
  return r.findings.length
    ? {
        intent: 'warning',
        title: `自评报告：${r.findings.length} 处与自评表不符`,
        text: `“${r.name}”已在本窗格中读取（未上传）并与${against}核对，不符之处见下方“自评报告”，涉及的单元格已标记。`,
      }
    : {
        intent: 'success',
        title: '自评报告与自评表一致',
        text: `“${r.name}”已在本窗格中读取（未上传）并与${against}核对，金额、人数、执行率和总分都对得上。`,
      };
}

/** The sentence the live region announces when a 校验 ends. */
export function announce(o: CheckOutcome): string {
  if (o.kind !== 'checked') return o.message;
  const s = o.result.summary;
  const head = s.verdict ? `结论：${s.verdict}。` : '';
  return `${head}校验完成：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 条提示。`;
}

/** The message a finished 校验 leaves above the findings. */
export function outcomeMessage(o: CheckOutcome): Message {
  if (o.kind === 'error')
    return { intent: 'error', title: 'Excel 拒绝了操作', text: o.message, detail: o.detail };
  if (o.kind === 'cancelled') return { intent: 'info', title: '已取消', text: o.message };
  if (o.kind === 'not-a-form')
    return { intent: 'warning', title: '没有找到绩效自评表', text: o.message };
  if (o.foundElsewhere)
    return {
      intent: 'info',
      title: '表格在其他工作表',
      text: `当前工作表没有自评表，已在工作表“${o.foundElsewhere}”找到并校验。`,
    };
  if (o.forms.length > 1)
    return {
      intent: 'info',
      title: `找到 ${o.forms.length} 张自评表`,
      text: o.forms.map(formName).join('、'),
    };
  return null;
}
