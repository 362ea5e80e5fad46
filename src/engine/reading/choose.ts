import { assess } from '../assess/assessment';
import type { FormModel, ReadingDecision } from '../model/form';
import type { Profile } from '../profile/profile';
import type { ChoiceGenerator } from './choices/choice';
import { restatingSubRows } from './choices/subRows';
import { totalInSharedRow } from './choices/totalRow';
import { unplacedFundRows } from './choices/unplacedRows';
import { weightColumns } from './choices/weights';
import { compareTallies, sameTally, type Tally, tallyOf } from './identities';

export type Decision = ReadingDecision;

export interface ChosenReading {
  form: FormModel;
  decisions: Decision[];
  /** Forms read otherwise but held together as well as `form` (ambiguous): findings must agree. */
  rivals: FormModel[];
}

/**
 * The choice points, in the order they are settled: where the form ends comes before what its
 * weights are, and both before which rows add up (each later choice is made on the earlier ones).
 */
const GENERATORS: ChoiceGenerator[] = [
  totalInSharedRow,
  weightColumns,
  restatingSubRows,
  unplacedFundRows,
];

/**
 * Among the structural readings the labels allow, the one under which the form's identities hold
 * best (RULES §1.3). Each choice point is settled in turn; a form with none is returned as read.
 * Values never decide by themselves: every reading is tallied over the same identities.
 */
export function chooseReading(located: FormModel, profile: Profile): ChosenReading {
  let form = located;
  let tally: Tally | null = null;
  const decisions: Decision[] = [];
  const rivals: FormModel[] = [];
  for (const generate of GENERATORS) {
    const point = generate(form);
    if (!point || point.alternatives.length === 0) continue;
    const current: Tally = tally ?? tallyOf(form, assess(form, profile), profile);
    const options: { says: string; form: FormModel; tally: Tally }[] = [
      { says: point.base, form, tally: current },
      ...point.alternatives.map((o) => ({
        ...o,
        tally: tallyOf(o.form, assess(o.form, profile), profile),
      })),
    ];
    // The first reading wins ties (stable sort): the labels' own reading, unless another is better.
    const ranked = [...options].sort((a, b) => compareTallies(a.tally, b.tally));
    const best = ranked[0];
    const tied = ranked.filter((o) => o !== best && sameTally(o.tally, best.tally));
    rivals.push(...tied.map((o) => o.form));
    decisions.push({
      kind: point.kind,
      chosen: best.says,
      holds: best.tally.holds,
      fails: best.tally.fails,
      cost: best.tally.cost.toDecimalPlaces(4).toString(),
      tie: tied.length > 0,
      others: options
        .filter((o) => o !== best)
        .map((o) => ({
          says: o.says,
          holds: o.tally.holds,
          fails: o.tally.fails,
          cost: o.tally.cost.toDecimalPlaces(4).toString(),
        })),
    });
    form = best.form;
    tally = best.tally;
  }
  return { form: decisions.length ? { ...form, decisions } : form, decisions, rivals };
}
