import { compare, Dec, sum } from '../../src/engine/values/decimal';

/** A reproducible stream of decimals: signs, scales from 1e-6 to 1e9, up to 7 decimals. */
function decimals(seed: number, n: number): Dec[] {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, () => {
    const v = next() * 10 ** Math.floor(next() * 16 - 6);
    return new Dec(`${next() < 0.3 ? '-' : ''}${v.toFixed(Math.floor(next() * 8))}`);
  });
}

const same = (a: Dec) => ({ s: a.s, e: a.e, d: a.d, text: a.toString() });

describe('values/decimal: the fast sum and comparison agree with Decimal', () => {
  it('sum equals adding one by one with plus, digits, exponent and sign alike', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const values = decimals(seed, seed % 40);
      if (seed % 7 === 0) values.push(new Dec('-0'), new Dec(0));
      if (seed % 11 === 0) values.push(...values.map((v) => v.neg()));
      // Beyond 28 digits plus rounds: the fast sum must give way to it.
      if (seed % 13 === 0) values.push(new Dec('1e-25'), new Dec('123456789'));
      const slow = values.reduce((a, b) => a.plus(b), new Dec(0));
      expect(same(sum(values))).toEqual(same(slow));
    }
  });

  it('compare equals comparedTo, zeros and non-finite values included', () => {
    const values = [
      ...decimals(7, 200),
      ...['0', '-0', '1', '-1', '1e-30', '10000000', '9999999.9999999', 'NaN', 'Infinity'].map(
        (t) => new Dec(t),
      ),
    ];
    for (const a of values)
      for (const b of values) {
        const fast = compare(a, b);
        const slow = a.comparedTo(b);
        expect(Number.isNaN(slow) ? Number.isNaN(fast) : fast === slow).toBe(true);
      }
  });
});
