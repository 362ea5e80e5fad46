import { Text, Title3 } from '@fluentui/react-components';
import * as React from 'react';
import { Notice } from '../components/Notice';
import type { PaneBase } from '../hooks/paneBase';
import type { PaneState } from '../hooks/usePaneState';
import { FixPreview } from './FixPreview';
import { FormSection } from './FormSection';
import { PaneControls } from './PaneControls';
import { CheckProgress, ReportNotices, SeverityFilters } from './PaneParts';
import { usePaneStyles } from './paneStyles';

/** The pane inside Excel (or WPS): the toolbar, what the last 校验 found, and the dialogs. */
export function PaneLayout({
  state,
  base,
}: {
  state: PaneState;
  base: PaneBase;
}): React.JSX.Element {
  const styles = usePaneStyles();
  const { checked, busy, actions: a } = state;
  const actions = a!;
  const several = (checked?.forms.length ?? 0) > 1;
  return (
    <main className={styles.root}>
      <Title3 as="h1">自评表校验</Title3>
      <PaneControls state={state} base={base} />
      <div className={styles.hidden} role="status" aria-live="polite" data-testid="live">
        {state.live}
      </div>
      {(busy === 'check' || busy === 'checkAll') && (
        <CheckProgress progress={state.progress} onCancel={state.cancel} />
      )}
      {state.message && <Notice {...state.message} />}
      {checked?.notices.map((n) => (
        <Notice key={n} intent="warning" title="提示" text={n} />
      ))}
      {checked && (
        <ReportNotices
          checked={checked}
          disabled={busy !== null}
          onPick={actions.onPickReportForm}
        />
      )}
      {checked && <SeverityFilters filter={state.filter} onFilter={state.setFilter} />}
      {checked?.forms.map((form, i) => (
        <FormSection
          key={`${form.sheet}-${form.form ?? ''}`}
          form={form}
          index={i}
          several={several}
          state={state}
          base={base}
        />
      ))}
      {!state.outcome && !state.message && (
        <Text>
          打开部门的自评表工作簿，点“校验”（当前工作表）或“全部工作表”。表格可以在任意位置、任意工作表。
        </Text>
      )}
      <FixPreview
        preview={state.preview}
        several={several}
        onClose={state.closePreview}
        onConfirm={actions.onConfirmFixes}
      />
    </main>
  );
}
