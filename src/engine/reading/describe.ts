import type { Reading, ReadingColumn } from '../findings/types';
import { columnLetters, toA1 } from '../grid/address';
import type { FormModel, HeaderFacts } from '../model/form';

/** The roles as --layout names them (issue 18 item 5); internal names where they differ. */
const LAYOUT_ROLE: Record<string, string> = { exec: 'executed' };

export const ROLE_NAME: Record<string, string> = {
  label: '行标签',
  initialBudget: '年初预算数',
  budget: '全年预算数',
  exec: '全年执行数',
  rate: '执行率',
  weight: '分值',
  score: '得分',
  reason: '偏差原因',
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  target: '年度指标值',
  adjustedTarget: '调整指标值',
  actual: '实际完成值',
  coefficient: '得分系数',
  nature: '指标性质',
  unit: '度量单位',
};

const KIND_NAME: Record<string, string> = {
  total: '合计',
  source: '资金来源',
  basic: '基本支出',
  basicSub: '基本支出明细',
  project: '项目支出',
  component: '组成部分',
};

function columnsOf<R extends string>(
  columns: Partial<Record<R, number>>,
  header: HeaderFacts<R>,
  extra: ReadingColumn[] = [],
): ReadingColumn[] {
  const read = (Object.entries(columns) as [R, number | undefined][]).flatMap(([role, col]) =>
    col === undefined
      ? []
      : [
          {
            column: columnLetters(col),
            role: LAYOUT_ROLE[role] ?? role,
            name: ROLE_NAME[role] ?? role,
            header: header.labels[role] ?? '',
            guessed: header.guessed.includes(role),
            col,
          },
        ],
  );
  return [...extra.map((c) => ({ ...c, col: colOf(c.column) })), ...read]
    .sort((a, b) => a.col - b.col)
    .map(({ col: _col, ...c }) => c);
}

function colOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function rowsText(first: number, last: number): string {
  return first === last ? `第 ${first + 1} 行` : `第 ${first + 1}–${last + 1} 行`;
}

/** The reading a result names (RULES §1.3): header rows, each column's role, rows, total, choices. */
export function describeReading(form: FormModel, ambiguous: boolean): Reading {
  const blocks: Reading['blocks'] = [];
  const parts: string[] = [];
  const columnsText = (cols: ReadingColumn[]) =>
    cols.map((c) => `${c.column} ${c.name}${c.guessed ? '（推测）' : ''}`).join('，');
  if (form.funds) {
    const f = form.funds;
    const labelCols = f.rows.map((r) => r.labelCell.col);
    const labelCol = labelCols.length ? Math.min(...labelCols) : null;
    const label: ReadingColumn[] =
      labelCol === null || Object.values(f.columns).includes(labelCol)
        ? []
        : [
            {
              column: columnLetters(labelCol),
              role: 'label',
              name: ROLE_NAME.label,
              header: '',
              guessed: false,
            },
          ];
    const columns = columnsOf(f.columns, f.header, label);
    blocks.push({ part: 'funds', headerRows: range(f.header.firstRow, f.header.row), columns });
    parts.push(`资金表头${rowsText(f.header.firstRow, f.header.row)}：${columnsText(columns)}`);
  }
  if (form.indicators) {
    const b = form.indicators;
    const columns = columnsOf(b.columns, b.header);
    blocks.push({
      part: 'indicators',
      headerRows: range(b.header.firstRow, b.header.row),
      columns,
    });
    parts.push(`指标表头${rowsText(b.header.firstRow, b.header.row)}：${columnsText(columns)}`);
  }
  const total = form.total;
  parts.push(total ? `总分 第 ${total.row + 1} 行` : '未找到总分行');
  const decisions = (form.decisions ?? []).map((d) => ({ ...d, others: [...d.others] }));
  for (const d of decisions) parts.push(`${d.chosen}${d.tie ? '（另一读法同样成立）' : ''}`);
  if (form.corrected) parts.push('按使用者更正的读取方式');
  return {
    source: form.corrected ? 'corrected' : 'auto',
    blocks,
    fundsRows: (form.funds?.rows ?? []).map((r) => ({
      row: r.row + 1,
      label: r.display,
      kind: KIND_NAME[r.kind] ?? r.kind,
    })),
    totalRow: total ? total.row + 1 : null,
    totalCells: total
      ? { weight: total.weightCell ? toA1(total.weightCell) : null, score: toA1(total.scoreCell) }
      : null,
    decisions,
    ambiguous,
    text: `读取方式：${parts.join('；')}。`,
  };
}

function range(first: number, last: number): number[] {
  const out: number[] = [];
  for (let r = first; r <= last; r++) out.push(r + 1);
  return out;
}
