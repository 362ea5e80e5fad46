import { checkSheets } from '../../src/engine/check';
import { parseA1, toA1 } from '../../src/engine/grid/address';
import { alarmKeys } from '../helpers/check';
import { departmentForm, projectForm } from '../helpers/forms';
import { getCell, type Rows, setCell } from '../helpers/grid';
import { roundTrip } from '../helpers/workbook';

function shift(addr: string, dr: number, dc: number): string {
  const ref = parseA1(addr)!;
  return toA1({ row: ref.row + dr, col: ref.col + dc });
}

/** Replace a label wherever it stands in the rows. */
function relabel(rows: Rows, from: string, to: string): Rows {
  for (const row of rows) for (let i = 0; i < row.length; i++) if (row[i] === from) row[i] = to;
  return rows;
}

describe('layout variants, read from real .xlsx files', () => {
  test('the seed fixture layout: merged cells, labels with line breaks', async () => {
    const rows = departmentForm();
    setCell(rows, 'D3', 505.12);
    const { sheets } = await roundTrip([
      {
        name: '自评表',
        rows,
        merges: ['A1:I1', 'A2:A10', 'B3:B5', 'B6:B10', 'A12:A19', 'B13:B16', 'B17:B18', 'A20:F20'],
      },
    ]);
    const r = checkSheets(sheets);
    expect(r.status).toBe('checked');
    // 505.12 also makes the stated 97.01% wrong: 490.10 ÷ 505.12 = 97.03%
    expect(alarmKeys(r)).toEqual(['funds.sum-mismatch@D3', 'funds.rate-mismatch@F3']);
  });

  test('shifted columns and extra title rows (附件2, 填报单位, 金额单位): findings at the shifted addresses', async () => {
    const rows = departmentForm();
    setCell(rows, 'H20', 96);
    const title: Rows = [
      ['附件2'],
      ['填报单位（盖章）：某某区民政局', null, null, null, null, '金额单位：万元'],
      [],
    ];
    const { sheets } = await roundTrip([
      { name: 'Sheet1', rows: [...title, ...rows], origin: { row: 2, col: 3 } },
    ]);
    const r = checkSheets(sheets);
    // A1 of the form lands at C5 (1 blank row + 3 title rows above, 2 columns to the left)
    expect(alarmKeys(r)).toEqual([`total.score-sum-mismatch@${shift('H20', 4, 2)}`]);
  });

  test('label synonyms and spaced labels', async () => {
    const rows = departmentForm();
    relabel(rows, '全年预算数', '全年预算数（A）');
    relabel(rows, '全年执行数', '全年执行数（B）');
    relabel(rows, '执行率', '执行率（B/A）');
    relabel(rows, '分值', '权重');
    relabel(rows, '项目', '项   目');
    relabel(rows, '（1）财政拨款', '（1）本年财政拨款');
    relabel(rows, '（2）其他资金', '（2）上年结转资金');
    relabel(rows, '年度\n指标值', '指标值');
    relabel(rows, '实际\n完成值', '全年完成值');
    relabel(rows, '偏差原因分析及改进措施', '未完成原因分析');
    relabel(rows, '总分', '自评总分');
    setCell(rows, 'F4', '95.85%');
    setCell(rows, 'H15', 8);
    setCell(rows, 'H20', 97.7);
    const { sheets } = await roundTrip([{ name: 'Sheet1', rows }]);
    const r = checkSheets(sheets);
    expect(alarmKeys(r).sort()).toEqual(
      [
        'funds.rate-mismatch@F4',
        'indicator.reason-missing@I15',
        'indicator.score-mismatch@H15',
      ].sort(),
    );
  });

  test('numbers stored as text with full-width spaces and digits; percentages as text', async () => {
    const rows = departmentForm();
    setCell(rows, 'D7', '400.00　');
    setCell(rows, 'E7', '　３９０');
    setCell(rows, 'F7', '　97.50%');
    setCell(rows, 'D3', '505.22 ');
    setCell(rows, 'E9', '96　');
    const { sheets } = await roundTrip([{ name: 'Sheet1', rows }]);
    const r = checkSheets(sheets);
    // 295 + 96 = 391 ≠ 390 (E7), and 公用支出's rate 95.00% is now wrong too
    expect(alarmKeys(r).sort()).toEqual(['funds.rate-mismatch@F9', 'funds.sum-mismatch@E7'].sort());
  });

  test('percentages as fractions with a % format, and as 100', async () => {
    const rows = departmentForm();
    setCell(rows, 'F3', 0.9701);
    setCell(rows, 'F5', 100);
    setCell(rows, 'F7', 0.98);
    const { sheets } = await roundTrip([
      { name: 'Sheet1', rows, formats: { F3: '0.00%', F7: '0.00%' } },
    ]);
    const r = checkSheets(sheets);
    expect(alarmKeys(r)).toEqual(['funds.rate-mismatch@F7']);
  });

  test('formulas: cached results are checked; a formula without a cached result is not called blank', async () => {
    const rows = departmentForm();
    const { sheets } = await roundTrip([
      {
        name: 'Sheet1',
        rows,
        formulas: {
          D3: { formula: 'SUM(D4:D5)', result: 505.22 },
          E3: { formula: 'SUM(E4:E5)', result: 490.2 },
          F3: { formula: 'E3/D3', result: 0.97007 },
          D6: { formula: 'D7+D10', result: null },
        },
        formats: { F3: '0.00%' },
      },
    ]);
    const r = checkSheets(sheets);
    // E3's cached 490.2 ≠ 465.10 + 25.00; F3's cached 97.01% no longer matches 490.2 ÷ 505.22 = 97.03%;
    // D6 has no cached result, so it is unknown rather than blank: no blank-total warning
    expect(alarmKeys(r)).toEqual(['funds.sum-mismatch@E3', 'funds.rate-mismatch@F3']);
  });

  test('the form on the second sheet, after an instructions sheet', async () => {
    const { sheets } = await roundTrip([
      {
        name: '填表说明',
        rows: [['填表说明'], ['1. 金额单位为万元。'], ['2. 执行率保留两位小数。']],
      },
      { name: '部门整体', rows: setCell(departmentForm(), 'H13', 18) },
    ]);
    const r = checkSheets(sheets);
    expect(r.sheet).toBe('部门整体');
    expect(alarmKeys(r).sort()).toEqual(
      [
        'indicator.reason-missing@I13',
        'indicator.score-mismatch@H13',
        'total.score-sum-mismatch@H20',
      ].sort(),
    );
  });

  test('a 项目支出绩效自评表 with 年初预算数, 指标性质 and 度量单位 columns', async () => {
    const rows = projectForm();
    // insert 指标性质 and 度量单位 columns after 三级指标 in the indicator part
    for (let i = 10; i < rows.length - 1; i++) {
      const row = rows[i];
      const extra = i === 10 ? ['指标性质', '度量单位'] : i === 11 ? ['反向', '元'] : ['', ''];
      row.splice(4, 0, ...extra);
    }
    rows[rows.length - 1].splice(4, 0, null, null);
    setCell(rows, 'G12', 500);
    setCell(rows, 'H12', 520);
    setCell(rows, 'K12', '成本控制说明');
    // 服务老人人数 becomes a reverse cost target in 元 (性质 and 单位 from their columns):
    // 520 against ≤500 is missed → 25 × 500 ÷ 520 = 24.04
    const r = checkSheets((await roundTrip([{ name: 'Sheet1', rows }])).sheets);
    expect(r.formKind).toBe('project');
    const keys = alarmKeys(r);
    expect(keys).toContain('indicator.score-mismatch@J12');
    expect(r.findings.find((f) => f.rule === 'indicator.score-mismatch')?.expected).toBe('24.04');
    expect(getCell(rows, 'E11')).toBe('指标性质');
  });

  test('a workbook without a form is not-a-form, with a sentence saying what was looked for', async () => {
    const { sheets } = await roundTrip([
      {
        name: '通讯录',
        rows: [
          ['姓名', '电话'],
          ['张三', '13800000000'],
        ],
      },
    ]);
    const r = checkSheets(sheets);
    expect(r.status).toBe('not-a-form');
    expect(r.message).toContain('全年预算数');
    expect(r.message).toContain('年度指标值');
    expect(r.message).toContain('通讯录');
  });
});
