/**
 * The report's charts, drawn on the server by Apache ECharts' SVG renderer (SSR): the SVG is in
 * the file, so the charts show with scripts off and nothing is fetched. ECharts is loaded only
 * when an HTML report is written.
 */
import type { Digest, RuleCount } from '../digest';

const FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';
const COLOURS = { 需修改: '#c0392b', 需说明: '#d68910', 可报送: '#1e8449', other: '#7f8c8d' };

type Option = Record<string, unknown>;

/**
 * Loads ECharts ahead (--html): the run calls this when it opens the report, so the megabyte of
 * code is compiled while the files are checked (the main thread waits on the workers then)
 * rather than after the last one.
 */
export function preloadCharts(): void {
  setImmediate(() => {
    try {
      require('echarts');
    } catch {
      // Loaded again when the charts are drawn, and its failure reported there.
    }
  });
}

function svg(option: Option, width: number, height: number): string {
  const echarts = require('echarts') as typeof import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    // Disposing stops zrender's frame loop, which would keep the process alive.
    chart.dispose();
  }
}

const bar = (
  title: string,
  labels: string[],
  values: number[],
  colours: string[] | string,
  width = 400,
  height = 260,
): string =>
  svg(
    {
      title: { text: title, left: 'center', textStyle: { fontSize: 15 } },
      grid: { left: 40, right: 12, top: 44, bottom: 32 },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: values.map((v, i) => ({
            value: v,
            itemStyle: { color: Array.isArray(colours) ? colours[i] : colours },
          })),
          label: { show: true, position: 'top' },
          barMaxWidth: 48,
        },
      ],
    },
    width,
    height,
  );

/** The execution-rate bins of the histogram (%, of the form's total line). */
export const RATE_BINS = ['<60', '60–80', '80–90', '90–95', '95–100', '100', '>100'];

export function rateBin(rate: string | null): number | null {
  if (rate === null) return null;
  const r = Number(rate);
  if (!Number.isFinite(r)) return null;
  if (r < 60) return 0;
  if (r < 80) return 1;
  if (r < 90) return 2;
  if (r < 95) return 3;
  if (r < 100) return 4;
  if (r === 100) return 5;
  return 6;
}

export interface ChartData {
  verdicts: { 需修改: number; 需说明: number; 可报送: number; 部分读取: number; 未校验: number };
  grades: [string, number][];
  rates: number[];
  rules: RuleCount[];
}

export function chartData(digests: Digest[], rules: RuleCount[]): ChartData {
  const verdicts = { 需修改: 0, 需说明: 0, 可报送: 0, 部分读取: 0, 未校验: 0 };
  const grades = new Map<string, number>();
  const rates = RATE_BINS.map(() => 0);
  for (const d of digests) {
    if (d.status !== 'checked') verdicts.未校验++;
    else if (d.verdict) verdicts[d.verdict]++;
    else verdicts.部分读取++;
    if (d.status === 'checked') {
      const g = d.grade ?? '无等级';
      grades.set(g, (grades.get(g) ?? 0) + 1);
      const b = rateBin(d.rate);
      if (b !== null) rates[b]++;
    }
  }
  const order = ['优', '良', '中', '差', '无等级'];
  const rank = (g: string) => (order.includes(g) ? order.indexOf(g) : order.length - 1);
  return {
    verdicts,
    grades: [...grades].sort((a, b) => rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : 1)),
    rates,
    rules: rules.slice(0, 10),
  };
}

export function charts(data: ChartData): { id: string; svg: string }[] {
  const v = data.verdicts;
  const vLabels = Object.keys(v) as (keyof typeof v)[];
  const topRules = [...data.rules].reverse();
  return [
    {
      id: 'chart-verdicts',
      svg: bar(
        '结论',
        vLabels,
        vLabels.map((k) => v[k]),
        vLabels.map((k) => (k in COLOURS ? COLOURS[k as keyof typeof COLOURS] : COLOURS.other)),
      ),
    },
    {
      id: 'chart-grades',
      svg: bar(
        '等级',
        data.grades.map((g) => g[0]),
        data.grades.map((g) => g[1]),
        '#2e86c1',
      ),
    },
    {
      id: 'chart-rates',
      svg: bar('执行率分布（%）', RATE_BINS, data.rates, '#5d6d7e'),
    },
    {
      id: 'chart-rules',
      svg: svg(
        {
          title: {
            text: '最常见的十条规则（问题数）',
            left: 'center',
            textStyle: { fontSize: 15 },
          },
          grid: { left: 16, right: 40, top: 44, bottom: 24, containLabel: true },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: {
            type: 'category',
            data: topRules.map((r) => `${r.title}（${r.rule}）`),
            axisLabel: { fontSize: 11 },
          },
          series: [
            {
              type: 'bar',
              data: topRules.map((r) => ({
                value: r.findings,
                itemStyle: {
                  color:
                    r.severity === 'error'
                      ? '#c0392b'
                      : r.severity === 'warning'
                        ? '#d68910'
                        : '#7f8c8d',
                },
              })),
              label: { show: true, position: 'right' },
              barMaxWidth: 22,
            },
          ],
        },
        1230,
        Math.max(160, 60 + topRules.length * 30),
      ),
    },
  ];
}
