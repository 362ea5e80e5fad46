import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Summary as SummaryData } from '../../../engine';

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** Counts, the stated and recomputed totals, and the grade. */
export function Summary({ summary, sheet }: { summary: SummaryData; sheet: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.box} aria-label="校验摘要">
      <Text weight="semibold">工作表“{sheet}”</Text>
      <div className={styles.counts}>
        <Badge color="danger" appearance={summary.errors ? 'filled' : 'outline'}>错误 {summary.errors}</Badge>
        <Badge color="warning" appearance={summary.warnings ? 'filled' : 'outline'}>警告 {summary.warnings}</Badge>
        <Badge color="informative" appearance="outline">提示 {summary.infos}</Badge>
      </div>
      <Text>
        自评总分 <b>{summary.statedTotal ?? '—'}</b>，复算总分 <b>{summary.recomputedTotal ?? '—'}</b>，等级 <b>{summary.grade ?? '—'}</b>
      </Text>
    </section>
  );
}
