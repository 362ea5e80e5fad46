import type { FormModel } from '../../model/form';

/** The kinds of structural choice a form's labels leave open (RULES §1.3). */
export type ChoiceKind = 'total-row' | 'weights' | 'sub-rows' | 'unplaced-rows';

/** One way of reading the form at a choice point: the form as read so, and what it means. */
export interface Option {
  /** What this reading takes the form to be, in Chinese: "第 24 行是总分行（“总分”在 F 列）". */
  says: string;
  form: FormModel;
}

/**
 * A choice point: the reading as the labels give it first, and the other readings they allow.
 * `alternatives` is empty when the labels leave nothing open (most forms).
 */
export interface ChoicePoint {
  kind: ChoiceKind;
  /** What the first reading means, said the same way as the alternatives. */
  base: string;
  alternatives: Option[];
}

/** A generator: the choice point of one kind in a form, or null when there is none. */
export type ChoiceGenerator = (form: FormModel) => ChoicePoint | null;
