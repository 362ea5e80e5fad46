import { checkLocated, settleFixes } from '../../../engine/check';
import { explainResults } from '../../../engine/explain/apply';
import type { ProfileUsed } from '../../../engine/findings/types';
import type { RawValue } from '../../../engine/grid/types';
import type { FormModel } from '../../../engine/model/form';
import { chooseProfile } from '../../../engine/profile/choose';
import type { Profile } from '../../../engine/profile/profile';
import { type FormOutcome, seenKey } from '../../core/gateway';
import type { Found } from './readForms';
import { valueAt } from './values';

export interface Evaluated {
  forms: FormOutcome[];
  /** The located form of each entry of `forms`, in the same order. */
  located: FormModel[];
  models: FormModel[];
  seen: Record<string, RawValue>;
  chosen: { profile: Profile; used: ProfileUsed };
}

/** Checks every form read, under the profile given or chosen; pure, no round trip. */
export function evaluate(found: Found, profile?: Profile): Evaluated {
  const { part } = found;
  const models = found.snapshots.flatMap((s) => s.forms);
  const chosen: Evaluated['chosen'] = profile
    ? { profile, used: { id: profile.id, name: profile.name, why: '由加载项指定' } }
    : chooseProfile(models, { stored: part.profile });
  const forms: FormOutcome[] = [];
  const located: FormModel[] = [];
  const seen: Record<string, RawValue> = {};
  for (const s of found.snapshots) {
    if (!s.forms.length) continue;
    // One consistent fix plan for the sheet (docs/rules.md#r-4a): 全部修正 settles in one round.
    const results = settleFixes(
      s.snapshot,
      s.forms.map((form) => checkLocated(form, chosen.profile)),
      chosen.profile,
      part.readings,
      s.forms,
    );
    explainResults(results, part.explanations).forEach((r, i) => {
      forms.push({ ...r, profile: chosen.used, sheet: s.sheet });
      located.push(s.forms[i]);
      // What the check saw: each fix's cell (修正 compares), each finding's cell and the
      // 总分 row's 分值 (the pane says 应为/实填 of the cell named, and full marks as stated).
      const cells = [
        ...r.findings.flatMap((f) => [f.cells[0], f.fix?.cell]),
        r.reading?.totalCells?.weight,
      ];
      for (const c of cells) if (c) seen[seenKey(s.sheet, c)] = valueAt(s.snapshot, c);
    });
  }
  return { forms, located, models, seen, chosen };
}
