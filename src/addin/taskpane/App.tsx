import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Divider,
  ProgressBar,
  Text,
  Title3,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import * as React from 'react';
import type { Finding } from '../../engine';
import { correctReading, type ReadingCorrection } from '../../engine/reading/correct';
import { PROFILES } from '../../engine/profile/catalogue';
import {
  type CheckOutcome,
  type CheckScope,
  type FormOutcome,
  type Gateway,
  type ReportInput,
  type ReportOutcome,
  type SheetFix,
  seenKey,
} from '../core/gateway';
import { readReport } from '../core/report';
import { createOutcomeStore, type OutcomeStore } from '../core/store';
import { FindingList, type SeverityFilter } from './components/FindingList';
import { Notice } from './components/Notice';
import { ProfilePicker } from './components/ProfilePicker';
import { ReadingSection } from './components/ReadingSection';
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
    // Grid items default to min-width: auto; a wide child must wrap, not widen the pane.
    '& > *': { minWidth: 0 },
  },
  form: { display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
  filter: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  progress: { display: 'grid', gap: tokens.spacingVerticalXS },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': { textAlign: 'start', padding: '2px 6px' },
  },
});

type Message = {
  intent: 'error' | 'warning' | 'info' | 'success';
  title: string;
  text: string;
  /** Excel's own words, behind 详细信息. */
  detail?: string;
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

/** The sentence the live region announces when a 校验 ends. */
function announce(o: CheckOutcome): string {
  if (o.kind !== 'checked') return o.message;
  const s = o.result.summary;
  const head = s.verdict ? `结论：${s.verdict}。` : '';
  return `${head}校验完成：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 条提示。`;
}

const FILTERS: { value: SeverityFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'error', label: '错误' },
  { value: 'warning', label: '警告' },
  { value: 'info', label: '提示' },
];

/**
 * The task pane. It holds what the last 校验 found (in the store it shares with the ribbon's
 * 校验) and calls the gateway's functions; it never talks to Excel itself. `gateway` is null
 * outside Excel.
 */
export function App({
  gateway,
  store: given,
}: {
  gateway: Gateway | null;
  store?: OutcomeStore;
}): React.JSX.Element {
  const styles = useStyles();
  const [own] = React.useState(() => createOutcomeStore());
  const store = given ?? own;
  const outcome = React.useSyncExternalStore(store.subscribe, store.get);
  const [busy, setBusy] = React.useState<Busy>(null);
  const [message, setMessage] = React.useState<Message>(null);
  const [live, setLive] = React.useState('');
  const [filter, setFilter] = React.useState<SeverityFilter>('all');
  const [progress, setProgress] = React.useState<{
    sheet: string;
    rows: number;
    of: number;
  } | null>(null);
  const cancel = React.useRef(false);
  const [preview, setPreview] = React.useState<SheetFix[] | null>(null);
  /** The 自评报告 picked since the last 校验: 修正 re-checks it with the form. */
  const [report, setReport] = React.useState<ReportInput | null>(null);
  const [storedProfile, setStoredProfile] = React.useState<string | null>(null);

  // A ribbon 校验 lands in the store: say it like a pane 校验.
  React.useEffect(() => {
    if (outcome) setLive(announce(outcome));
    if (outcome?.kind === 'checked' && outcome.storedProfile !== undefined)
      setStoredProfile(outcome.storedProfile);
  }, [outcome]);

  if (!gateway) {
    return (
      <main className={styles.root}>
        <Title3 as="h1">自评表校验</Title3>
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
  const seenOf = (sheet: string, cell: string) => checked?.seen?.[seenKey(sheet, cell)];
  const withSeen = (sheet: string, fix: { cell: string; value: string }): SheetFix => {
    const seen = seenOf(sheet, fix.cell);
    return seen === undefined ? { sheet, ...fix } : { sheet, ...fix, seen };
  };
  const fixes: SheetFix[] = (checked?.forms ?? []).flatMap((form) =>
    form.findings.flatMap((f) => (f.fix ? [withSeen(form.sheet, f.fix)] : [])),
  );

  const show = (o: CheckOutcome) => {
    store.set(o);
    setLive(announce(o));
    if (o.kind === 'error')
      setMessage({ intent: 'error', title: 'Excel 拒绝了操作', text: o.message, detail: o.detail });
    else if (o.kind === 'cancelled')
      setMessage({ intent: 'info', title: '已取消', text: o.message });
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
      setProgress(null);
    }
  };

  const options = () => {
    cancel.current = false;
    return { onProgress: setProgress, cancelled: () => cancel.current };
  };
  // A report travels with the fixes' re-check, not with a fresh 校验.
  const fixAndCheck = (f: SheetFix[]) =>
    report ? gateway.applyFixes(f, scope, report) : gateway.applyFixes(f, scope);
  const onCheck = () =>
    act('check', async () => {
      setReport(null);
      show(await gateway.check('sheet', undefined, options()));
    });
  const onCheckAll = () =>
    act('checkAll', async () => {
      setReport(null);
      show(await gateway.check('workbook', undefined, options()));
    });
  // 全部修正 shows what it will write and asks once.
  const onFixAll = () => setPreview(fixes);
  const onConfirmFixes = () => {
    const list = preview ?? [];
    setPreview(null);
    void act('fix', async () => show(await fixAndCheck(list)));
  };
  const onFix = (sheet: string) => (f: Finding) =>
    act('fix', async () => (f.fix ? show(await fixAndCheck([withSeen(sheet, f.fix)])) : undefined));
  const onExplain = gateway.explain
    ? (sheet: string) => async (f: Finding, text: string) => {
        const o = await gateway.explain!(sheet, f, text, scope, report ?? undefined);
        // A refusal keeps the dialog open with the sentence.
        if (o.kind === 'error') throw new Error(o.message);
        show(o);
      }
    : null;
  // 更正读取方式: stored in the workbook, then checked again; a refusal is said in the section.
  const onCorrect = gateway.correctReading
    ? (form: FormOutcome) =>
        async (c: ReadingCorrection): Promise<string | null> => {
          if (!form.reading) return null;
          const corrected = correctReading(form.reading, form.sheet, c);
          if ('error' in corrected) return corrected.error;
          let refused: string | null = null;
          await act('check', async () => {
            const o = await gateway.correctReading!(form.sheet, corrected.layout, scope);
            if (o.kind === 'error') refused = o.message;
            show(o);
          });
          return refused;
        }
    : null;
  const onPickProfile = (id: string | null) =>
    act('check', async () => {
      if (!gateway.setProfile) return;
      setStoredProfile(id);
      show(await gateway.setProfile(id, scope));
    });
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
      void gateway.select(sheet, cell).then((r) =>
        r.kind === 'error'
          ? setMessage({
              intent: 'error',
              title: '无法定位单元格',
              text: r.message,
              detail: r.detail,
            })
          : undefined,
      );
  };
  const onClear = () =>
    act('clear', async () => {
      const r = await gateway.clearMarks();
      store.set(null);
      setReport(null);
      const m: NonNullable<Message> =
        r.kind === 'cleared'
          ? {
              intent: 'success',
              title: '已清除标记',
              text: r.restored
                ? `已恢复 ${r.restored} 个单元格的原有格式。`
                : '没有需要清除的标记。',
            }
          : { intent: 'error', title: '无法清除标记', text: r.message };
      setMessage(m);
      setLive(`${m.title}。${m.text}`);
    });
  const onExport = () =>
    act('export', async () => {
      if (!checked) return;
      const r = await gateway.exportFindings(checked.forms);
      setMessage(
        r.kind === 'done'
          ? {
              intent: 'success',
              title: '已导出',
              text: `结果已写入“${r.sheet ?? '校验结果'}”工作表。`,
            }
          : { intent: 'error', title: '无法导出', text: r.message, detail: r.detail },
      );
    });

  const several = (checked?.forms.length ?? 0) > 1;
  const reportAt = (r: ReportOutcome) =>
    checked?.forms.findIndex((f) => f.sheet === r.sheet && f.form === r.form) ?? -1;
  const checking = busy === 'check' || busy === 'checkAll';
  return (
    <main className={styles.root}>
      <Title3 as="h1">自评表校验</Title3>
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
      {gateway.setProfile && (
        <ProfilePicker
          profiles={PROFILES}
          stored={storedProfile}
          used={checked?.forms[0]?.profile ?? null}
          disabled={busy !== null}
          onPick={(id) => void onPickProfile(id)}
        />
      )}
      <div className={styles.hidden} role="status" aria-live="polite" data-testid="live">
        {live}
      </div>
      {checking && (
        <div className={styles.progress}>
          <ProgressBar
            aria-label="读取进度"
            value={progress ? progress.rows / Math.max(1, progress.of) : undefined}
          />
          <Text size={200}>
            {progress
              ? `正在读取工作表“${progress.sheet}”：${progress.rows} / ${progress.of} 行`
              : '正在读取工作表…'}
          </Text>
          <Button size="small" onClick={() => (cancel.current = true)}>
            取消
          </Button>
        </div>
      )}
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
      {checked && (
        <div className={styles.filter} role="group" aria-label="按严重程度筛选">
          {FILTERS.map((f) => (
            <ToggleButton
              key={f.value}
              size="small"
              checked={filter === f.value}
              onClick={() => setFilter(f.value)}
            >
              {f.label}
            </ToggleButton>
          ))}
        </div>
      )}
      {checked &&
        checked.forms.map((form, i) => (
          <section
            key={`${form.sheet}-${form.form ?? ''}`}
            className={styles.form}
            aria-label={several ? formName(form) : '校验结果'}
          >
            {several && i > 0 && <Divider />}
            <Summary
              summary={form.summary}
              sheet={form.sheet}
              form={form.form}
              statedFull={
                form.reading?.totalCells?.weight
                  ? seenOf(form.sheet, form.reading.totalCells.weight)
                  : undefined
              }
            />
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
              filter={filter}
              valueOf={(cell) => seenOf(form.sheet, cell)}
              onSelect={onSelect(form.sheet)}
              onFix={onFix(form.sheet)}
              onExplain={onExplain ? onExplain(form.sheet) : undefined}
            />
            {form.reading && (
              <ReadingSection
                reading={form.reading}
                onCorrect={onCorrect ? onCorrect(form) : undefined}
              />
            )}
          </section>
        ))}
      {!outcome && !message && (
        <Text>
          打开部门的自评表工作簿，点“校验”（当前工作表）或“全部工作表”。表格可以在任意位置、任意工作表。
        </Text>
      )}
      <Dialog open={preview !== null} onOpenChange={(_e, d) => (d.open ? null : setPreview(null))}>
        <DialogSurface aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>全部修正：将写入 {preview?.length ?? 0} 个单元格</DialogTitle>
            <DialogContent>
              <table className={styles.table} data-testid="fix-preview">
                <thead>
                  <tr>
                    <th scope="col">单元格</th>
                    <th scope="col">原值</th>
                    <th scope="col">新值</th>
                  </tr>
                </thead>
                <tbody>
                  {(preview ?? []).map((f) => (
                    <tr key={`${f.sheet}!${f.cell}`}>
                      <td>{several ? `${f.sheet}!${f.cell}` : f.cell}</td>
                      <td>
                        {f.seen === undefined || f.seen === null || String(f.seen).trim() === ''
                          ? '空'
                          : String(f.seen)}
                      </td>
                      <td>{f.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Text block size={200}>
                校验之后被改过的单元格不会被覆盖，会在修正后列出。
              </Text>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setPreview(null)}>
                取消
              </Button>
              <Button appearance="primary" onClick={onConfirmFixes}>
                确认修正
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
}
