import { commonUnit } from '../../src/engine/values/units';
import { parseAmount } from '../../src/engine/values/amount';
import { comparatorFromNature, findComparator } from '../../src/engine/values/comparator';
import { Dec } from '../../src/engine/values/decimal';
import { directionFromName } from '../../src/engine/values/direction';
import { parseRate } from '../../src/engine/values/percent';
import { classifyOutcome } from '../../src/engine/values/qualitative';
import { parseQuantity } from '../../src/engine/values/quantity';
import { isNotApplicable } from '../../src/engine/values/text';

/** The parsers on their own: every way a form writes an amount, a rate, a target or an outcome. */
const str = (p: ReturnType<typeof parseAmount>) =>
  p.kind === 'value' ? p.value.toFixed() : p.kind;

describe('amounts', () => {
  test.each([
    [254.85, '254.85'],
    ['254.85\u3000', '254.85'],
    ['２５４．８５', '254.85'],
    ['1,234.56', '1234.56'],
    ['4753.66万元', '4753.66'],
    ['2.6亿元', '26000'],
    ['－', 'na'],
    ['／', 'na'],
    ['\\', 'na'],
    ['', 'blank'],
    [null, 'blank'],
    ['按规定', 'text'],
  ])('%p → %s', (raw, want) => expect(str(parseAmount(raw))).toBe(want));

  test('0.1 + 0.2 is 0.3 exactly (decimal, never binary floats)', () => {
    const a = parseAmount(0.1);
    const b = parseAmount(0.2);
    if (a.kind !== 'value' || b.kind !== 'value') throw new Error('not parsed');
    expect(a.value.plus(b.value).equals(new Dec('0.3'))).toBe(true);
  });
});

describe('rates: the three ways a percentage is written, and its precision', () => {
  test('"97.10%" is 97.10 with two decimals of a percent', () => {
    expect(parseRate('97.10%', null, null)).toMatchObject({ kind: 'percent', decimals: 2 });
  });
  test('1 formatted 0% is 100%, shown with no decimals', () => {
    const r = parseRate(1, '0%', '100%');
    expect(r.kind === 'percent' && r.percent.toFixed()).toBe('100');
    expect(r).toMatchObject({ decimals: 0 });
  });
  test('a plain 100 or 1 carries both readings', () => {
    const r = parseRate(100, null, null);
    expect(r.kind).toBe('plain');
  });
  test('"　100%" with a full-width space, and not-applicable marks', () => {
    expect(parseRate('\u3000100%', null, null)).toMatchObject({ kind: 'percent', decimals: 0 });
    expect(parseRate('—', null, null).kind).toBe('na');
  });
});

describe('quantities and comparators', () => {
  test.each([
    ['≥12场', 'ge', '12', '场'],
    ['预算执行率>90%', 'gt', '90', '%'],
    ['≤0.2万元', 'le', '0.2', '万元'],
    ['三公经费变动率≤0', 'le', '0', ''],
    ['95%以上', 'ge', '95', '%'],
    ['≥266米', 'ge', '266', '米'],
    ['不低于90%', 'ge', '90', '%'],
    // A deadline: 安徽金寨 2023 writes 9月前 for "by September".
    ['9月前', 'le', '9', '月'],
    ['30天以前', 'le', '30', '天'],
  ])('%s → %s %s %s', (text, comparator, value, unit) => {
    const q = parseQuantity(text);
    expect(q).not.toBeNull();
    expect([q?.comparator, q?.parts[0].value.toFixed(), q?.parts[0].unit]).toEqual([
      comparator,
      value,
      unit,
    ]);
  });

  test('compound targets have one part each: 100家/3500人', () => {
    expect(
      parseQuantity('100家/3500人')?.parts.map((p) => `${p.value.toFixed()}${p.unit}`),
    ).toEqual(['100家', '3500人']);
  });

  test('words are not a quantity', () => {
    expect(parseQuantity('是否完成')).toBeNull();
    expect(parseQuantity('全区推广“一户一产业工人”培养工程，开展培训8期')).toBeNull();
  });

  test('≥ wins over >, and a nature column says the direction', () => {
    expect(findComparator('≥90%')?.comparator).toBe('ge');
    expect(comparatorFromNature('反向指标')).toBe('le');
    expect(comparatorFromNature('≤')).toBe('le');
    expect(comparatorFromNature('定性')).toBeNull();
  });

  test('units convert within a family only', () => {
    const m = (v: string, unit: string) => ({ value: new Dec(v), unit });
    expect(commonUnit(m('1', '万元'), m('9000', '元'))).toMatchObject({ unit: '元' });
    expect(commonUnit(m('100', '家'), m('100', '人'))).toBeNull();
    // a bare 0.98 against ≥95% is a fraction of one
    expect(commonUnit(m('95', '%'), m('0.98', ''))?.b.toFixed()).toBe('98');
  });
});

describe('direction from the indicator name', () => {
  test.each([
    ['结转结余率', 'le'],
    ['三公经费变动率', 'le'],
    ['投诉率', 'le'],
    ['安全事故发生率', 'le'],
    ['逾期整改数', 'le'],
    ['公用经费控制率', 'ambiguous'],
    ['服务对象满意度', null],
  ])('%s → %s', (name, want) => expect(directionFromName(name)).toBe(want));
});

describe('qualitative outcomes', () => {
  test.each([
    ['已完成', 'achieved'],
    ['及时完成', 'achieved'],
    ['未超预算范围', 'achieved'], // the double negative
    ['效果明显', 'achieved'],
    ['基本完成', 'partial'],
    ['部分达成年度指标', 'partial'],
    ['未完成', 'missed'],
    ['否', 'missed'],
    ['超出预算', 'missed'],
    ['未建立', 'missed'],
    ['尚未验收', 'missed'],
    ['基本建立', 'partial'],
    ['未发生安全事故', 'achieved'],
  ])('%s → %s', (text, want) => expect(classifyOutcome(text)).toBe(want));

  test('not-applicable markers', () => {
    for (const m of ['－', '—', '/', '／', '\\', '不适用']) expect(isNotApplicable(m)).toBe(true);
    expect(isNotApplicable('0')).toBe(false);
  });
});
