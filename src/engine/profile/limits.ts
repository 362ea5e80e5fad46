import { Dec } from '../values/decimal';
import type { Profile } from './profile';

/** The profile's numbers as decimals, made once per profile rather than once per row. */
export interface Limits {
  amountTolerance: Dec;
  scoreTolerance: Dec;
  lowExecutionPercent: Dec;
  overAchievedRatio: Dec;
}

const cache = new WeakMap<Profile, Limits>();

export function limitsOf(profile: Profile): Limits {
  let l = cache.get(profile);
  if (!l) {
    l = {
      amountTolerance: new Dec(profile.amountTolerance),
      scoreTolerance: new Dec(profile.scoreTolerance),
      lowExecutionPercent: new Dec(profile.lowExecutionPercent),
      overAchievedRatio: new Dec(profile.deviationReasonWhen.overAchievedPercent).dividedBy(100),
    };
    cache.set(profile, l);
  }
  return l;
}
