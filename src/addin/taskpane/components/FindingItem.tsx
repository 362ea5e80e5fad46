import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Finding } from '../../../engine';
import { SEVERITY } from '../../../engine/findings/severity';
import { ruleMeta } from '../../../engine/rules';

const BADGE = { error: 'danger', warning: 'warning', info: 'informative' } as const;

const useStyles = makeStyles({
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  values: { color: tokens.colorNeutralForeground3 },
});

export interface FindingItemProps {
  finding: Finding;
  busy: boolean;
  onSelect(cell: string): void;
  onFix(finding: Finding): void;
}

/** One finding: click it to go to its cell; 修正 writes its fix. */
export function FindingItem({
  finding: f,
  busy,
  onSelect,
  onFix,
}: FindingItemProps): React.JSX.Element {
  const styles = useStyles();
  const cell = f.cells[0] ?? '';
  const sev = { name: SEVERITY[f.severity].name, color: BADGE[f.severity] };
  const title = ruleMeta(f.rule)?.title;
  return (
    <li
      className={styles.item}
      data-severity={f.severity}
      data-cell={cell}
      tabIndex={0}
      aria-label={`${sev.name} ${cell}：${f.message}`}
      onClick={() => onSelect(cell)}
      onKeyDown={(e) => (e.key === 'Enter' ? onSelect(cell) : undefined)}
    >
      <div className={styles.head}>
        <Badge color={sev.color}>{sev.name}</Badge>
        <Text weight="semibold">{cell}</Text>
        {title && (
          <Text size={200} className={styles.values}>
            {title}
          </Text>
        )}
        {f.fix && (
          <Button
            size="small"
            appearance="subtle"
            disabled={busy}
            onClick={(e) => {
              e.stopPropagation();
              onFix(f);
            }}
          >
            修正为 {f.fix.value}
          </Button>
        )}
      </div>
      {'paragraph' in f && typeof f.paragraph === 'number' && (
        <Text size={200} className={styles.values} data-paragraph={f.paragraph}>
          自评报告第 {f.paragraph} 段
          {'quote' in f && typeof f.quote === 'string' ? `：“${f.quote}”` : ''}
        </Text>
      )}
      <Text>{f.message}</Text>
      {(f.expected || f.actual) && (
        <Text size={200} className={styles.values}>
          应为 {f.expected || '—'}；实填 {f.actual || '空'}
        </Text>
      )}
    </li>
  );
}
