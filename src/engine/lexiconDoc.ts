import {
  COMPARATOR_SUFFIXES,
  COMPARATORS,
  FUNDS_HEADER_WORDS,
  FUNDS_ROW_LABELS,
  type HeaderWord,
  INDICATOR_HEADER_WORDS,
  MONEY_UNITS,
  SECTION_CAPTIONS,
  TOTAL_LABELS,
} from './lexicon';
import { ROLE_NAME } from './reading/describe';

const cell = (s: string) => s.replace(/\|/g, '\\|');

function headerTable<R extends string>(words: HeaderWord<R>[]): string[] {
  return [
    '| 角色 | 例子（已见于各地表格） | 优先级 | 推测 |',
    '|---|---|---|---|',
    ...words.map(
      (w) =>
        `| ${ROLE_NAME[w.role] ?? w.role}（\`${w.role}\`） | ${w.examples.map(cell).join('、')} | ${w.fit} | ${w.guessed ? '是：按词干试读' : ''} |`,
    ),
  ];
}

const COMPARATOR_NAME = { ge: '≥', gt: '>', eq: '=', le: '≤', lt: '<' } as const;

/** docs/lexicon.md: the recognised labels, made from the lexicon (scripts/docs-lexicon.js). */
export function lexiconMarkdown(): string {
  return [
    '# 识别的标签（由 `src/engine/lexicon.ts` 生成，勿手改：`npm run docs:lexicon`）',
    '',
    '标签先折叠（全角转半角、去掉空格和换行）再比对。一列的表头可能符合几个角色时，取优先级高的；',
    '“推测”的条目是词干：词表没有、但含该角色词干的表头按该角色试读，排在已知词之后，结果标明“推测”。',
    '',
    '## 资金部分的表头',
    '',
    ...headerTable(FUNDS_HEADER_WORDS),
    '',
    '## 绩效指标部分的表头',
    '',
    ...headerTable(INDICATOR_HEADER_WORDS),
    '',
    '## 不是表头的节标签',
    '',
    SECTION_CAPTIONS.examples.map(cell).join('、'),
    '',
    '## 资金行',
    '',
    '| 行 | 例子 |',
    '|---|---|',
    ...FUNDS_ROW_LABELS.map((r) => `| ${r.kind} | ${r.examples.map(cell).join('、')} |`),
    '',
    '## 总分行与占位行',
    '',
    `- 总分行：${TOTAL_LABELS.rowExamples.join('、')}`,
    `- 表头块里的总分（重庆）：${TOTAL_LABELS.headerExamples.join('、')}`,
    `- 模板占位行（不是指标）：${TOTAL_LABELS.placeholderExamples.join('、')}`,
    '',
    '## 比较符',
    '',
    '| 写法 | 含义 |',
    '|---|---|',
    ...COMPARATORS.map(([form, c]) => `| ${cell(form)} | ${COMPARATOR_NAME[c]} |`),
    ...COMPARATOR_SUFFIXES.map(([form, c]) => `| …${form} | ${COMPARATOR_NAME[c]} |`),
    '',
    '## 金额单位',
    '',
    '| 写法 | 折合表内单位（万元）的倍数 |',
    '|---|---|',
    ...MONEY_UNITS.map((u) => `| ${u.unit} | ${u.inForm} |`),
    '',
  ].join('\n');
}
