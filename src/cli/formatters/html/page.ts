/** The HTML report's style and script, inline (the page fetches nothing). */
export const STYLE = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:1240px;padding:16px 20px;color:#1b2631;background:#fff}
h1{font-size:22px;margin:4px 0}h2{font-size:18px;margin:24px 0 8px}.meta{color:#566573;font-size:13px;margin:2px 0 12px}
.cards{display:flex;flex-wrap:wrap;gap:8px}.card{border:1px solid #d5d8dc;border-radius:6px;padding:8px 14px;min-width:84px;text-align:center}
.card .num{font-size:24px;font-weight:600}.card .lbl{font-size:12px;color:#566573}
.card.bad .num{color:#c0392b}.card.warn .num{color:#b9770e}.card.ok .num{color:#1e8449}
.totals{font-size:13px;color:#34495e}
.charts{display:grid;grid-template-columns:1fr 1fr 1fr;gap:8px}.charts figure{margin:0;border:1px solid #eaecee;border-radius:6px;overflow:hidden}
#chart-rules{grid-column:1 / span 3}.charts svg{max-width:100%;height:auto;display:block}
.filters{display:flex;gap:16px;align-items:center;margin:8px 0;font-size:14px}#shown{color:#566573}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #eaecee;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f4f6f7;position:sticky;top:0;cursor:pointer;white-space:nowrap}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.n{text-align:right;font-variant-numeric:tabular-nums}td.e:not(:empty):not([data-z]){color:#c0392b}
#forms tbody tr[data-i]{cursor:pointer}#forms tbody tr[data-i]:hover{background:#f8f9f9}
.v{padding:1px 6px;border-radius:3px;font-size:12px;white-space:nowrap}.v.bad{background:#fadbd8;color:#922b21}.v.warn{background:#fcf3cf;color:#7e5109}.v.ok{background:#d5f5e3;color:#145a32}.v.other{background:#eaecee}
.msg{color:#566573;font-size:12px}.detail td{background:#fbfcfc;padding:6px 12px}.detail li{margin:3px 0}
.sev0{color:#c0392b;font-weight:600}.sev1{color:#b9770e;font-weight:600}.sev2{color:#566573}
code{font-size:12px;color:#34495e}.hint{font-size:12px;color:#7f8c8d}
`;

/** Sorting, filtering and each form's findings on a click; the table is complete without it. */
export const SCRIPT = `
(function(){
var data=JSON.parse(document.getElementById('findings').textContent);var S=data.s;
var SEV=['错误','警告','提示'];var tbody=document.querySelector('#forms tbody');
var rows=Array.prototype.slice.call(tbody.querySelectorAll('tr[data-i]'));
function str(k){return k<0?'':S[k];}
function esc(s){return s.replace(/[&<>"]/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c];});}
function detail(i){var fs=data.f[i];var tr=document.createElement('tr');tr.className='detail';var td=document.createElement('td');td.colSpan=13;
 if(!fs.length){td.textContent='未发现问题。';}else{var h='<ul>';fs.forEach(function(f){
  h+='<li><span class="sev'+f[1]+'">'+SEV[f[1]]+'</span> <b>'+esc(str(f[0]))+'</b> '+esc(str(f[4]))+' <code>['+esc(str(f[2]))+' '+esc(str(f[3]))+']</code>';
  if(f[5]>=0||f[6]>=0)h+='<br><small>应为：'+esc(str(f[5]))+'；实为：'+esc(str(f[6]))+'</small>';
  if(f[7]>=0)h+='<br><small>修正：'+esc(str(f[7]))+'</small>';
  if(f[8]>=0)h+='<br><small>审核说明：'+esc(str(f[8]))+'</small>';h+='</li>';});td.innerHTML=h+'</ul>';}
 tr.appendChild(td);return tr;}
function toggle(tr){var n=tr.nextElementSibling;if(n&&n.className==='detail'){n.remove();tr.removeAttribute('aria-expanded');return;}
 tr.after(detail(+tr.getAttribute('data-i')));tr.setAttribute('aria-expanded','true');}
tbody.addEventListener('click',function(e){var tr=e.target.closest('tr[data-i]');if(tr&&!e.target.closest('a'))toggle(tr);});
tbody.addEventListener('keydown',function(e){if(e.key==='Enter'){var tr=e.target.closest('tr[data-i]');if(tr)toggle(tr);}});
var fv=document.getElementById('f-verdict'),fs=document.getElementById('f-severity'),ft=document.getElementById('f-text'),shown=document.getElementById('shown');
function apply(){var v=fv.value,s=fs.value,t=ft.value.trim().toLowerCase(),n=0;
 rows.forEach(function(tr){var ok=(!v||tr.getAttribute('data-v')===v)&&(!s||(s==='none'?(+tr.dataset.e+ +tr.dataset.w+ +tr.dataset.n)===0:+tr.dataset[s]>0))&&(!t||tr.textContent.toLowerCase().indexOf(t)>=0);
  tr.hidden=!ok;var d=tr.nextElementSibling;if(d&&d.className==='detail')d.hidden=!ok;if(ok)n++;});
 shown.textContent='显示 '+n+' / '+rows.length+' 张';}
[fv,fs].forEach(function(x){x.addEventListener('change',apply);});ft.addEventListener('input',apply);
document.querySelectorAll('#forms th').forEach(function(th,col){th.addEventListener('click',function(){
 var asc=th.getAttribute('aria-sort')!=='ascending';document.querySelectorAll('#forms th').forEach(function(o){o.removeAttribute('aria-sort');});
 th.setAttribute('aria-sort',asc?'ascending':'descending');var num=th.dataset.k==='n';
 function key(tr){var x=tr.children[col].textContent;if(!num)return x;var v=parseFloat(x);return isNaN(v)?-Infinity:v;}
 rows.sort(function(a,b){var x=key(a),y=key(b);var c=num?x-y:x.localeCompare(y,'zh-CN');return asc?c:-c;});
 rows.forEach(function(tr){var d=tr.nextElementSibling;tbody.appendChild(tr);if(d&&d.className==='detail')tbody.appendChild(d);});});});
apply();
})();
`;
