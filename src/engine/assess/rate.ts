import { limitsOf } from '../profile/limits';
import type { Profile } from '../profile/profile';
import { Dec, HUNDRED } from '../values/decimal';
import type { StatedRate } from '../values/percent';

export type RateVerdict =
  | { kind: 'agrees'; percent: Dec; decimals: number }
  | { kind: 'differs'; percent: Dec; decimals: number; computed: Dec }
  | { kind: 'unreadable' };

/** 执行数 ÷ 预算数 in percent, exact; null for a zero budget (the rate does not apply). */
export function computedPercent(budget: Dec, exec: Dec): Dec | null {
  if (budget.isZero()) return null;
  return exec.dividedBy(budget).times(HUNDRED);
}

/**
 * A stated rate agrees when the computed rate, rounded to the precision it is shown with,
 * equals it (ties either way: 97.105% may be shown as 97.10% or 97.11%).
 */
function agreesAt(stated: Dec, decimals: number, computed: Dec): boolean {
  return stated.minus(computed).abs().lessThanOrEqualTo(halfUnit(decimals));
}

/** Half a unit of the last shown decimal (0.005 for two decimals), made once per precision. */
const HALF_UNITS: Dec[] = [];

function halfUnit(decimals: number): Dec {
  return (HALF_UNITS[decimals] ??= new Dec(10).pow(-decimals).dividedBy(2));
}

export function judgeRate(stated: StatedRate, computed: Dec): RateVerdict {
  if (stated.kind === 'percent') {
    return agreesAt(stated.percent, stated.decimals, computed)
      ? { kind: 'agrees', percent: stated.percent, decimals: stated.decimals }
      : { kind: 'differs', percent: stated.percent, decimals: stated.decimals, computed };
  }
  if (stated.kind === 'plain') {
    // 1 and 100 both mean 100%: take the reading that fits, else the nearer one.
    for (const reading of [stated.asFraction, stated.asPercent]) {
      if (agreesAt(reading.percent, reading.decimals, computed))
        return { kind: 'agrees', ...reading };
    }
    const nearer = stated.asFraction.percent
      .minus(computed)
      .abs()
      .lessThan(stated.asPercent.percent.minus(computed).abs())
      ? stated.asFraction
      : stated.asPercent;
    return { kind: 'differs', ...nearer, computed };
  }
  return { kind: 'unreadable' };
}

export function isLowExecution(percent: Dec, profile: Profile): boolean {
  return percent.lessThan(limitsOf(profile).lowExecutionPercent);
}
