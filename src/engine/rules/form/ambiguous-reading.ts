import { formAnchor } from '../../model/anchor';
import { defineRule, fill, type RuleMeta } from '../rule';

export const meta: RuleMeta = {
  id: 'form.ambiguous-reading',
  severity: 'info',
  part: 'form',
  title: '表格有两种同样成立的读法',
  description:
    '标签允许的两种结构读法下，表内勾稽关系成立得一样好：只报告两种读法都得出的问题，并说明两种读法。',
  source: 'r-1-3',
  docs: 'docs/rules/form.ambiguous-reading.md',
  messages: {
    main: '这张表可以读作“{chosen}”，也可以读作“{other}”，两种读法下表内的勾稽关系成立得一样好；只报告两种读法都得出的问题。可在读取方式中指定正确的读法。',
  },
  fix: null,
};

/** docs/rules.md#r-1-3: two readings that hold equally well are both named; only what both say is reported. */
export const formAmbiguousReading = defineRule(meta, ({ form }) =>
  (form.decisions ?? [])
    .filter((d) => d.tie)
    .map((d) => {
      const other = d.others.find((o) => o.holds === d.holds && o.cost === d.cost);
      return {
        cells: [formAnchor(form)],
        message: fill(meta.messages.main, { chosen: d.chosen, other: other?.says ?? '' }),
      };
    }),
);
