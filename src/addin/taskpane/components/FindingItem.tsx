import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Finding } from '../../../engine';
import { SEVERITY } from '../../../engine/findings/severity';
import type { RawValue } from '../../../engine/grid/types';
import { plain, ruleTitle, valuesLine } from '../../core/paneText';
import { ExplainDialog } from './ExplainDialog';

const BADGE = { error: 'danger', warning: 'warning', info: 'informative' } as const;

const useStyles = makeStyles({
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  main: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    textAlign: 'start',
    font: 'inherit',
    color: 'inherit',
    background: 'none',
    border: 'none',
    padding: 0,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  values: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  explanation: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

export interface FindingItemProps {
  finding: Finding;
  busy: boolean;
  /** What the check saw in the finding's cell: 应为/实填 are said of it. */
  cellValue?: RawValue;
  onSelect(cell: string): void;
  onFix(finding: Finding): void;
  /** 说明… (warnings and infos only); absent when the host cannot store explanations. */
  onExplain?(finding: Finding, text: string): Promise<void>;
}

/** One finding: its main button goes to the cell (Enter or Space); 修正 writes its fix; 说明… explains it. */
export function FindingItem({
  finding: f,
  busy,
  cellValue,
  onSelect,
  onFix,
  onExplain,
}: FindingItemProps): React.JSX.Element {
  const styles = useStyles();
  const cell = f.cells[0] ?? '';
  const sev = { name: SEVERITY[f.severity].name, color: BADGE[f.severity] };
  const title = ruleTitle(f.rule);
  const values = valuesLine(f, cellValue);
  return (
    <li className={styles.item} data-severity={f.severity} data-cell={cell}>
      <button
        type="button"
        className={styles.main}
        data-finding-main=""
        // No aria-label: the button's name is its whole visible content (severity, cell, rule,
        // message, 应为/实填, 审核说明), so what is read out is what is shown (WCAG 2.5.3).
        title="定位到单元格"
        onClick={() => onSelect(cell)}
      >
        <span className={styles.head}>
          <Badge color={sev.color}>{sev.name}</Badge>
          <Text weight="semibold">{cell}</Text>
          {title && (
            <Text size={200} className={styles.values}>
              {title}
            </Text>
          )}
        </span>
        {'paragraph' in f && typeof f.paragraph === 'number' && (
          <Text size={200} className={styles.values} data-paragraph={f.paragraph}>
            自评报告第 {f.paragraph} 段
            {'quote' in f && typeof f.quote === 'string' ? `：“${f.quote}”` : ''}
          </Text>
        )}
        <Text>{plain(f.message)}</Text>
        {values && (
          <Text size={200} className={styles.values}>
            {values}
          </Text>
        )}
        {f.explanation && (
          <Text size={200} className={styles.explanation} data-testid="explanation">
            审核说明{f.explanation.outdated ? '（已过期，数值变了，未采用）' : ''}：
            {f.explanation.text}
          </Text>
        )}
      </button>
      {(f.fix || (onExplain && f.severity !== 'error')) && (
        <div className={styles.actions}>
          {f.fix && (
            <Button
              size="small"
              appearance="subtle"
              disabled={busy}
              aria-label={`把 ${f.fix.cell} 修正为 ${f.fix.value}`}
              onClick={() => onFix(f)}
            >
              修正为 {f.fix.value}
            </Button>
          )}
          {onExplain && (
            <ExplainDialog finding={f} disabled={busy} onSave={(text) => onExplain(f, text)} />
          )}
        </div>
      )}
    </li>
  );
}
