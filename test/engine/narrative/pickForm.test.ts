import { locateForms } from '../../../src/engine/locate/locateForm';
import { chooseReportForm, choiceNote, formName } from '../../../src/engine/narrative/pickForm';
import { departmentForm, projectForm } from '../../helpers/forms';
import { setCell, snapshot } from '../../helpers/grid';

/** Which form a 自评报告 belongs to when a workbook holds several. */
const project = (name: string) => setCell(projectForm(), 'B3', name);
const located = (...sheets: ReturnType<typeof projectForm>[]) => {
  const l = locateForms(sheets.map((rows, i) => snapshot(rows, { name: `S${i + 1}` })));
  if (!l.found) throw new Error('no form');
  return l.forms;
};
const paras = (...texts: string[]) => texts.map((text, i) => ({ index: i + 1, text }));

test('a project form states its name beside 项目名称', () => {
  const [f] = located(project('社区养老服务补助'));
  expect(formName(f.form)).toBe('社区养老服务补助');
});

test('two project forms: the one the report title names, wherever it sits', () => {
  const forms = located(project('社区养老服务补助'), project('农村道路养护补助'));
  const c = chooseReportForm(
    forms,
    paras('2023年度农村道路养护补助项目支出绩效自评报告', '一、基本情况'),
  );
  expect(c?.by).toBe('name');
  expect(c?.target).toBe(forms[1]);
  expect(choiceNote(c, '工作簿中')).toContain('“农村道路养护补助”');
});

test('a title naming neither, or both equally, leaves several project forms undecided', () => {
  const forms = located(project('社区养老服务补助'), project('农村道路养护补助'));
  const none = chooseReportForm(forms, paras('2023年度项目支出绩效自评报告'));
  expect(none).toEqual({
    target: null,
    by: 'undecided',
    names: ['社区养老服务补助', '农村道路养护补助'],
  });
  expect(choiceNote(none, '工作簿中')).toContain('未与表核对');
  const same = located(project('社区养老服务补助'), project('社区养老服务补助'));
  expect(chooseReportForm(same, paras('社区养老服务补助项目自评报告'))?.target).toBeNull();
});

test('the longer name wins when one contains the other', () => {
  const forms = located(project('社区养老服务'), project('社区养老服务补助资金'));
  const c = chooseReportForm(forms, paras('社区养老服务补助资金绩效自评报告'));
  expect(c?.target).toBe(forms[1]);
});

test('with a 部门整体 form, a project named only in the body does not take the report', () => {
  const forms = located(project('农村道路养护补助'), departmentForm());
  const body = paras(
    '2023年度部门整体支出绩效自评报告',
    '一、部门概况',
    '二、其中农村道路养护补助项目执行良好',
  );
  const c = chooseReportForm(forms, body);
  expect(c?.by).toBe('department');
  expect(c?.target?.form.kind).toBe('department');
  // A single form needs no choice and no note.
  const one = located(project('农村道路养护补助'));
  expect(choiceNote(chooseReportForm(one, body), '工作簿中')).toBeNull();
});

test("the title is found after the forms' own captions", () => {
  const forms = located(project('社区养老服务补助'), project('农村道路养护补助'));
  const c = chooseReportForm(
    forms,
    paras(
      '附件1',
      '项目支出绩效自评表',
      '附件2',
      '项目支出绩效自评表',
      '农村道路养护补助项目绩效自评报告',
    ),
  );
  expect(c?.target).toBe(forms[1]);
});

test("a budget system's project code before the name is not part of it", () => {
  const [f] = located(project('51000021R000000019951-工资性支出'));
  expect(formName(f.form)).toBe('工资性支出');
});

test('the unit named on the line above the title counts; a caption above it does not', () => {
  const forms = located(project('社区养老服务补助'), project('农村道路养护补助'));
  const split = chooseReportForm(forms, paras('2023年度农村道路养护补助', '项目支出绩效自评报告'));
  expect(split?.target).toBe(forms[1]);
  const captions = chooseReportForm(
    forms,
    paras(
      '社区养老服务补助项目支出绩效自评表',
      '农村道路养护补助项目支出绩效自评表',
      '项目绩效自评报告',
    ),
  );
  expect(captions?.target).toBeNull();
});
