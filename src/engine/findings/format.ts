import type { Parsed } from '../values/amount';
import { type Dec, money, plain } from '../values/decimal';

/** "相差 0.09" with the sign dropped: the message already says which is expected. */
export function differenceText(expected: Dec, actual: Dec, unit: 'money' | 'score' = 'money'): string {
  const d = expected.minus(actual).abs();
  return `相差 ${unit === 'money' ? money(d) : plain(d)}`;
}

/** What a cell holds, for a message: the number, “空”, or the text in quotes. */
export function statedText(p: Parsed<Dec>, unit: 'money' | 'score' = 'money'): string {
  switch (p.kind) {
    case 'value':
      return unit === 'money' ? money(p.value) : plain(p.value, 4);
    case 'blank':
      return '空';
    case 'na':
      return '“不适用”';
    case 'text':
      return `“${p.text}”`;
  }
}
