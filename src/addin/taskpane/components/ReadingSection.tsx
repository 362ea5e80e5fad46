import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import * as React from 'react';
import type { Reading } from '../../../engine';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', gap: '2px' },
  block: { display: 'grid', gap: tokens.spacingVerticalXXS },
});

const PART: Record<'funds' | 'indicators', string> = { funds: '资金', indicators: '绩效指标' };

/**
 * 读取方式 (issue 18 item 5): how the checker read the form — each block's header rows and each
 * column's role (推测 where only a stem of the lexicon matched), the 总分 row, and the structural
 * choices it made by the form's own arithmetic. Collapsed by default: it is there to be checked
 * when a finding looks wrong, not read every time.
 */
export function ReadingSection({ reading }: { reading: Reading }): React.JSX.Element {
  const styles = useStyles();
  return (
    <Accordion collapsible>
      <AccordionItem value="reading">
        <AccordionHeader size="small">
          读取方式{reading.source === 'corrected' ? '（已按使用者更正）' : ''}
          {reading.ambiguous ? '（有两种读法）' : ''}
        </AccordionHeader>
        <AccordionPanel>
          <section aria-label="读取方式" className={styles.block}>
            {reading.blocks.map((b) => (
              <div key={`${b.part}-${b.headerRows[0]}`} className={styles.block}>
                <Text size={200} weight="semibold">
                  {PART[b.part]}：表头第 {b.headerRows.join('、')} 行
                </Text>
                <ul className={styles.list}>
                  {b.columns.map((c) => (
                    <li key={c.column}>
                      <Text size={200}>
                        {c.column} 列 → {c.name}
                        {c.header && c.header !== c.name ? `（表头“${c.header}”）` : ''}
                      </Text>
                      {c.guessed ? (
                        <Badge size="small" appearance="outline" color="warning">
                          推测
                        </Badge>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            <Text size={200}>
              {reading.totalRow ? `总分在第 ${reading.totalRow} 行` : '没有找到总分行'}
            </Text>
            {reading.decisions.map((d) => (
              <Text key={d.kind} size={200}>
                按表内勾稽选择：{d.chosen}
                {d.tie ? '（另一读法同样成立，只报两种读法都得出的问题）' : ''}
              </Text>
            ))}
          </section>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
