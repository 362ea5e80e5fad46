import { Divider } from '@fluentui/react-components';
import * as React from 'react';
import type { FormOutcome } from '../../core/gateway';
import { FindingList } from '../components/FindingList';
import { Notice } from '../components/Notice';
import { ReadingSection } from '../components/ReadingSection';
import { Summary } from '../components/Summary';
import { seenOf } from '../hooks/paneActions';
import type { PaneBase } from '../hooks/paneBase';
import type { PaneState } from '../hooks/usePaneState';
import { formName } from './paneMessages';
import { usePaneStyles } from './paneStyles';

/** One checked form: its summary, findings and reading. */
export function FormSection({
  form,
  index,
  several,
  state,
  base,
}: {
  form: FormOutcome;
  index: number;
  several: boolean;
  state: PaneState;
  base: PaneBase;
}): React.JSX.Element {
  const styles = usePaneStyles();
  const actions = state.actions!;
  const weight = form.reading?.totalCells?.weight;
  return (
    <section className={styles.form} aria-label={several ? formName(form) : '校验结果'}>
      {several && index > 0 && <Divider />}
      <Summary
        summary={form.summary}
        sheet={form.sheet}
        form={form.form}
        statedFull={weight ? seenOf(base, form.sheet, weight) : undefined}
      />
      {form.findings.length === 0 && (
        <Notice intent="success" title="未发现问题" text="合计、执行率、指标得分和总分都一致。" />
      )}
      <FindingList
        findings={form.findings}
        busy={state.busy !== null}
        filter={state.filter}
        valueOf={(cell) => seenOf(base, form.sheet, cell)}
        onSelect={actions.onSelect(form.sheet)}
        onFix={actions.onFix(form.sheet)}
        onExplain={actions.onExplain ? actions.onExplain(form.sheet) : undefined}
      />
      {form.reading && (
        <ReadingSection
          reading={form.reading}
          onCorrect={actions.onCorrect ? actions.onCorrect(form) : undefined}
        />
      )}
    </section>
  );
}
