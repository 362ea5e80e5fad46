import { Dec } from '../values/decimal';
import type { Outcome } from '../values/qualitative';
import type { Profile } from './profile';

/** The profile's numbers as decimals, made once per profile rather than once per row. */
export interface Limits {
  amountTolerance: Dec;
  scoreTolerance: Dec;
  lowExecutionPercent: Dec;
  overAchievedRatio: Dec;
  /** Each qualitative outcome's share of the weight (a 2,000-row form multiplies by them per row). */
  qualitativeBands: Record<Outcome, { min: Dec; max: Dec; maxInclusive: boolean }>;
}

function bandsOf(profile: Profile): Limits['qualitativeBands'] {
  const band = (o: Outcome) => {
    const b = profile.qualitativeBands[o];
    return { min: new Dec(b.min), max: new Dec(b.max), maxInclusive: b.maxInclusive };
  };
  return { achieved: band('achieved'), partial: band('partial'), missed: band('missed') };
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
      qualitativeBands: bandsOf(profile),
    };
    cache.set(profile, l);
  }
  return l;
}
