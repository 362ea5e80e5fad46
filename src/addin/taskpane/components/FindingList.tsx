import { Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Finding, Severity } from '../../../engine';
import type { RawValue } from '../../../engine/grid/types';
import { FindingItem } from './FindingItem';

/** What the severity filter shows. */
export type SeverityFilter = 'all' | Severity;

/** A 2,000-row form can have hundreds of findings: this many at first, more on request. */
export const PAGE = 30;

const GROUPS: { key: string; severity: Severity | null; title: string }[] = [
  { key: 'error', severity: 'error', title: '错误' },
  { key: 'warning', severity: 'warning', title: '警告' },
  { key: 'info', severity: 'info', title: '提示' },
  // The 自评报告's findings (report.*) by themselves, last: they are about the document, not a cell's arithmetic.
  { key: 'report', severity: null, title: '自评报告' },
];

const isReport = (f: Finding) => f.rule.startsWith('report.');

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  group: { marginTop: tokens.spacingVerticalM },
});

export interface FindingListProps {
  findings: Finding[];
  busy: boolean;
  filter?: SeverityFilter;
  /** The value the check saw in a cell (A1), for 应为/实填. */
  valueOf?(cell: string): RawValue | undefined;
  onSelect(cell: string): void;
  onFix(finding: Finding): void;
  onExplain?(finding: Finding, text: string): Promise<void>;
}

/** Up and Down move between the findings' main buttons, across groups (Home/End: first/last). */
function onArrows(e: React.KeyboardEvent<HTMLElement>): void {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-finding-main]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  e.preventDefault();
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? items.length - 1
        : Math.min(items.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)));
  items[next].focus();
}

/**
 * The findings by severity, errors first (a verdict of 需修改 is about them), then warnings, then
 * infos; a long list shows PAGE at a time.
 */
export function FindingList({
  findings,
  busy,
  filter = 'all',
  valueOf,
  onSelect,
  onFix,
  onExplain,
}: FindingListProps): React.JSX.Element {
  const styles = useStyles();
  const [shown, setShown] = React.useState(PAGE);
  React.useEffect(() => setShown(PAGE), [findings, filter]);
  let budget = shown;
  const groups = GROUPS.map((g) => {
    const all = findings.filter(
      (f) =>
        (filter === 'all' || f.severity === filter) &&
        (g.severity === null ? isReport(f) : !isReport(f) && f.severity === g.severity),
    );
    const visible = all.slice(0, Math.max(0, budget));
    budget -= visible.length;
    return { ...g, all, visible };
  });
  const total = groups.reduce((n, g) => n + g.all.length, 0);
  const rest = total - groups.reduce((n, g) => n + g.visible.length, 0);
  return (
    <div onKeyDown={onArrows}>
      {groups.map(({ key, severity, title, all, visible }) =>
        all.length === 0 ? null : (
          <section
            key={key}
            className={styles.group}
            aria-label={severity ? `${title} ${all.length} 条` : title}
          >
            <Subtitle2 as="h3">
              {title}（{all.length}）
            </Subtitle2>
            <ul className={styles.list}>
              {visible.map((f, i) => (
                <FindingItem
                  key={`${f.rule}-${f.cells[0]}-${i}`}
                  finding={f}
                  busy={busy}
                  cellValue={f.cells[0] ? valueOf?.(f.cells[0]) : undefined}
                  onSelect={onSelect}
                  onFix={onFix}
                  onExplain={onExplain}
                />
              ))}
            </ul>
          </section>
        ),
      )}
      {rest > 0 && (
        <Button appearance="secondary" onClick={() => setShown((n) => n + PAGE)}>
          再显示 {Math.min(PAGE, rest)} 条（还有 {rest} 条）
        </Button>
      )}
    </div>
  );
}
