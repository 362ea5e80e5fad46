import { readFileSync } from 'fs';
import * as path from 'path';
import { readDocx } from '../../helpers/docx';
import { locateForms } from '../../../src/engine/locate/locateForm';
import { crossCheckReport } from '../../../src/engine/narrative/crossCheck';

/**
 * The order of the report.* findings within a sentence, as it was before the rules had files of
 * their own: amounts, then itemised lists, then rates and scores in the order they are written
 * (the 'mention' rules next to each other share one walk), then counts.
 */
const seed = readDocx(readFileSync(path.join(__dirname, '../../fixtures/docx/yuelu-2022.docx')));
const located = locateForms(seed.sheets);
if (!located.found) throw new Error('seed form not found');
const form = located.forms[0].form;
const rules = (text: string) =>
  crossCheckReport(form, [{ index: 1, text }]).map((f) => `${f.rule} ${f.actual}`);

test('an amount first, then the score and the rate in the order written', () => {
  expect(rules('自评得分90分，整体预算执行率为50%，项目支出50万元。')).toEqual([
    'report.amount-mismatch 50万元',
    'report.total-score-mismatch 90',
    'report.rate-mismatch 50%',
  ]);
});

test('the amounts of a list before the list against its total', () => {
  expect(rules('支出总额300万元，其中基本支出200万元，项目支出60万元。')).toEqual([
    'report.amount-mismatch 200万元',
    'report.amount-mismatch 60万元',
    'report.itemised-sum-mismatch 260万元',
  ]);
});
