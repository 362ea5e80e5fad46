/**
 * Which form a 自评报告 speaks of, when a workbook holds several (docs/rules.md#r-6-6). A report
 * names its project or department, usually in its title ("……项目支出绩效自评报告"); the form states the
 * same name beside 项目名称 / 部门名称. Without a name to go by, a 部门整体 form is the report's
 * (a department writes one report for its whole spending); several project forms stay undecided.
 */
import type { FormModel } from '../model/form';
import { labelText } from '../values/text';
import type { ReportParagraph } from './sentences';

export type FormChoice<T> =
  | { target: T; by: 'only' | 'department' }
  | { target: T; by: 'name'; name: string }
  | { target: T; by: 'picked' }
  | { target: null; by: 'undecided'; names: string[] };

/** Labels whose neighbour names the form: the project first, then the spending unit. */
const NAME_LABELS = [/^项目名称[:：]?$/, /^(部门|单位|预算单位|部门\(单位\))名称[:：]?$/];
/** A budget system's project code before the name (51000021R000000019951-工资性支出). */
const PROJECT_CODE = /^[0-9A-Z]{6,}[-_ ]/;
/** A name shorter than this matches by accident (e.g. "工会"). */
const MIN_NAME = 4;
/** The name sits in the form's title block, above the 资金 and indicator headers. */
const HEAD_ROWS = 8;
/** The title and the lines under it (unit, date). */
const TITLE_PARAGRAPHS = 3;

/** The project (or unit) name the form states beside its label, folded for matching. */
export function formName(form: FormModel): string | null {
  const sheet = form.sheet;
  const { top, left, right } = form.range;
  const last = Math.min(form.range.bottom, top + HEAD_ROWS - 1);
  for (const label of NAME_LABELS) {
    for (let r = top; r <= last; r++) {
      for (let c = left; c <= right; c++) {
        if (!label.test(sheet.label(r, c))) continue;
        const at = sheet.cell(r, c).ref;
        for (let d = c + 1; d <= right; d++) {
          const ref = sheet.cell(r, d).ref;
          if (ref.row === at.row && ref.col === at.col) continue;
          const name = sheet.label(r, d).replace(PROJECT_CODE, '');
          if (name.length >= MIN_NAME) return name;
          if (name) break;
        }
      }
    }
  }
  return null;
}

/**
 * The form the report belongs to. `forms` in reading order. A name counts when the report's title
 * (its first paragraphs) states it; with no 部门整体 form, anywhere in the report. A department's
 * report names its projects in the body, so the body alone never takes the report from the
 * department form. When several names count, the longest (a name containing another is more
 * precise).
 */
export function chooseReportForm<T extends { form: FormModel }>(
  forms: T[],
  paragraphs: ReportParagraph[],
  /** The form the user chose (its index in `forms`), over anything the title says. */
  picked?: number,
): FormChoice<T> | null {
  if (forms.length === 0) return null;
  if (picked !== undefined && forms[picked]) return { target: forms[picked], by: 'picked' };
  if (forms.length === 1) return { target: forms[0], by: 'only' };
  const named = forms
    .map((f) => ({ f, name: formName(f.form) }))
    .filter((x): x is { f: T; name: string } => x.name !== null);
  const department = forms.find((f) => f.form.kind === 'department');
  const scopes = [titleOf(paragraphs)];
  if (!department) scopes.push(paragraphs);
  for (const scope of scopes) {
    const text = scope.map((p) => labelText(p.text)).join('\n');
    const said = named.filter((x) => text.includes(x.name));
    if (!said.length) continue;
    const longest = Math.max(...said.map((x) => x.name.length));
    const best = said.filter((x) => x.name.length === longest);
    if (new Set(best.map((x) => x.f)).size === 1)
      return { target: best[0].f, by: 'name', name: best[0].name };
  }
  if (department) return { target: department, by: 'department' };
  return { target: null, by: 'undecided', names: named.map((x) => x.name) };
}

/**
 * The report's title lines: the first paragraph that calls itself a 报告 (a Word file may open with
 * the forms' own captions), the line or two above it that name the unit (a caption, which names a
 * 表, is not one), and the lines under it; else the document's first lines. A sentence or a
 * numbered heading is body, not title.
 */
function titleOf(paragraphs: ReportParagraph[]): ReportParagraph[] {
  const at = paragraphs.findIndex((p) => /报告/.test(p.text) && isTitleLine(p.text));
  if (at < 0) return paragraphs.slice(0, TITLE_PARAGRAPHS).filter((p) => isTitleLine(p.text));
  const above = paragraphs
    .slice(Math.max(0, at - 2), at)
    .filter((p) => isTitleLine(p.text) && !/表/.test(p.text));
  const below = paragraphs.slice(at, at + TITLE_PARAGRAPHS).filter((p) => isTitleLine(p.text));
  return [...above, ...below];
}

const HEADING = /^\s*([一二三四五六七八九十]+[、.．]|[(（]?[0-9一二三四五六七八九十]+[)）.．、])/;

function isTitleLine(text: string): boolean {
  return text.length <= 80 && !/[。；;]/.test(text) && !HEADING.test(text);
}

/** What the report was checked against, in a sentence, when there was a choice to make. */
export function choiceNote<T>(choice: FormChoice<T> | null, where: string): string | null {
  if (!choice || choice.by === 'only') return null;
  if (choice.by === 'picked') return `${where}有多张自评表：自评报告与所选的表核对。`;
  if (choice.by === 'name')
    return `${where}有多张自评表：自评报告按其中写明的“${choice.name}”与该表核对。`;
  if (choice.by === 'department')
    return `${where}有多张自评表：自评报告没有写明项目名称，与部门整体支出自评表核对。`;
  if (choice.by !== 'undecided') return null;
  const named = choice.names.length ? `（${choice.names.map((n) => `“${n}”`).join('、')}）` : '';
  return `${where}有多张项目支出自评表${named}，自评报告的标题没有写明其中一张的名称，无法确定对应哪一张，自评报告未与表核对。`;
}
