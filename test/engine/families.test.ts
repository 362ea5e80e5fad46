import { checkWorkbook } from '../../src/engine/check';
import { SheetView } from '../../src/engine/grid/sheet';
import { readFundsHeader } from '../../src/engine/locate/funds';
import { readIndicatorHeader } from '../../src/engine/locate/indicators';
import { alarmKeys, byRule, checkRows } from '../helpers/check';
import { departmentForm, projectForm } from '../helpers/forms';
import { type Rows, setCell, snapshot } from '../helpers/grid';

/** docs/rules.md §1.1: the traits of published template families, each read and checked by its rules. */

const sichuanFunds: Rows = [
  [
    '预算执行情况(10分)',
    '年度预算数(万元)',
    '年初预算',
    '调整后预算数',
    '预算执行数',
    '预算执行率',
    '权重',
    '得分',
    '原因',
  ],
  [null, '总额', '238.93', '251.89', '251.89', '100.00%', 10, 10, null],
  [null, '其中:财政资金', '238.93', '251.89', '251.89', '100.00%', '/', '/', null],
  [null, '财政专户管理资金', '0.00', '0.00', '0.00', '0.00%', '/', '/', null],
  [null, '单位资金', '0.00', '0.00', '0.00', '0.00%', '/', '/', null],
  [null, '其他资金', null, null, null, null, '/', '/', null],
];

describe('header roles are decided over the whole header', () => {
  test('a caption over the row-label column (年度预算数（万元）) is not the budget column', () => {
    const h = readFundsHeader(new SheetView(snapshot(sichuanFunds, { merges: ['A1:A6'] })), 0);
    expect(h?.columns).toMatchObject({
      initialBudget: 2,
      budget: 3,
      exec: 4,
      rate: 5,
      weight: 6,
      score: 7,
    });
  });

  test('a side caption merged down the rows (年度预算申请（万元）) takes no role', () => {
    const rows: Rows = [
      ['年度预算申请（万元）', '项目', '全年预算数', '全年执行数', '执行率'],
      [null, '合计', 100, 95, '95%'],
      [null, '财政拨款', 100, 95, '95%'],
    ];
    const h = readFundsHeader(new SheetView(snapshot(rows, { merges: ['A1:A3'] })), 0);
    expect(h?.columns).toEqual({ budget: 2, exec: 3, rate: 4 });
  });

  test('执行率权重 is the weight and 执行率得分（分） the score, not the rate', () => {
    const rows: Rows = [
      [
        '部门预算执行情况（万元）',
        '年初预算数',
        '全年（调整）预算数',
        '全年执行数',
        '执行率（%）',
        '执行率权重',
        '执行率得分（分）',
      ],
      [null, 100, 100, 80, '80%', 10, 8],
    ];
    expect(readFundsHeader(new SheetView(snapshot(rows)), 0)?.columns).toEqual({
      initialBudget: 1,
      budget: 2,
      exec: 3,
      rate: 4,
      weight: 5,
      score: 6,
    });
  });

  test('年初预算数(A) is the denominator when it is the only budget column', () => {
    const rows: Rows = [
      ['资金', '项目', '年初预算数(A)', '全年执行数(B)', '分值(10分)', '得分'],
      [null, '年度资金总额:', 100, 90, 10, 9],
    ];
    expect(readFundsHeader(new SheetView(snapshot(rows)), 0)?.columns).toEqual({
      budget: 2,
      exec: 3,
      weight: 4,
      score: 5,
    });
  });

  test('得分系数(%) is a coefficient, 指标得分（分） the score, 调整指标值 the adjusted target', () => {
    const rows: Rows = [
      [
        '绩效指标',
        '指标名称',
        '计量单位',
        '指标性质',
        '年初指标值',
        '调整指标值',
        '全年完成值',
        '得分系数（%）',
        '指标权重（分）',
        '指标得分（分）',
        '是否核心指标',
      ],
    ];
    expect(readIndicatorHeader(new SheetView(snapshot(rows)), 0)?.columns).toEqual({
      level3: 1,
      unit: 2,
      nature: 3,
      target: 4,
      adjustedTarget: 5,
      actual: 6,
      coefficient: 7,
      weight: 8,
      score: 9,
    });
  });

  test('a section label (年度绩效指标完成情况) is not the actual-value column', () => {
    const rows: Rows = [
      [
        '年度绩效指标完成情况',
        '一级指标',
        '二级指标',
        '三级指标',
        '年度指标值',
        '实际完成值',
        '分值',
        '得分',
        '偏差原因分析及改进措施',
      ],
    ];
    expect(readIndicatorHeader(new SheetView(snapshot(rows)), 0)?.columns).toMatchObject({
      target: 4,
      actual: 5,
      weight: 6,
      score: 7,
      reason: 8,
    });
  });

  test('分解目标 is the level-1 column (Jiangxi)', () => {
    const rows: Rows = [
      [
        '分解目标',
        '二级指标',
        '三级指标',
        '年度指标值',
        '实际完成值',
        '分值',
        '得分',
        '偏差及原因分析',
      ],
    ];
    expect(readIndicatorHeader(new SheetView(snapshot(rows)), 0)?.columns).toMatchObject({
      level1: 0,
      level2: 1,
      level3: 2,
      reason: 7,
    });
  });

  test('参考分值 (a qualified weight header, Ningxia) is the weight column', () => {
    const rows: Rows = [
      [
        '一级指标',
        '二级指标',
        '三级指标',
        '参考\n分值',
        '指标值(A)',
        '全年实际值(B)',
        '得分',
        '未完成原因分析及改进措施',
      ],
      ['项目产出(30分)', '数量指标(10分)', '保障人数', 10, '2370人', '2370人', 10, null],
    ];
    const h = readIndicatorHeader(new SheetView(snapshot(rows)), 0);
    expect(h?.columns).toMatchObject({ weight: 3, target: 4, actual: 5, score: 6, reason: 7 });
  });

  test('a table with 分值 and 得分 but no targets and actuals is not an indicator table', () => {
    const rows: Rows = [
      ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '评价标准', '指标说明', '得分'],
    ];
    expect(readIndicatorHeader(new SheetView(snapshot(rows)), 0)).toBeNull();
  });
});

describe('template families', () => {
  test('Sichuan 0013zp: text amounts, the caption over the labels, 合计 total; every 资金 row read', () => {
    const rows: Rows = [
      ['部门预算项目支出绩效自评表'],
      ...sichuanFunds,
      [
        '绩效指标(90分)',
        '一级指标',
        '二级指标',
        '三级指标',
        '指标性质',
        '指标值',
        '度量单位',
        '完成值',
        '权重',
        '得分',
        '未完成原因分析',
      ],
      [null, '产出指标', '数量指标', '发放覆盖率', '=', '100', '%', '100', 60, 60, null],
      [null, '效益指标', '社会效益指标', '足额保障率', '=', '100', '%', '95', 30, 30, null],
      ['合计', null, null, null, null, null, null, null, 100, 100],
      ['评价结论', '结论文字'],
    ];
    const r = checkRows(rows, { merges: ['A2:A7', 'A8:A10', 'A11:H11'] });
    expect(r.summary.coverage).toMatchObject({
      fundRows: 5,
      indicatorRows: 2,
      recomputed: 2,
      missing: [],
    });
    // 95 of 100 scored 30 of 30: 30 × 95 ÷ 100 = 28.5, and the total 100 then disagrees with nothing else.
    expect(alarmKeys(r)).toEqual(['indicator.score-mismatch@J10', 'indicator.reason-missing@K10']);
    expect(byRule(r, 'indicator.score-mismatch')[0]).toMatchObject({
      expected: '28.5',
      fix: { cell: 'J10', value: '28.5' },
    });
  });

  test('Chongqing: one unlabelled 资金 row, 指标名称 only, 得分系数 checked, total in the header block', () => {
    const rows: Rows = [
      ['部门整体绩效自评表', null, null, null, null, null, '自评总分（分）', 100],
      [
        '部门预算执行情况（万元）',
        '年初预算数',
        '全年（调整）预算数',
        '全年执行数',
        '执行率（%）',
        '执行率权重',
        '执行率得分（分）',
      ],
      [null, 100, 100, 100, '100%', 10, 10],
      [
        '绩效指标',
        '指标名称',
        '计量单位',
        '指标性质',
        '年初指标值',
        '调整指标值',
        '全年完成值',
        '得分系数（%）',
        '指标权重（分）',
        '指标得分（分）',
      ],
      [null, '政府采购执行率', '%', '定量指标', '100%', null, '72.74%', '100%', 40, 40],
      [null, '党性教育培训次数', '次', '定量指标', '20次', '26次', '26次', '100%', 50, 50],
    ];
    const r = checkRows(rows);
    expect(r.summary.coverage).toMatchObject({ fundRows: 1, indicatorRows: 2 });
    const keys = alarmKeys(r);
    expect(keys).toContain('indicator.coefficient-mismatch@H5');
    expect(keys).toContain('indicator.score-mismatch@J5');
    expect(byRule(r, 'indicator.coefficient-mismatch')[0]).toMatchObject({
      expected: '72.74%',
      actual: '100%',
    });
    // 调整指标值 26次 is the target: met. The stated 自评总分 100 = 10 + 40 + 50.
    expect(keys.filter((k) => k.endsWith('6'))).toEqual([]);
    expect(byRule(r, 'total.score-sum-mismatch')).toEqual([]);
    expect(r.summary.statedTotal).toBe('100');
  });

  test('Chongqing: a score that is not 权重 × 得分系数 is an error', () => {
    const rows: Rows = [
      [
        '部门预算执行情况（万元）',
        '年初预算数',
        '全年（调整）预算数',
        '全年执行数',
        '执行率（%）',
        '执行率权重',
        '执行率得分（分）',
      ],
      [null, 100, 100, 100, '100%', 10, 10],
      [
        '绩效指标',
        '指标名称',
        '计量单位',
        '指标性质',
        '年初指标值',
        '调整指标值',
        '全年完成值',
        '得分系数（%）',
        '指标权重（分）',
        '指标得分（分）',
      ],
      [null, '宣传活动次数', '次', '定量指标', '≥40次', null, '30次', '75%', 8, 7],
    ];
    const r = checkRows(rows);
    expect(byRule(r, 'indicator.coefficient-mismatch')).toEqual([]);
    expect(alarmKeys(r)).toContain('indicator.score-mismatch@J4');
  });

  test('Hubei 2020: no 分值 column; execution weight from 得分(20分*执行率); block sums against labels', () => {
    const rows: Rows = [
      [
        '预算执行情况(万元)(20分)',
        null,
        null,
        '预算数(A)',
        '执行数(B)',
        '执行率(B/A)',
        '得分(20分*执行率)',
      ],
      [null, '年度财政资金总额', null, 100, 90, '90%', 20],
      [
        '年度绩效目标(80分)',
        '一级指标',
        '二级指标',
        '三级指标',
        '年初目标值(A)',
        '实际完成值(B)',
        '得分',
      ],
      [null, '产出指标(60分)', '数量指标', '企业数量', 3, 3, 40],
      [null, null, '质量指标', '合格率', '90%', '95%', 30],
      [null, '效益指标(20分)', '社会效益指标', '带动就业', '100人', '120人', 20],
      ['总分', null, null, null, null, null, 110],
    ];
    const r = checkRows(rows, { merges: ['A1:A2', 'A3:A6', 'B4:B5', 'A7:F7'] });
    const keys = alarmKeys(r);
    expect(keys).toContain('funds.exec-score-mismatch@G2'); // 20 × 90% = 18
    expect(byRule(r, 'funds.exec-score-mismatch')[0].expected).toBe('18');
    expect(keys).toContain('total.block-score-over-weight@A3'); // 40 + 30 + 20 = 90 > 80
    expect(keys).toContain('total.block-score-over-weight@B4'); // 40 + 30 = 70 > 60
    expect(keys).not.toContain('total.block-score-over-weight@B6'); // 20 ≤ 20
    expect(byRule(r, 'total.weight-sum-mismatch')).toEqual([]); // weights are unknown: nothing to sum
    expect(byRule(r, 'total.score-sum-mismatch')).toEqual([]); // 20 + 90 = 110
  });

  test('Anhui: placeholder rows 指标2： and …… are skipped and not counted', () => {
    const rows = projectForm();
    rows.splice(
      12,
      0,
      [null, null, null, '指标2：', null, null, null, null, null],
      [null, null, null, '……', null, null, null, null, null],
    );
    const r = checkRows(rows);
    expect(r.summary.coverage.indicatorRows).toBe(5);
    expect(alarmKeys(r)).toEqual([]);
  });

  test('an actual written with its comparator (≥266米) is read as 266 米', () => {
    const rows = projectForm();
    setCell(rows, 'E12', '≥266米');
    setCell(rows, 'F12', '≥266米');
    expect(alarmKeys(checkRows(rows))).toEqual([]);
  });
});

/** The base form with its indicator row 16 replaced (the total's 得分 kept in step). */
const withIndicator = (name: string, target: string | null, actual: string, score: number) => {
  const rows = departmentForm();
  setCell(rows, 'D16', name);
  setCell(rows, 'E16', target);
  setCell(rows, 'F16', actual);
  setCell(rows, 'H16', score);
  setCell(rows, 'I16', '原因');
  setCell(rows, 'H20', 89.7 + score);
  return checkRows(rows);
};

describe('预算执行率 held as an indicator with no target (Ningxia 项目管理—投入管理)', () => {
  const withExecution = (target: string | null, actual: string, score: number) =>
    withIndicator('预算执行率', target, actual, score);

  test('target “—”, 100% executed, 9 of 10: full execution earns full marks, an error', () => {
    const r = withExecution('—', '100%', 9);
    expect(byRule(r, 'indicator.score-mismatch')[0]).toMatchObject({ expected: '10' });
  });

  test('a blank target and 95% executed earn 分值 × 95%', () => {
    expect(byRule(withExecution(null, '95%', 9.5), 'indicator.score-mismatch')).toEqual([]);
    const r = withExecution(null, '95%', 10);
    expect(byRule(r, 'indicator.score-mismatch')[0]).toMatchObject({ expected: '9.5' });
  });

  test('another indicator with target “—” stays qualitative', () => {
    const rows = departmentForm();
    setCell(rows, 'D16', '财务管理制度有效性');
    setCell(rows, 'E16', '—');
    setCell(rows, 'F16', '制度健全');
    setCell(rows, 'H16', 9);
    setCell(rows, 'I16', '原因');
    setCell(rows, 'H20', 98.7);
    expect(byRule(checkRows(rows), 'indicator.score-mismatch')).toEqual([]);
  });
});

describe('direction from the name (docs/rules.md §3.2)', () => {
  const withTarget = withIndicator;

  test('结余率 with no comparator is 反向: 8% against 5% earns 10 × 5 ÷ 8', () => {
    const r = withTarget('结余率', '5%', '8%', 10);
    expect(byRule(r, 'indicator.score-mismatch')[0]).toMatchObject({ expected: '6.25' });
  });

  test('结余率 under its target earns full marks', () => {
    expect(byRule(withTarget('结余率', '5%', '3%', 10), 'indicator.score-mismatch')).toEqual([]);
  });

  test('控制率 with no comparator cannot be scored: info, never an error', () => {
    const r = withTarget('公用经费控制率', '100%', '97%', 7);
    expect(byRule(r, 'indicator.score-mismatch')).toEqual([]);
    expect(byRule(r, 'indicator.unverifiable')[0].message).toContain('控制率');
  });
});

describe('其中 lines and unknown parts (docs/rules.md §2.6)', () => {
  test('an unfamiliar 其中 line is a part of its group and counted in the sum', () => {
    const rows = projectForm();
    setCell(rows, 'B9', '其中：中央、省、市补助县级资金');
    setCell(rows, 'C9', 5);
    setCell(rows, 'D9', 5);
    setCell(rows, 'E9', 5);
    setCell(rows, 'G9', '100.00%');
    const r = checkRows(rows);
    expect(r.summary.coverage.fundRows).toBe(4);
    expect(byRule(r, 'funds.sum-mismatch').map((f) => f.cells[0])).toEqual(['C6', 'D6', 'E6']);
  });

  test('a labelled line that is no known part is counted when its group then adds up (RULES §1.3)', () => {
    const rows = projectForm();
    setCell(rows, 'B9', '往来款项');
    setCell(rows, 'C9', 5);
    setCell(rows, 'D9', 5);
    setCell(rows, 'E9', 5);
    for (const a of ['C6', 'D6', 'E6']) setCell(rows, a, 205);
    setCell(rows, 'E6', 195);
    setCell(rows, 'G6', '95.12%');
    setCell(rows, 'G9', '100.00%');
    const r = checkRows(rows);
    expect(r.summary.coverage.unplaced).toEqual([]);
    expect(r.summary.coverage.fundRows).toBe(4);
    expect(byRule(r, 'funds.sum-mismatch')).toEqual([]);
    expect(r.reading?.decisions.map((d) => d.chosen)).toEqual(['“往来款项”计入所在的合计']);
  });

  test('a labelled line that is no known part is never left out of a sum: the sum is not checked', () => {
    const rows = projectForm();
    setCell(rows, 'B9', '往来款项');
    setCell(rows, 'C9', 5);
    setCell(rows, 'D9', 5);
    setCell(rows, 'E9', 5);
    const r = checkRows(rows);
    expect(r.summary.coverage.unplaced).toEqual(['B9']);
    expect(byRule(r, 'funds.unplaced-row')).toHaveLength(1);
    // 200 ≠ 180 + 20 + 5, and 200 = 180 + 20 only without the row: neither is known to be right.
    expect(byRule(r, 'funds.sum-mismatch')).toEqual([]);
  });
});

describe('every form in the file, and what was read', () => {
  test('two forms stacked on one sheet are two results, each with its range', () => {
    const form = departmentForm();
    const rows: Rows = [...form, [], [], ...projectForm()];
    const results = checkWorkbook([snapshot(rows)]);
    expect(results.map((r) => [r.status, r.form, r.formKind])).toEqual([
      ['checked', 'A1:I20', 'department'],
      ['checked', `A21:I${rows.length}`, 'project'],
    ]);
    expect(results.every((r) => alarmKeys(r).length === 0)).toBe(true);
  });

  test('a form on each sheet is a result per sheet; a sheet without one adds none', () => {
    const results = checkWorkbook([
      snapshot([['说明']], { name: '封面' }),
      snapshot(departmentForm(), { name: '甲' }),
      snapshot(projectForm(), { name: '乙' }),
    ]);
    expect(results.map((r) => [r.sheet, r.form])).toEqual([
      ['甲', null],
      ['乙', null],
    ]);
  });

  test('the tail of a form (no 资金 block): sums short of the total are not errors, sums above are', () => {
    const tail: Rows = [
      ['绩效指标(90分)', '一级指标', '二级指标', '三级指标', '指标值', '完成值', '权重', '得分'],
      [null, '产出指标', '数量指标', '发放覆盖率', '100%', '100%', 90, 90],
      ['合计', null, null, null, null, null, 100, 100],
    ];
    const short = checkRows(tail, { merges: ['A1:A2', 'A3:F3'] });
    expect(byRule(short, 'total.weight-sum-mismatch')).toEqual([]);
    expect(byRule(short, 'total.score-sum-mismatch')).toEqual([]);
    expect(byRule(short, 'form.partial')).toHaveLength(1);
    tail[2][6] = 80;
    tail[2][7] = 80;
    const over = checkRows(tail, { merges: ['A1:A2', 'A3:F3'] });
    expect(alarmKeys(over)).toEqual(
      expect.arrayContaining(['total.weight-sum-mismatch@G3', 'total.score-sum-mismatch@H3']),
    );
    // Short by more than any execution weight (20): the indicators themselves do not add up.
    const by = (weight: number, score: number) => {
      const rows = tail.map((r) => [...r]);
      rows[1][6] = weight;
      rows[1][7] = score;
      rows[2][6] = 100;
      rows[2][7] = 100;
      return alarmKeys(checkRows(rows, { merges: ['A1:A2', 'A3:F3'] }));
    };
    expect(by(80, 80)).toEqual([]);
    expect(by(79, 79)).toEqual(
      expect.arrayContaining(['total.weight-sum-mismatch@G3', 'total.score-sum-mismatch@H3']),
    );
  });

  test('a form whose 总分 row is out of view (cut short) gets no grade', () => {
    const rows = projectForm();
    const totalAt = rows.findIndex((r) => r[0] === '总分');
    const r = checkRows(rows.slice(0, totalAt));
    expect(byRule(r, 'total.missing')).toHaveLength(1);
    expect(r.summary.grade).toBeNull();
  });

  test('a partial read says what is missing and gives no recomputed total or grade', () => {
    const r = checkRows(departmentForm().slice(0, 10));
    expect(r.summary.coverage).toMatchObject({
      fundRows: 8,
      indicatorRows: 0,
      missing: ['绩效指标'],
    });
    expect(r.summary.recomputedTotal).toBeNull();
    expect(r.summary.grade).toBeNull();
  });

  test('a 基础数据表 is refused by name, with no findings', () => {
    const rows: Rows = [
      ['部门整体支出绩效评价基础数据表'],
      ['经费控制情况', '上年决算数', '本年预算数', '本年决算数'],
      ['基本支出', 100, 110, 105],
      ['其中：公用经费', 20, 25, 24],
      ['三公经费', 3, 3, 2],
    ];
    const [r] = checkWorkbook([snapshot(rows, { name: '基础数据表' })]);
    expect(r).toMatchObject({ status: 'not-a-form', sheet: '基础数据表', findings: [] });
    expect(r.message).toContain('基础数据表');
  });
});

describe('amounts written with a unit', () => {
  test('4753.66万元 and 2.6亿元 are read in 万元', () => {
    const rows = projectForm();
    setCell(rows, 'C6', '26200万元');
    setCell(rows, 'C7', '2.6亿元');
    setCell(rows, 'C8', '200万元');
    setCell(rows, 'C9', 0);
    expect(byRule(checkRows(rows), 'funds.sum-mismatch')).toEqual([]);
    setCell(rows, 'C6', '2.62亿元');
    setCell(rows, 'C8', '210万元');
    expect(byRule(checkRows(rows), 'funds.sum-mismatch').map((f) => f.expected)).toEqual([
      '26210.00',
    ]);
  });
});

describe('a breakdown written as text in merged cells (Hunan county forms)', () => {
  const form = (sources: string, structure: string, project = '项目支出:40'): Rows => [
    [
      '年度预算申请（万元）',
      null,
      null,
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '分值',
      '执行率',
      '自评得分',
    ],
    [null, '年度资金总额', null, 100, 120, 120, 10, '100%', 10],
    [null, sources, null, null, null, structure, null, null, null],
    [null, '其中: 一般公共预算:100', null, null, null, '其中:基本支出:70', null, null, null],
    [null, '其他资金:20', null, null, null, project, null, null, null],
  ];
  const merges = ['A1:A5', 'B2:C2', 'B3:E3', 'F3:I3', 'B4:E4', 'F4:I4', 'B5:E5', 'F5:I5'];

  test('is read: the columns keep their roles and every item is counted', () => {
    const r = checkRows(form('按收入性质分:120', '按支出性质分:110'), { merges });
    expect(r.summary.coverage.fundRows).toBe(7);
    expect(byRule(r, 'funds.exec-score-mismatch')).toEqual([]);
  });

  test('a heading that is not the sum of its parts, and sources that differ from the structure, are errors', () => {
    const r = checkRows(form('按收入性质分:125', '按支出性质分:110'), { merges });
    const found = byRule(r, 'funds.text-breakdown-mismatch');
    expect(found.map((f) => [f.cells[0], f.expected, f.actual])).toEqual([
      ['B3', '120.00', '125.00'],
      ['F3', '125.00', '110.00'],
    ]);
  });

  test('a consistent breakdown raises nothing', () => {
    const r = checkRows(form('按收入性质分:120', '按支出性质分:120', '项目支出:50'), { merges });
    expect(alarmKeys(r)).toEqual([]);
  });
});

describe('review findings (docs/rules.md against the code)', () => {
  test('a single 其中 line under 基本支出 is a part of it, never the whole', () => {
    const rows = departmentForm();
    setCell(rows, 'C8', '其中：公用经费');
    setCell(rows, 'D8', 100);
    setCell(rows, 'E8', 95);
    rows.splice(8, 1); // no 公用支出 line: the 其中 line stands alone
    const r = checkRows(rows);
    expect(byRule(r, 'funds.sum-mismatch')).toEqual([]);
  });

  test('with 资金来源 ≠ 资金结构 (each agreeing with its parts), no fix is built on either total', () => {
    const rows = departmentForm();
    setCell(rows, 'D4', 481.22); // 资金来源 now 506.22 by its parts
    setCell(rows, 'D3', 506.22);
    setCell(rows, 'F3', null); // the rate of the disputed total, blank
    const r = checkRows(rows);
    expect(byRule(r, 'funds.sources-structure-mismatch')).toHaveLength(1);
    expect(r.findings.filter((f) => f.fix && f.fix.cell === 'F3')).toEqual([]);
    expect(r.findings.filter((f) => f.fix && f.fix.cell === 'H3')).toEqual([]);
  });

  test('no 总分 fix while a score is out of its range', () => {
    const rows = projectForm();
    setCell(rows, 'H14', 20); // 15 allowed
    setCell(rows, 'H17', 104.5);
    const r = checkRows(rows);
    expect(byRule(r, 'total.score-sum-mismatch')[0]?.fix ?? null).toBeNull();
  });

  test('a data row whose 得分计算方法 text mentions 执行率 is not taken into the header', () => {
    const rows: Rows = [
      [
        '部门(单位)总体资金(万元)',
        '资金来源',
        '年初预算数(A)',
        '全年执行数(B)',
        '分值(10分)',
        '得分',
        '得分计算方法',
      ],
      [null, '年度资金总额', 1172.55, 1268.72, 10, 10, '执行率*该指标分值'],
      [null, '基本支出', 985.19, 914.97, 10, 10, null],
      [null, '项目支出', 187.36, 353.75, 10, 10, null],
    ];
    const r = checkRows(rows);
    expect(r.summary.coverage.fundRows).toBe(3);
    expect(byRule(r, 'funds.exec-score-mismatch').map((f) => f.cells[0])).toEqual(['F3']);
  });
});
