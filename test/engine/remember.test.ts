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

  test('keeps two generations of `limit` answers: the older is forgotten when the newer fills', () => {
    const calls: string[] = [];
    const f = remembered((s) => {
      calls.push(s);
      return s;
    }, 2);
    f('a');
    f('b');
    f('c'); // the newer is full: a, b become the older; c starts the newer
    f('a'); // found in the older, moved to the newer (now c, a: full)
    f('d'); // the newer is full again: c, a become the older, b is forgotten
    f('a'); // still known
    f('b'); // forgotten: asked again
    expect(calls).toEqual(['a', 'b', 'c', 'd', 'b']);
  });
});
