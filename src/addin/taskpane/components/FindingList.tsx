import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Finding, Part } from '../../../engine';
import { FindingItem } from './FindingItem';

/** A report.* finding: the 自评报告 against the form (listed in its own group). */
const isReport = (f: Finding) => f.rule.startsWith('report.');

const PARTS: { part: Part; title: string }[] = [
  { part: 'funds', title: '整体资金' },
  { part: 'indicators', title: '绩效指标' },
  { part: 'total', title: '总分' },
  { part: 'form', title: '表格' },
];

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  group: { marginTop: tokens.spacingVerticalM },
});

export interface FindingListProps {
  findings: Finding[];
  busy: boolean;
  onSelect(cell: string): void;
  onFix(finding: Finding): void;
}

/** The findings grouped by part of the form (整体资金, 绩效指标, 总分), the 自评报告's last. */
export function FindingList({
  findings,
  busy,
  onSelect,
  onFix,
}: FindingListProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      {[...PARTS, { part: 'report' as const, title: '自评报告' }].map(({ part, title }) => {
        const list = findings.filter((f) =>
          part === 'report' ? isReport(f) : f.part === part && !isReport(f),
        );
        if (list.length === 0) return null;
        return (
          <section key={part} className={styles.group} aria-label={title}>
            <Subtitle2>
              {title}（{list.length}）
            </Subtitle2>
            <ul className={styles.list}>
              {list.map((f, i) => (
                <FindingItem
                  key={`${f.rule}-${f.cells[0]}-${i}`}
                  finding={f}
                  busy={busy}
                  onSelect={onSelect}
                  onFix={onFix}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
