import { Divider, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Finding } from '../../engine';
import type {
  CheckOutcome,
  CheckScope,
  FormOutcome,
  Gateway,
  ReportInput,
  ReportOutcome,
  SheetFix,
} from '../core/gateway';
import { readReport } from '../core/report';
import { FindingList } from './components/FindingList';
import { Notice } from './components/Notice';
import { ReportFormPicker } from './components/ReportFormPicker';
import { Summary } from './components/Summary';
import { type Busy, Toolbar } from './components/Toolbar';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  form: { display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
});

type Message = {
  intent: 'error' | 'warning' | 'info' | 'success';
  title: string;
  text: string;
} | null;

/** "工作表“甲” A1:K19": a form's place, for headings and labels. */
function formName(f: FormOutcome): string {
  return `工作表“${f.sheet}”${f.form ? ` ${f.form}` : ''}`;
}

/** What the pane says of a cross-checked 自评报告. */
function reportNotice(r: ReportOutcome): NonNullable<Message> {
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

/**
 * The task pane. It holds what the last 校验 found and calls the gateway's functions; it never
 * talks to Excel itself. `gateway` is null outside Excel.
 */
export function App({ gateway }: { gateway: Gateway | null }): React.JSX.Element {
  const styles = useStyles();
  const [busy, setBusy] = React.useState<Busy>(null);
  const [outcome, setOutcome] = React.useState<CheckOutcome | null>(null);
  const [message, setMessage] = React.useState<Message>(null);
  /** The 自评报告 picked since the last 校验: 修正 re-checks it with the form. */
  const [report, setReport] = React.useState<ReportInput | null>(null);

  if (!gateway) {
    return (
      <main className={styles.root}>
        <Title3>自评表校验</Title3>
        <Notice
          intent="warning"
          title="请在 Excel 中打开"
          text="这是 Excel 加载项：请在 Excel（网页版或桌面版）中通过“开始 → 加载项”打开它，再点“校验”。"
        />
      </main>
    );
  }

  const checked = outcome?.kind === 'checked' ? outcome : null;
  const scope: CheckScope = checked?.scope ?? 'sheet';
  const fixes: SheetFix[] = (checked?.forms ?? []).flatMap((form) =>
    form.findings.flatMap((f) => (f.fix ? [{ sheet: form.sheet, ...f.fix }] : [])),
  );

  const show = (o: CheckOutcome) => {
    setOutcome(o);
    if (o.kind === 'error')
      setMessage({ intent: 'error', title: 'Excel 拒绝了操作', text: o.message });
    else if (o.kind === 'not-a-form')
      setMessage({ intent: 'warning', title: '没有找到绩效自评表', text: o.message });
    else if (o.foundElsewhere)
      setMessage({
        intent: 'info',
        title: '表格在其他工作表',
        text: `当前工作表没有自评表，已在工作表“${o.foundElsewhere}”找到并校验。`,
      });
    else if (o.forms.length > 1)
      setMessage({
        intent: 'info',
        title: `找到 ${o.forms.length} 张自评表`,
        text: o.forms.map(formName).join('、'),
      });
    else setMessage(null);
  };

  const act = async (what: Busy, work: () => Promise<void>) => {
    setBusy(what);
    try {
      await work();
    } finally {
      setBusy(null);
    }
  };

  // A report travels with the fixes' re-check, not with a fresh 校验.
  const fixAndCheck = (f: SheetFix[]) =>
    report ? gateway.applyFixes(f, scope, report) : gateway.applyFixes(f, scope);
  const onCheck = () =>
    act('check', async () => {
      setReport(null);
      show(await gateway.check('sheet'));
    });
  const onCheckAll = () =>
    act('checkAll', async () => {
      setReport(null);
      show(await gateway.check('workbook'));
    });
  const onFixAll = () => act('fix', async () => show(await fixAndCheck(fixes)));
  const onFix = (sheet: string) => (f: Finding) =>
    act('fix', async () => (f.fix ? show(await fixAndCheck([{ sheet, ...f.fix }])) : undefined));
  const onReport = (file: File) =>
    act('report', async () => {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        setMessage({
          intent: 'error',
          title: '无法核对自评报告',
          text: `无法读取“${file.name}”：请确认文件没有被其他程序占用，再重新选择。`,
        });
        return;
      }
      const read = readReport(file.name, bytes);
      if (read.kind === 'error') {
        setMessage({ intent: 'error', title: '无法核对自评报告', text: read.message });
        return;
      }
      setReport(read.report);
      show(await gateway.check(scope, read.report));
    });
  const onPickReportForm = (pick: number) =>
    act('report', async () => {
      if (!report) return;
      const picked = { ...report, pick };
      setReport(picked);
      show(await gateway.check(scope, picked));
    });
  const onSelect = (sheet: string) => (cell: string) => {
    if (cell)
      void gateway
        .select(sheet, cell)
        .then((r) =>
          r.kind === 'error'
            ? setMessage({ intent: 'error', title: '无法定位单元格', text: r.message })
            : undefined,
        );
  };
  const onClear = () =>
    act('clear', async () => {
      const r = await gateway.clearMarks();
      setOutcome(null);
      setReport(null);
      setMessage(
        r.kind === 'cleared'
          ? {
              intent: 'success',
              title: '已清除标记',
              text: r.restored
                ? `已恢复 ${r.restored} 个单元格的原有格式。`
                : '没有需要清除的标记。',
            }
          : { intent: 'error', title: '无法清除标记', text: r.message },
      );
    });
  const onExport = () =>
    act('export', async () => {
      if (!checked) return;
      const r = await gateway.exportFindings(checked.forms);
      setMessage(
        r.kind === 'done'
          ? { intent: 'success', title: '已导出', text: '结果已写入“校验结果”工作表。' }
          : { intent: 'error', title: '无法导出', text: r.message },
      );
    });

  const several = (checked?.forms.length ?? 0) > 1;
  const reportAt = (r: ReportOutcome) =>
    checked?.forms.findIndex((f) => f.sheet === r.sheet && f.form === r.form) ?? -1;
  return (
    <main className={styles.root}>
      <Title3>自评表校验</Title3>
      <Toolbar
        busy={busy}
        fixCount={fixes.length}
        canExport={!!checked}
        canReport={!!checked}
        onCheck={onCheck}
        onCheckAll={onCheckAll}
        onFixAll={onFixAll}
        onClear={onClear}
        onExport={onExport}
        onReport={onReport}
      />
      {message && <Notice {...message} />}
      {checked?.notices.map((n) => (
        <Notice key={n} intent="warning" title="提示" text={n} />
      ))}
      {checked?.report && <Notice {...reportNotice(checked.report)} />}
      {checked?.report && several && (
        <ReportFormPicker
          forms={checked.forms.map(formName)}
          current={reportAt(checked.report) >= 0 ? reportAt(checked.report) : null}
          disabled={busy !== null}
          onPick={onPickReportForm}
        />
      )}
      {checked?.report?.sheet &&
        checked.report.notes.map((n) => <Notice key={n} intent="info" title="自评报告" text={n} />)}
      {checked &&
        checked.forms.map((form, i) => (
          <section
            key={`${form.sheet}-${form.form ?? ''}`}
            className={styles.form}
            aria-label={several ? formName(form) : undefined}
          >
            {several && i > 0 && <Divider />}
            <Summary summary={form.summary} sheet={form.sheet} form={form.form} />
            {form.findings.length === 0 && (
              <Notice
                intent="success"
                title="未发现问题"
                text="合计、执行率、指标得分和总分都一致。"
              />
            )}
            <FindingList
              findings={form.findings}
              busy={busy !== null}
              onSelect={onSelect(form.sheet)}
              onFix={onFix(form.sheet)}
            />
          </section>
        ))}
      {!outcome && !message && (
        <Text>
          打开部门的自评表工作簿，点“校验”（当前工作表）或“全部工作表”。表格可以在任意位置、任意工作表。
        </Text>
      )}
    </main>
  );
}
