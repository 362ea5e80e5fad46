import { readFileSync } from 'fs';
import * as path from 'path';
import { readDocx } from '../helpers/docx';
import { locateForms } from '../../src/engine/locate/locateForm';
import { crossCheckReport } from '../../src/engine/narrative/crossCheck';

const seed = readDocx(readFileSync(path.join(__dirname, '../fixtures/docx/yuelu-2022.docx')));
const located = locateForms(seed.sheets);
if (!located.found) throw new Error('seed form not found');
const form = located.forms[0].form;
const check = (...texts: string[]) =>
  crossCheckReport(
    form,
    texts.map((text, i) => ({ index: i + 1, text })),
  );

describe('crossCheckReport: the narrative against the seed form', () => {
  test('amounts agree after rounding to the precision written, in 万元 or 元', () => {
    expect(
      check(
        '我会整体支出为299.59万元。',
        '基本支出254.9万元，人员经费2334800元。',
        '日常公用经费21.37万元。',
      ),
    ).toEqual([]);
    const [f] = check('项目支出为447500元。');
    expect(f.rule).toBe('report.amount-mismatch');
    expect(f.cells).toEqual(['E12']);
    expect(f.actual).toBe('447500元');
  });

  test('budget figures, 三公经费 and lines the form does not hold are not compared', () => {
    expect(
      check(
        '专项资金预算金额为41.8万元。',
        '“三公”经费2022年总共使用0万元。',
        '困难职工专项指定资金4万元。',
      ),
    ).toEqual([]);
  });

  test('a change (同比增加 …万元) is not a line amount, nor an item or the total of a list', () => {
    // 南县政协 2021 (test/fixtures/docx/src/hunan-nanxian-cppcc-2021-report.json), paragraph 5:
    // read as a list, 792.22 + 209.28 was compared with the 增加 189.25 before it.
    const nanxian = check(
      '1、收入:792.22万元。同比上年度增加189.25万元,增加31.39%。其中:财政拨款收入792.22万元,同比上年度增加209.28万元,增加35.9%。',
    );
    expect(nanxian.filter((f) => f.rule === 'report.itemised-sum-mismatch')).toEqual([]);
    // The level is still compared (this is another department's narrative against the seed form).
    expect(nanxian.map((f) => [f.rule, f.cells])).toEqual([['report.amount-mismatch', ['E6']]]);
    expect(check('项目支出同比增加20万元。', '项目支出比上年减少3.5万元。')).toEqual([]);
    expect(check('项目支出20万元。').map((f) => f.rule)).toEqual(['report.amount-mismatch']);
    // A change inside a list is left out of the items; the list is still added up.
    const [f] = check(
      '基本支出总计254.85万元，其中人员经费支出233.48万元，同比增加10万元；日常公用经费20万元。',
    );
    expect(f.rule).toBe('report.itemised-sum-mismatch');
    expect(f.message).toContain('233.48 + 20 = 253.48 万元');
  });

  test('a published narrative whose 其中 parts miss its total (绵阳市科学技术局 2021, paragraph 3)', () => {
    const all = check(
      '绵阳市科学技术局主要有部门预算项目支出、专项预算支出二类支出,项目资金总预算为2455.5万元,其中部门预算项目支出87.5万元,专项预算支出2350万元。',
    );
    // 87.5 is also compared with the seed form's 项目支出 (another department): not the point here.
    const [f, ...rest] = all.filter((x) => x.rule === 'report.itemised-sum-mismatch');
    expect(rest).toEqual([]);
    expect(f.message).toContain('87.5 + 2350 = 2437.5 万元');
    expect([f.expected, f.actual]).toEqual(['2455.5万元', '2437.5万元']);
  });

  test('itemised lists: 其中 and 一是/二是, within the amount tolerance', () => {
    expect(
      check('基本支出总计254.85万元，其中人员经费支出233.48万元；日常公用经费21.37万元。'),
    ).toEqual([]);
    const [f] = check('基本支出总计254.85万元，其中人员经费支出233.48万元；日常公用经费20万元。');
    expect(f.rule).toBe('report.itemised-sum-mismatch');
    expect(f.message).toContain('233.48 + 20 = 253.48 万元');
  });

  test('the stated total score and execution rate', () => {
    const [score] = check('经自评，我会2022年度部门整体支出绩效自评得分为98分，等级为优。');
    expect(score).toMatchObject({
      rule: 'report.total-score-mismatch',
      cells: ['H34'],
      expected: '96',
      actual: '98',
      paragraph: 1,
    });
    expect(check('自评总分96分。')).toEqual([]);
    const [rate] = check('项目支出预算执行率为95%。');
    expect(rate).toMatchObject({ rule: 'report.rate-mismatch', cells: ['F12'], actual: '95%' });
    expect(check('整体预算执行率100%。')).toEqual([]);
  });

  test('staff: 编制 and 实有 (在职, or 在职 + 离退休)', () => {
    const base = ['一、部门（单位）概况', '（一）部门（单位）基本情况'];
    expect(check(...base, '现有编制人数3人，目前实有在职人员7人，离退休人员1人。')).toEqual([]);
    expect(check(...base, '现有编制人数3人，实有在职人员8人。')).toEqual([]);
    const found = check(...base, '现有编制人数4人，实有在职人员6人，离退休人员1人。');
    expect(found.map((f) => [f.rule, f.cells[0], f.expected, f.actual])).toEqual([
      ['report.count-mismatch', 'B3', '3', '4'],
      ['report.count-mismatch', 'E3', '8', '6+1'],
    ]);
  });

  test('each finding names the paragraph, quotes the sentence and spans it in the paragraph', () => {
    const text =
      '第一句无关。2.为完成特定行政工作任务而发生的项目支出实际金额为44.75万元，其余略。';
    const [f] = check(text);
    expect(f.paragraph).toBe(1);
    expect(text.slice(f.span.start, f.span.end)).toBe(
      '2.为完成特定行政工作任务而发生的项目支出实际金额为44.75万元，其余略。',
    );
    expect(f.message.startsWith(`自评报告第 1 段“${f.quote}”`)).toBe(true);
  });
});
