import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Summary as SummaryData } from '../../../engine';
import { coverageLines, totalsLine } from '../../../engine/findings/coverageText';

const useStyles = makeStyles({
  box: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** Counts, what was read, the stated and recomputed totals, and the grade. */
export function Summary({
  summary,
  sheet,
  form = null,
}: {
  summary: SummaryData;
  sheet: string;
  form?: string | null;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.box} aria-label="校验摘要">
      <Text weight="semibold">
        工作表“{sheet}”{form ? ` ${form}` : ''}
      </Text>
      <div className={styles.counts}>
        <Badge color="danger" appearance={summary.errors ? 'filled' : 'outline'}>
          错误 {summary.errors}
        </Badge>
        <Badge color="warning" appearance={summary.warnings ? 'filled' : 'outline'}>
          警告 {summary.warnings}
        </Badge>
        <Badge color="informative" appearance="outline">
          提示 {summary.infos}
        </Badge>
      </div>
      {coverageLines(summary).map((line) => (
        <Text key={line} size={200}>
          {line}
        </Text>
      ))}
      <Text weight="semibold">{totalsLine(summary)}</Text>
    </section>
  );
}
