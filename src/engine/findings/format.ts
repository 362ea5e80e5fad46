import { type Dec, money } from '../values/decimal';

/** "相差 0.09" with the sign dropped: the message already says which is expected. */
export function differenceText(expected: Dec, actual: Dec): string {
  return `相差 ${money(expected.minus(actual).abs())}`;
}
