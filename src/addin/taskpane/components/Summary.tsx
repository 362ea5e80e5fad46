import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Summary as SummaryData } from '../../../engine';
import type { RawValue } from '../../../engine/grid/types';
import { coverageText, totalsText, verdictText } from '../../core/paneText';

const useStyles = makeStyles({
  box: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  verdict: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const VERDICT_COLOR = { 需修改: 'danger', 需说明: 'warning', 可报送: 'success' } as const;

/** The verdict first (RULES §7.2), then the counts, what was read, the totals against the form's own full marks. */
export function Summary({
  summary,
  sheet,
  form = null,
  statedFull,
}: {
  summary: SummaryData;
  sheet: string;
  form?: string | null;
  /** The 分值 the form's 总分 row states. */
  statedFull?: RawValue;
}): React.JSX.Element {
  const styles = useStyles();
  const v = verdictText(summary.verdict, summary);
  return (
    <section className={styles.box} aria-label="校验摘要">
      <div className={styles.verdict} data-testid="verdict" data-verdict={summary.verdict ?? ''}>
        <Badge
          size="extra-large"
          appearance="filled"
          color={summary.verdict ? VERDICT_COLOR[summary.verdict] : 'subtle'}
        >
          {v.title}
        </Badge>
        <Text weight="semibold">{v.text}</Text>
      </div>
      <Text size={200}>
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
      {coverageText(summary).map((line) => (
        <Text key={line} size={200}>
          {line}
        </Text>
      ))}
      <Text weight="semibold">{totalsText(summary, statedFull)}</Text>
    </section>
  );
}
