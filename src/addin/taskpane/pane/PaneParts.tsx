import { Button, Checkbox, ProgressBar, Text, ToggleButton } from '@fluentui/react-components';
import * as React from 'react';
import type { SeverityFilter } from '../components/FindingList';
import { Notice } from '../components/Notice';
import { ReportFormPicker } from '../components/ReportFormPicker';
import type { Checked, Progress } from '../hooks/paneBase';
import type { PaneActions } from '../hooks/paneActions';
import { formName, reportNotice } from './paneMessages';
import { usePaneStyles } from './paneStyles';

const FILTERS: { value: SeverityFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'error', label: '错误' },
  { value: 'warning', label: '警告' },
  { value: 'info', label: '提示' },
];

/** 全部 / 错误 / 警告 / 提示. */
export function SeverityFilters(p: {
  filter: SeverityFilter;
  onFilter(f: SeverityFilter): void;
}): React.JSX.Element {
  const styles = usePaneStyles();
  return (
    <div className={styles.filter} role="group" aria-label="按严重程度筛选">
      {FILTERS.map((f) => (
        <ToggleButton
          key={f.value}
          size="small"
          checked={p.filter === f.value}
          onClick={() => p.onFilter(f.value)}
        >
          {f.label}
        </ToggleButton>
      ))}
    </div>
  );
}

/** How far a long read is, with 取消. */
export function CheckProgress(p: { progress: Progress; onCancel(): void }): React.JSX.Element {
  const styles = usePaneStyles();
  const { progress } = p;
  return (
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
      <Button size="small" onClick={p.onCancel}>
        取消
      </Button>
    </div>
  );
}

/** What the pane says of a cross-checked 自评报告, and which form it was checked against. */
export function ReportNotices(p: {
  checked: Checked;
  disabled: boolean;
  onPick: PaneActions['onPickReportForm'];
}): React.JSX.Element | null {
  const { checked } = p;
  const report = checked.report;
  if (!report) return null;
  const at = checked.forms.findIndex((f) => f.sheet === report.sheet && f.form === report.form);
  return (
    <>
      <Notice {...reportNotice(report)} />
      {checked.forms.length > 1 && (
        <ReportFormPicker
          forms={checked.forms.map(formName)}
          current={at >= 0 ? at : null}
          disabled={p.disabled}
          onPick={p.onPick}
        />
      )}
      {report.sheet &&
        report.notes.map((n) => <Notice key={n} intent="info" title="自评报告" text={n} />)}
    </>
  );
}

/**
 * 在表上框出读取区域: off by default, since an outline replaces the form's own borders on the
 * sheet until 清除标记 (the fills mark problems; the outline is for when a reading looks wrong).
 */
export function OutlineToggle(p: {
  checked: boolean;
  disabled: boolean;
  onChange(on: boolean): void;
}): React.JSX.Element {
  return (
    <Checkbox
      label="在表上框出读取区域（校验时用虚线框出读取的表头、资金、指标和总分行，清除标记时恢复）"
      checked={p.checked}
      disabled={p.disabled}
      onChange={(_e, d) => p.onChange(d.checked === true)}
    />
  );
}
