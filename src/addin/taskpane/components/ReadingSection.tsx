import {
  Button,
  Field,
  Input,
  Select,
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
import {
  CORRECTABLE_ROLES,
  type LayoutRole,
  type Reading,
  type ReadingCorrection,
} from '../../../engine';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', gap: '2px' },
  block: { display: 'grid', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
  narrow: { width: '5em' },
});

const PART: Record<'funds' | 'indicators', string> = { funds: '资金', indicators: '绩效指标' };

/**
 * 读取方式 (issue 18 item 5): how the checker read the form — each block's header rows and each
 * column's role (推测 where only a stem of the lexicon matched), the 总分 row, and the structural
 * choices it made by the form's own arithmetic. Collapsed by default: it is there to be checked
 * when a finding looks wrong, not read every time.
 */
export function ReadingSection({
  reading,
  onCorrect,
}: {
  reading: Reading;
  /**
   * Stores a correction in the workbook and checks again; resolves to a sentence when it cannot
   * be made. Absent: the reading is only shown.
   */
  onCorrect?: (correction: ReadingCorrection) => Promise<string | null>;
}): React.JSX.Element {
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
            {onCorrect ? <Correction reading={reading} onCorrect={onCorrect} /> : null}
          </section>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

const NOT_READ = '';

type Submit = (correction: ReadingCorrection) => Promise<void>;

/**
 * 更正读取方式: one column's role, or the 总分 row. Stored in the workbook, so every later 校验
 * there and the command line read the form the same way.
 */
function Correction({
  reading,
  onCorrect,
}: {
  reading: Reading;
  onCorrect: (correction: ReadingCorrection) => Promise<string | null>;
}): React.JSX.Element {
  const styles = useStyles();
  const [message, setMessage] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const submit: Submit = async (correction) => {
    setBusy(true);
    try {
      setMessage((await onCorrect(correction)) ?? '已更正，并按新的读取方式重新校验。');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label="更正读取方式" className={styles.block}>
      <Text size={200} weight="semibold">
        更正读取方式（保存在工作簿里，以后每次校验都按此读取）
      </Text>
      <ColumnCorrection reading={reading} busy={busy} submit={submit} />
      <TotalRowCorrection reading={reading} busy={busy} submit={submit} />
      {message ? (
        <Text size={200} role="status">
          {message}
        </Text>
      ) : null}
    </section>
  );
}

/** 这一列是…: a column's role in one part, or 不读取. */
function ColumnCorrection({
  reading,
  busy,
  submit,
}: {
  reading: Reading;
  busy: boolean;
  submit: Submit;
}): React.JSX.Element {
  const styles = useStyles();
  const parts = reading.blocks.map((b) => b.part);
  const [part, setPart] = React.useState<'funds' | 'indicators'>(parts[0] ?? 'funds');
  const [column, setColumn] = React.useState('');
  const [role, setRole] = React.useState<string>(NOT_READ);
  const letter = column.trim().toUpperCase();
  return (
    <div className={styles.row}>
      {parts.length > 1 ? (
        <Field label="部分" size="small">
          <Select
            size="small"
            value={part}
            onChange={(_, d) => setPart(d.value as 'funds' | 'indicators')}
          >
            {parts.map((p) => (
              <option key={p} value={p}>
                {PART[p]}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field label="列" size="small">
        <Input
          size="small"
          className={styles.narrow}
          value={column}
          placeholder="如 E"
          onChange={(_, d) => setColumn(d.value)}
        />
      </Field>
      <Field label="这一列是" size="small">
        <Select size="small" value={role} onChange={(_, d) => setRole(d.value)}>
          <option value={NOT_READ}>不读取</option>
          {CORRECTABLE_ROLES[part].map((r) => (
            <option key={r.role} value={r.role}>
              {r.name}
            </option>
          ))}
        </Select>
      </Field>
      <Button
        size="small"
        disabled={busy || !/^[A-Z]{1,3}$/.test(letter)}
        onClick={() =>
          void submit({
            kind: 'column',
            part,
            column: letter,
            role: role === NOT_READ ? null : (role as LayoutRole),
          })
        }
      >
        更正这一列
      </Button>
    </div>
  );
}

/** 这一行是总分. */
function TotalRowCorrection({
  reading,
  busy,
  submit,
}: {
  reading: Reading;
  busy: boolean;
  submit: Submit;
}): React.JSX.Element {
  const styles = useStyles();
  const [row, setRow] = React.useState(reading.totalRow ? String(reading.totalRow) : '');
  const rowNumber = Number(row);
  return (
    <div className={styles.row}>
      <Field label="总分所在行" size="small">
        <Input
          size="small"
          type="number"
          className={styles.narrow}
          value={row}
          onChange={(_, d) => setRow(d.value)}
        />
      </Field>
      <Button
        size="small"
        disabled={busy || !Number.isInteger(rowNumber) || rowNumber < 1}
        onClick={() => void submit({ kind: 'totalRow', row: rowNumber })}
      >
        这一行是总分
      </Button>
    </div>
  );
}
