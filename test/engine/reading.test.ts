import { isHeaderLike } from '../../src/engine/locate/labels';
import { alarmKeys, byRule, checkRows } from '../helpers/check';
import { departmentForm, projectForm } from '../helpers/forms';
import { type Rows, setCell } from '../helpers/grid';

/**
 * RULES §1.3: where the labels allow several structural readings, the one under which the form's
 * identities hold is taken. For each kind of choice: a form the naive reading gets wrong, read
 * right; and a real mistake that no reading explains away.
 */

/** A copy of the rows with a column inserted before `index` (0-based), values by 1-based row. */
function insertColumn(rows: Rows, index: number, values: Record<number, unknown>): Rows {
  return rows.map((row, i) => {
    const copy = [...row];
    while (copy.length < index) copy.push(null);
    copy.splice(index, 0, (values[i + 1] ?? null) as Rows[number][number]);
    return copy;
  });
}

describe('the total row: 总分 in another column of a shared row (Yunnan 公开14表)', () => {
  /** The project form with its 总分 row written as `其他需要说明事项 | 无 | 总分 | 100 | 99.5`. */
  function sharedTotal(score: number): Rows {
    const rows = projectForm();
    rows[rows.length - 1] = [null, '其他需要说明事项', '无', null, '总分', 100, score, '优'];
    return rows;
  }

  test('the row is the total, not an indicator worth 99.5', () => {
    const r = checkRows(sharedTotal(99.5));
    expect(alarmKeys(r)).toEqual([]);
    expect(r.summary.statedTotal).toBe('99.5');
    expect(r.summary.coverage.indicatorRows).toBe(5);
    expect(r.reading?.totalRow).toBe(17);
    expect(r.reading?.totalCells).toEqual({ weight: 'F17', score: 'G17' });
    expect(r.reading?.decisions).toMatchObject([
      { kind: 'total-row', chosen: '第 17 行是总分行（“总分”在 E17）', tie: false },
    ]);
  });

  test('a wrong stated total is still an error at the cell the total row holds', () => {
    const r = checkRows(sharedTotal(97));
    expect(alarmKeys(r)).toEqual(['total.score-sum-mismatch@G17']);
  });

  test('without the choice (today’s naive reading) the row would be an indicator: the reading says what it did not take', () => {
    const r = checkRows(sharedTotal(99.5));
    expect(r.reading?.decisions[0].others).toEqual([
      expect.objectContaining({ says: '第 17 行是一条指标' }),
    ]);
    expect(r.reading?.decisions[0].others[0].fails).toBeGreaterThan(0);
  });
});

describe('weights: a 自评权重 column merged down each block beside the rows’ 分值 (Jiangxi)', () => {
  /** The department form with 自评权重 inserted before 分值 (G), merged down each level-1 block. */
  function jiangxi(edit?: (rows: Rows) => void): { rows: Rows; merges: string[] } {
    const rows = insertColumn(departmentForm(), 6, { 12: '自评权重', 13: 50, 17: 30, 19: 10 });
    edit?.(rows);
    return { rows, merges: ['G13:G16', 'G17:G18'] };
  }

  test('the naive reading (自评权重 as every row’s weight) is not taken: no false alarm', () => {
    const { rows, merges } = jiangxi();
    const r = checkRows(rows, { merges });
    expect(alarmKeys(r)).toEqual([]);
    expect(r.summary.fullMarks).toBe('100');
    const weights = r.reading?.blocks.find((b) => b.part === 'indicators')?.columns;
    expect(weights?.find((c) => c.role === 'weight')?.column).toBe('H');
    expect(r.reading?.decisions).toMatchObject([
      { kind: 'weights', chosen: '分值取 H 列（分值），G 列纵向合并的数是所在块的权重' },
    ]);
  });

  test('a score that breaks the rules is still found under the chosen reading', () => {
    // 培训场次 ≥12场, 12场 met: 20 of 20, scored 18.
    const { rows, merges } = jiangxi((rows) => setCell(rows, 'I13', 18));
    const r = checkRows(rows, { merges });
    expect(alarmKeys(r)).toEqual([
      'indicator.score-mismatch@I13',
      'total.score-sum-mismatch@I20',
      'indicator.reason-missing@J13',
    ]);
  });

  test('a block whose rows do not fill its weight is a real mistake, not explained away', () => {
    // 产出 rows 20 + 10 + 10 + 10 = 50 = 自评权重; make one 15: Σ 分值 105 ≠ 100.
    const { rows, merges } = jiangxi((rows) => {
      setCell(rows, 'H14', 15);
      setCell(rows, 'I14', 15);
    });
    const r = checkRows(rows, { merges });
    expect(r.reading?.decisions[0].chosen).toMatch(/^分值取 H 列/);
    expect(alarmKeys(r)).toEqual(
      expect.arrayContaining(['total.weight-sum-mismatch@H20', 'total.score-sum-mismatch@I20']),
    );
  });
});

describe('choice points searched together: a shared-row 总分 on a form with block weights', () => {
  /** The Jiangxi form above with its 总分 row written as `其他需要说明事项 | 无 | 总分 | … | 100 | 99.7`. */
  function both(score: number): { rows: Rows; merges: string[] } {
    const rows = insertColumn(departmentForm(), 6, { 12: '自评权重', 13: 50, 17: 30, 19: 10 });
    rows[rows.length - 1] = [null, '其他需要说明事项', '无', null, '总分', null, null, 100, score];
    return { rows, merges: ['G13:G16', 'G17:G18'] };
  }

  test('the total row is judged with the weights read at their best, not as the labels first give them', () => {
    const { rows, merges } = both(99.7);
    const r = checkRows(rows, { merges });
    expect(alarmKeys(r)).toEqual([]);
    expect(r.summary.statedTotal).toBe('99.7');
    const [total, weights] = r.reading!.decisions;
    expect(total).toMatchObject({ kind: 'total-row', chosen: '第 20 行是总分行（“总分”在 E20）' });
    expect(weights).toMatchObject({
      kind: 'weights',
      chosen: expect.stringMatching(/^分值取 H 列/),
    });
    // Settled one after another, the total row was weighed under the 自评权重 column as every row's
    // weight (14 holding, 7 failing on both sides, won by one identity). Searched together, each
    // side carries its best weights: every identity holds under the chosen one, one fails without.
    expect(total).toMatchObject({ holds: 17, fails: 0, cost: '0', tie: false });
    expect(total.others).toEqual([{ says: '第 20 行是一条指标', holds: 16, fails: 1, cost: '1' }]);
  });

  test('a wrong stated total is still found at its cell', () => {
    const { rows, merges } = both(97);
    expect(alarmKeys(checkRows(rows, { merges }))).toEqual(['total.score-sum-mismatch@I20']);
  });
});

describe('numbered sub-rows that restate their parent (the Hubei 2020 template in Yunnan 隆阳)', () => {
  /** The project form's 产出 block as a parent 一、 (50 / 50) with its three children 1、2、3、. */
  function numbered(childScore = 15): Rows {
    const rows = projectForm();
    const head = rows.slice(0, 11);
    const tail = rows.slice(14);
    return [
      ...head,
      [null, '产出指标', '一、产出指标', null, null, null, 50, 25 + childScore + 10, null],
      [null, null, '数量指标', '1、服务老人人数', '≥500人', '520人', 25, 25, null],
      [null, null, '质量指标', '2、服务合格率', '≥95%', '96%', 15, childScore, null],
      [null, null, '时效指标', '3、资金拨付及时性', '及时', '及时拨付', 10, 10, null],
      ...tail,
    ];
  }

  test('only the children are counted; the parent is their block', () => {
    const r = checkRows(numbered());
    expect(alarmKeys(r)).toEqual([]);
    expect(r.summary.fullMarks).toBe('100');
    expect(r.summary.coverage.indicatorRows).toBe(5);
    expect(r.reading?.decisions).toMatchObject([
      { kind: 'sub-rows', chosen: '只计下级行（1、2、…），上级行（一、二、…）是其合计' },
    ]);
  });

  test('a child scored below its met target is an error the reading does not hide', () => {
    // 服务合格率 ≥95%, 96%: 15 of 15, scored 12 (the parent restates 47).
    const r = checkRows(numbered(12));
    expect(alarmKeys(r)).toEqual(
      expect.arrayContaining(['indicator.score-mismatch@H14', 'total.score-sum-mismatch@H18']),
    );
  });
});

describe('a header word or part of a sentence', () => {
  test('a sentence that names a column and an amount is not a header', () => {
    expect(isHeaderLike('全年执行数')).toBe(true);
    expect(isHeaderLike('执行数为125.25万元')).toBe(false);
    expect(isHeaderLike('全年执行数490.10万元，执行率97%')).toBe(false);
    expect(isHeaderLike('预算执行率高于90%')).toBe(false);
  });

  test('a 年度总体目标 sentence under the number columns leaves the form read whole', () => {
    const rows = departmentForm();
    setCell(rows, 'D11', '全年预算数505.22万元');
    setCell(rows, 'F11', '全年执行数490.10万元，执行率97.01%');
    const r = checkRows(rows);
    expect(alarmKeys(r)).toEqual([]);
    expect(r.summary.coverage).toMatchObject({ fundRows: 8, indicatorRows: 7, missing: [] });
  });
});

describe('header words the lexicon does not know, tried through their stems', () => {
  test('实际支付金额 and 本项得分 are read as the executed amount and the score, marked guessed', () => {
    const rows = projectForm();
    setCell(rows, 'E5', '实际支付金额');
    setCell(rows, 'H11', '本项得分');
    const r = checkRows(rows);
    expect(alarmKeys(r)).toEqual([]);
    const cols = r.reading?.blocks.flatMap((b) => b.columns) ?? [];
    expect(cols.find((c) => c.header === '实际支付金额')).toMatchObject({
      column: 'E',
      role: 'executed',
      guessed: true,
    });
    expect(cols.find((c) => c.header === '本项得分')).toMatchObject({
      role: 'score',
      guessed: true,
    });
    expect(r.reading?.text).toContain('E 全年执行数（推测）');
  });

  test('a known word beats a stem for the same role', () => {
    const rows = projectForm();
    setCell(rows, 'I5', '实际支付金额');
    const r = checkRows(rows);
    const funds = r.reading?.blocks.find((b) => b.part === 'funds')?.columns ?? [];
    expect(funds.find((c) => c.role === 'executed')).toMatchObject({ column: 'E', guessed: false });
  });
});

describe('amounts with a unit in the cell', () => {
  test('150万 and 125.25万 are 万元: a wrong execution score is found', () => {
    const rows = projectForm();
    setCell(rows, 'C6', '200万');
    setCell(rows, 'D6', '200万');
    setCell(rows, 'E6', '190万');
    setCell(rows, 'H6', 10);
    const r = checkRows(rows);
    expect(byRule(r, 'funds.exec-score-mismatch').map((f) => f.cells[0])).toEqual(['H6']);
  });
});

describe('nothing dropped (RULES §1.2)', () => {
  test('indicator rows after three empty template rows are still read, and so is the total', () => {
    const rows = departmentForm();
    const tail = rows.splice(16); // 效益 rows, 满意度, 总分
    rows.push([], [], [], ...tail);
    const r = checkRows(rows);
    expect(r.summary.coverage.indicatorRows).toBe(7);
    expect(r.reading?.totalRow).toBe(23);
    expect(alarmKeys(r)).toEqual([]);
  });
});

describe('a target-only form: 年度指标值 and 实际完成值, no 分值 and no 得分 (Hunan 县级专项资金绩效目标自评表)', () => {
  /** The project form without its 分值 and 得分 columns (G, H) in the indicator block and total. */
  function targetOnly(): Rows {
    const rows = projectForm();
    return rows
      .map((row, i) => (i >= 10 ? [...row.slice(0, 6), ...row.slice(8)] : row))
      .slice(0, 16);
  }

  test('every indicator row is read; a missed target without a reason is found; no total is asked for', () => {
    const rows = targetOnly();
    setCell(rows, 'F12', '480人'); // ≥500人 not met
    const r = checkRows(rows);
    expect(r.summary.coverage.indicatorRows).toBe(5);
    expect(r.summary.coverage.missing).toEqual([]);
    expect(alarmKeys(r)).toEqual(['indicator.reason-missing@G12']);
    expect(byRule(r, 'total.missing')).toEqual([]);
    expect(r.summary.grade).toBeNull();
  });

  test('all targets met: nothing to say', () => {
    const r = checkRows(targetOnly());
    expect(alarmKeys(r)).toEqual([]);
    expect(r.summary.coverage.recomputed).toBe(3);
  });
});

describe('a rate column named by the form’s own formula (a special-bond 专项债券项目绩效自评表)', () => {
  /** One unlabelled 资金 row under a header whose caption states 实际支出金额 / 下达额度. */
  function bondForm(rate: string | number, caption: string): Rows {
    return [
      ['项目名称', '某燃气管道改造工程', null, null, null, '项目单位', '某街道办事处'],
      [
        '当年绩效指标',
        '债券资金管理指标(10分)',
        caption,
        '实际支出 金额',
        '下达 额度',
        '实际 完成值',
        '分值',
        '得分',
      ],
      [null, null, null, '900', '1,000', rate, 10, 9],
      [null, '一级指标', '二级指标', '三级指标', '目标值', '实际 完成值', '分值', '得分'],
      [null, '产出指标', '数量指标', '改造小区数', '12个', '12个', 90, 90],
    ];
  }
  const merges = ['A2:A5', 'B2:B3', 'C2:C3'];
  const ratio = '总体支出进度 (当年实际支出金额/项目当年下达额度)';

  test('实际完成值 under a caption stating the ratio is the rate (guessed); a right one passes', () => {
    const r = checkRows(bondForm('90%', ratio), { merges });
    expect(alarmKeys(r)).toEqual([]);
    const funds = r.reading?.blocks.find((b) => b.part === 'funds')?.columns ?? [];
    expect(funds.map((c) => `${c.column} ${c.role}${c.guessed ? '?' : ''}`)).toEqual([
      'D executed',
      'E budget?',
      'F rate?',
      'G weight',
      'H score',
    ]);
    expect(r.summary.coverage.fundRows).toBe(1);
  });

  test('an amount written where the ratio goes is an error the formula reveals', () => {
    const r = checkRows(bondForm('900', ratio), { merges });
    expect(alarmKeys(r)).toEqual(['funds.rate-mismatch@F3']);
  });

  test('without the formula, 实际完成值 is not taken as a rate', () => {
    const r = checkRows(bondForm('900', '总体支出进度'), { merges });
    const funds = r.reading?.blocks.find((b) => b.part === 'funds')?.columns ?? [];
    expect(funds.map((c) => c.role)).not.toContain('rate');
    expect(byRule(r, 'funds.rate-mismatch')).toEqual([]);
  });
});

describe('a 资金 part that states only its rate, weight and score (no amounts)', () => {
  /** The project form with its 资金 rows replaced by one row: 执行率 | 分值 | 得分. */
  function rateOnlyForm(label: string | null, rate: string, score: number): Rows {
    const rows = projectForm();
    rows.splice(
      4,
      5,
      ['项目资金执行', null, '执行率', '分值', '得分'],
      [null, label, rate, 10, score],
    );
    return rows;
  }

  test.each([['预算执行率'], [null]])(
    'the one row (label %p) is read and its score recomputed from the stated rate',
    (label) => {
      const r = checkRows(rateOnlyForm(label, '95%', 9.5));
      expect(alarmKeys(r)).toEqual([]);
      expect(r.summary.coverage.fundRows).toBe(1);
      const roles = r.reading?.blocks.find((b) => b.part === 'funds')?.columns.map((c) => c.role);
      expect(roles?.filter((role) => role !== 'label')).toEqual(['rate', 'weight', 'score']);
    },
  );

  test('a score above 分值 × the stated rate is an error that says how it was recomputed', () => {
    const r = checkRows(rateOnlyForm('预算执行率', '95%', 10));
    const [f] = byRule(r, 'funds.exec-score-mismatch');
    expect(f.cells[0]).toBe('E6');
    expect(f.message).toContain('分值 10 × min(填报的执行率 95.00%, 100%) = 9.5，实填 10');
    expect(f.expected).toBe('9.5');
  });

  test('a part with amounts is still recomputed from its amounts, never from the stated rate', () => {
    const rows = projectForm();
    setCell(rows, 'H6', 10); // 10 × 190 / 200 = 9.5
    setCell(rows, 'G6', '100%');
    const r = checkRows(rows);
    expect(byRule(r, 'funds.exec-score-mismatch')[0]?.message).toContain('190.00 ÷ 200.00');
  });
});
