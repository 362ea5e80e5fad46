import * as fs from 'fs';
import * as path from 'path';
import { checkSheets } from '../../src/engine/check';
import type { GridSnapshot, RawValue } from '../../src/engine/grid/types';
import { loadWorkbook } from '../../src/adapters/exceljs/readWorkbook';
import { FIXTURES } from '../helpers/cli';
import { departmentForm, projectForm } from '../helpers/forms';
import { snapshot } from '../helpers/grid';

/** A small deterministic PRNG (mulberry32), so a failure reproduces from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCAB: RawValue[] = [
  null,
  '',
  '　',
  '－',
  '/',
  '\\',
  '—',
  '无',
  0,
  -1,
  1,
  100,
  0.5,
  1e-9,
  1e12,
  NaN,
  Infinity,
  true,
  false,
  '合计',
  '（1）财政拨款',
  '（2）其他资金',
  '基本支出',
  '其中：人员支出',
  '公用支出',
  '（2）项目支出',
  '年度资金总额',
  '全年预算数',
  '全年执行数',
  '执行率',
  '分值',
  '得分',
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '实际完成值',
  '偏差原因分析及改进措施',
  '总分',
  '产出指标',
  '效益指标',
  '满意度指标',
  '≥',
  '≥95%',
  '≤0',
  '100家/3500人',
  '100家/',
  '/3500人',
  '≥≥5',
  '>',
  '未超预算范围',
  '部分完成',
  '12场',
  '0%',
  '100%',
  '1,234.5',
  '１２３',
  '254.85　',
  'abc',
  '%',
  '预算执行率>90%',
  '满意度>98%',
  '≤0.2万元',
  '1500元',
  '100家/3612人/5',
  '１００％',
  '=',
  '-0',
  '.5',
  '5.',
  'NaN',
];

function randomGrid(next: () => number, rows: number, cols: number): RawValue[][] {
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => VOCAB[Math.floor(next() * VOCAB.length)]),
  );
}

function mutate(base: GridSnapshot, next: () => number, count: number): GridSnapshot {
  const values = base.values.map((r) => [...r]);
  for (let i = 0; i < count; i++) {
    const r = Math.floor(next() * values.length);
    const row = values[r];
    if (!row || row.length === 0) continue;
    const c = Math.floor(next() * row.length);
    const roll = next();
    if (roll < 0.7) row[c] = VOCAB[Math.floor(next() * VOCAB.length)];
    else if (roll < 0.85)
      values.splice(r, 1); // delete a row
    else values.splice(r, 0, [...row]); // duplicate a row
  }
  return { ...base, values, numberFormats: undefined };
}

describe('fuzz: the engine never crashes', () => {
  test('1,000 random grids: no throw; grids without header labels are not-a-form', () => {
    const next = rng(20261123);
    for (let i = 0; i < 1000; i++) {
      const grid = randomGrid(next, 1 + Math.floor(next() * 40), 1 + Math.floor(next() * 12));
      const r = checkSheets([snapshot(grid, { merges: next() < 0.3 ? ['A1:B2'] : [] })]);
      expect(['checked', 'not-a-form']).toContain(r.status);
      for (const f of r.findings) {
        expect(f.cells.length).toBeGreaterThan(0);
        expect(f.message.length).toBeGreaterThan(0);
      }
    }
  });

  test('grids of numbers and plain words are reported as not-a-form', () => {
    const next = rng(7);
    for (let i = 0; i < 200; i++) {
      const grid = Array.from({ length: 20 }, () =>
        Array.from({ length: 8 }, () =>
          next() < 0.5 ? Math.round(next() * 1e4) / 100 : `文字${Math.floor(next() * 100)}`,
        ),
      );
      expect(checkSheets([snapshot(grid)]).status).toBe('not-a-form');
    }
  });

  test('500 random mutations of each fixture and base form: no throw, always a result', async () => {
    const bases: GridSnapshot[] = [snapshot(departmentForm()), snapshot(projectForm())];
    for (const f of fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.xlsx'))) {
      bases.push(...(await loadWorkbook(fs.readFileSync(path.join(FIXTURES, f)), f)).sheets);
    }
    const next = rng(42);
    for (const base of bases) {
      for (let i = 0; i < 500; i++) {
        const r = checkSheets([mutate(base, next, 1 + Math.floor(next() * 8))]);
        expect(['checked', 'not-a-form']).toContain(r.status);
        expect(r.summary.errors).toBe(r.findings.filter((x) => x.severity === 'error').length);
      }
    }
  });
});
