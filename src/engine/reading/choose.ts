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

/** How many readings are tallied at most: past it, the later points are settled one by one. */
const MAX_READINGS = 32;

/** A reading settled from some choice point on: the form, its tally, and what was decided. */
interface Settled {
  form: FormModel;
  tally: Tally;
  decisions: Decision[];
  rivals: FormModel[];
}

/**
 * Among the structural readings the labels allow, the one under which the form's identities hold
 * best (RULES §1.3). The choice points are searched together: each option of a point is judged
 * with the later points settled at their best under it (where the form ends changes what its
 * weights can be), not with the later points as the labels first give them. A form with no
 * point is returned as read. Values never decide by themselves: every reading is tallied over the
 * same identities.
 */
export function chooseReading(located: FormModel, profile: Profile): ChosenReading {
  const budget = { left: MAX_READINGS };
  const tally = (form: FormModel): Tally => {
    budget.left--;
    return tallyOf(form, assess(form, profile), profile);
  };
  const settled = settle(located, null, 0, tally, budget);
  const { form, decisions, rivals } = settled ?? { form: located, decisions: [], rivals: [] };
  return { form: decisions.length ? { ...form, decisions } : form, decisions, rivals };
}

/** The best reading from point `from` on (null: no point left open, the form as it is). */
function settle(
  form: FormModel,
  known: Tally | null,
  from: number,
  tally: (form: FormModel) => Tally,
  budget: { left: number },
): Settled | null {
  for (let i = from; i < GENERATORS.length; i++) {
    const point = GENERATORS[i](form);
    if (!point || point.alternatives.length === 0) continue;
    const options = [{ says: point.base, form, tally: known ?? tally(form) }].concat(
      point.alternatives.map((o) => ({ ...o, tally: tally(o.form) })),
    );
    // Each option completed by the points after this one; once the budget is spent, the option
    // is judged as it stands and only the chosen one is completed (one point after another).
    const deep = budget.left > 0;
    const completed = options.map((o) => ({
      ...o,
      rest: deep ? settle(o.form, o.tally, i + 1, tally, budget) : null,
    }));
    const final = (o: (typeof completed)[number]) => o.rest?.tally ?? o.tally;
    // The first reading wins ties (stable sort): the labels' own reading, unless another is better.
    const ranked = [...completed].sort((a, b) => compareTallies(final(a), final(b)));
    const best = ranked[0];
    const tied = ranked.filter((o) => o !== best && sameTally(final(o), final(best)));
    const rest = deep ? best.rest : settle(best.form, best.tally, i + 1, tally, budget);
    const summary = (t: Tally) => ({
      holds: t.holds,
      fails: t.fails,
      cost: t.cost.toDecimalPlaces(4).toString(),
    });
    const decision: Decision = {
      kind: point.kind,
      chosen: best.says,
      ...summary(final(best)),
      tie: tied.length > 0,
      others: completed
        .filter((o) => o !== best)
        .map((o) => ({ says: o.says, ...summary(final(o)) })),
    };
    return {
      form: rest?.form ?? best.form,
      tally: rest?.tally ?? best.tally,
      decisions: [decision, ...(rest?.decisions ?? [])],
      rivals: [...tied.map((o) => o.rest?.form ?? o.form), ...(rest?.rivals ?? [])],
    };
  }
  return null;
}
