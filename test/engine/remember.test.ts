import { remembered } from '../../src/engine/values/remember';

describe('remembered: a pure function of a string, answered once, in bounded memory', () => {
  test('asks the function once per string', () => {
    const calls: string[] = [];
    const f = remembered((s) => {
      calls.push(s);
      return s.length;
    }, 10);
    expect([f('合计'), f('合计'), f('财政拨款'), f('合计')]).toEqual([2, 2, 4, 2]);
    expect(calls).toEqual(['合计', '财政拨款']);
  });

  test('remembers an answer that is undefined or null as well', () => {
    let n = 0;
    const f = remembered((): undefined => {
      n++;
      return undefined;
    }, 10);
    f('a');
    f('a');
    expect(n).toBe(1);
  });

  test('forgets everything once it holds `limit` answers, then answers afresh', () => {
    const calls: string[] = [];
    const f = remembered((s) => {
      calls.push(s);
      return s;
    }, 2);
    f('a');
    f('b');
    f('a'); // still known
    f('c'); // the table is full: it is cleared, then c is kept
    f('a'); // forgotten: asked again
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
