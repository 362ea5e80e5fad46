import * as path from 'path';
import { SEVERITY } from '../../../engine/findings/severity';
import { type Digest, digestPiece, placeOf, readDigests, ruleCounts, STATUS_TEXT } from '../digest';
import { LineSpool } from '../files';
import type { Formatter, RunMeta } from '../format';
import { seconds } from '../totals';
import { chartData, charts, preloadCharts } from './charts';
import { SCRIPT, STYLE } from './page';

const esc = (s: string | number | null | undefined): string =>
  s === null || s === undefined
    ? ''
    : String(s)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');

/**
 * The findings, for the table's click: every string once (forms of one template repeat their
 * messages), each finding an array of indexes. Keeps 3,000 forms' report well under 5 MB.
 */
function findingsData(digests: Digest[]): string {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const at = (s: string | null): number => {
    if (s === null) return -1;
    let k = index.get(s);
    if (k === undefined) {
      index.set(s, (k = strings.length));
      strings.push(s);
    }
    return k;
  };
  const sev = { error: 0, warning: 1, info: 2 } as const;
  const forms = digests.map((d) =>
    d.findings.map((f) => [
      at(f.cell),
      sev[f.severity],
      at(f.rule),
      at(f.title),
      at(f.message),
      at(f.expected),
      at(f.actual),
      at(f.fix),
      at(f.explanation),
    ]),
  );
  // "<" escaped: the data cannot close its script element.
  return JSON.stringify({ s: strings, f: forms }).replace(/</g, '\\u003c');
}

const VERDICT_CLASS: Record<string, string> = { 需修改: 'bad', 需说明: 'warn', 可报送: 'ok' };

function formRow(d: Digest, i: number, outBase: string | null): string {
  const checked = d.status === 'checked';
  const verdict = d.verdict ?? (checked ? '部分读取' : STATUS_TEXT[d.status]);
  const copy =
    d.copy && outBase
      ? ` <a href="${esc(path.relative(outBase, d.copy).split(path.sep).map(encodeURIComponent).join('/'))}">副本</a>`
      : '';
  return (
    `<tr data-i="${i}" data-v="${esc(verdict)}" data-e="${d.errors}" data-w="${d.warnings}" data-n="${d.infos}" tabindex="0">` +
    `<td>${esc(d.file)}${copy}</td><td>${esc(placeOf(d))}</td><td>${esc(d.kind)}</td><td>${esc(d.name)}</td>` +
    `<td>${esc(d.year)}</td><td class="n">${esc(d.rate)}</td><td class="n">${esc(d.stated)}</td>` +
    `<td class="n">${esc(d.recomputed)}</td><td>${esc(d.grade)}</td>` +
    `<td><span class="v ${VERDICT_CLASS[verdict] ?? 'other'}">${esc(verdict)}</span>${checked ? '' : `<div class="msg">${esc(d.message)}</div>`}</td>` +
    `<td class="n e">${checked ? d.errors : ''}</td><td class="n w">${checked ? d.warnings : ''}</td><td class="n">${checked ? d.infos : ''}</td></tr>`
  );
}

export function htmlReport(digests: Digest[], meta: RunMeta, outBase: string | null): string {
  const rules = ruleCounts(digests);
  const data = chartData(digests, rules);
  const t = meta.totals;
  const card = (key: string, label: string, value: number, cls = '') =>
    `<div class="card ${cls}"><div class="num" data-total="${key}">${value}</div><div class="lbl">${label}</div></div>`;
  const ruleRows = rules
    .map(
      (r) =>
        `<tr><td><code>${esc(r.rule)}</code></td><td>${esc(r.title)}</td><td>${SEVERITY[r.severity].name}</td><td class="n">${r.forms}</td><td class="n">${r.findings}</td></tr>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>绩效自评表校验报告</title>
<style>${STYLE}</style></head>
<body>
<header><h1>绩效自评表校验报告</h1>
<p class="meta">selfeval ${esc(meta.version)} · 数据格式 ${esc(meta.schemaVersion)} · ${esc(meta.started.toISOString().replace('T', ' ').slice(0, 19))} UTC · 用时 ${esc(seconds(meta.elapsedMs))} · 输入：${esc(meta.inputs.join('、'))}</p></header>
<section class="cards" aria-label="合计">
${card('files', '文件', t.files)}${card('forms', '自评表', t.forms)}${card('notAForm', '未找到自评表', t.notAForm)}${card('unreadable', '无法读取', t.unreadable)}
${card('需修改', '需修改', t.verdicts.需修改, 'bad')}${card('需说明', '需说明', t.verdicts.需说明, 'warn')}${card('可报送', '可报送', t.verdicts.可报送, 'ok')}
${card('errors', '错误', t.errors, 'bad')}${card('warnings', '警告', t.warnings, 'warn')}${card('infos', '提示', t.infos)}
</section>
<p class="totals" id="totals-line">${esc(t.line(meta.elapsedMs))}</p>
<section class="charts">${charts(data)
    .map((c) => `<figure id="${c.id}">${c.svg}</figure>`)
    .join('\n')}</section>
<h2>各表</h2>
<div class="filters">
<label>结论 <select id="f-verdict"><option value="">全部</option><option>需修改</option><option>需说明</option><option>可报送</option><option>部分读取</option><option>未找到自评表</option><option>无法读取</option></select></label>
<label>问题 <select id="f-severity"><option value="">全部</option><option value="e">有错误</option><option value="w">有警告</option><option value="n">有提示</option><option value="none">无问题</option></select></label>
<label>查找 <input id="f-text" type="search" placeholder="文件或名称"></label>
<span id="shown" aria-live="polite"></span>
</div>
<table id="forms"><thead><tr>
<th data-k="s">文件</th><th data-k="s">工作表</th><th data-k="s">表式</th><th data-k="s">单位或项目名称</th><th data-k="s">年度</th><th data-k="n">执行率(%)</th><th data-k="n">自评总分</th><th data-k="n">复算总分</th><th data-k="s">等级</th><th data-k="s">结论</th><th data-k="n">错误</th><th data-k="n">警告</th><th data-k="n">提示</th>
</tr></thead><tbody>
${digests.map((d, i) => formRow(d, i, outBase)).join('\n')}
</tbody></table>
<p class="hint">点击一行查看该表的问题；点击表头排序。</p>
<h2>规则统计</h2>
<table id="rules"><thead><tr><th>规则编号</th><th>规则</th><th>严重程度</th><th>表数</th><th>问题数</th></tr></thead><tbody>${ruleRows}</tbody></table>
<script type="application/json" id="findings">${findingsData(digests)}</script>
<script>${SCRIPT}</script>
</body></html>
`;
}

/** --html FILE / --format html: one self-contained page, built at the end from the digests. */
export const htmlFormat: Formatter = {
  name: 'html',
  label: 'HTML 报告',
  piece: digestPiece,
  open(sink) {
    const spool = new LineSpool();
    preloadCharts();
    return {
      add(piece, copy) {
        spool.add(copy ? `${piece.slice(0, -1)},"copy":${JSON.stringify(copy)}}` : piece);
      },
      async end(meta) {
        const digests = await readDigests(spool.lines());
        const base = sink.target ? path.dirname(path.resolve(sink.target)) : null;
        await sink.write(htmlReport(digests, meta, base));
      },
      dispose: () => spool.remove(),
    };
  },
};
