/** The page's style: readable on screen, and on A4 paper (no controls, no cut tables). */
export const PAGE_CSS = `
:root{--ok:#1b6e32;--bad:#b3261e;--warn:#8a5a00;--muted:#5f6368;--line:#d0d4d9;--bg:#f6f7f9}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1f2328;margin:0;background:#fff}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 10px;border-bottom:2px solid var(--line);padding-bottom:4px}
h2.area{font-size:17px;background:var(--bg);border:0;padding:6px 10px}h3{font-size:15px;margin:0 0 6px}h4{margin:12px 0 4px;font-size:13px}
.muted{color:var(--muted)}code,pre{font-family:ui-monospace,"DejaVu Sans Mono",Consolas,monospace;font-size:12px}
pre{background:var(--bg);border:1px solid var(--line);padding:6px 8px;white-space:pre-wrap;word-break:break-all;margin:4px 0}
pre.error{border-color:#f0b4ae;background:#fdf1f0}
.hash{word-break:break-all;color:var(--muted)}
.verdict{border-radius:6px;padding:14px 18px;margin:16px 0;border:2px solid}
.verdict .headline{font-size:22px;font-weight:700;margin-bottom:4px}
.v-passed{border-color:var(--ok);background:#eaf5ec}.v-passed .headline{color:var(--ok)}
.v-failed{border-color:var(--bad);background:#fdf1f0}.v-failed .headline{color:var(--bad)}
.v-incomplete,.v-partial{border-color:var(--warn);background:#fff6e0}.v-incomplete .headline,.v-partial .headline{color:var(--warn)}
.verdict .tenant-ready{color:var(--ok)!important}.verdict .tenant-not-ready{color:var(--bad)!important}.verdict .tenant-unproven,.verdict .tenant-not-checked{color:var(--warn)!important}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
thead th{background:var(--bg)}td.n{text-align:right;white-space:nowrap}th.n{width:1%;font-size:12px}.bad{color:var(--bad);font-weight:600}
table.manifest th{width:170px;background:var(--bg)}table.manifest td,table.compact td{overflow-wrap:anywhere}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;border:1px solid;vertical-align:1px}
:is(.badge,.chip,.icon).st-passed,li.st-passed .icon{color:var(--ok)}
:is(.badge,.chip).st-failed,li.st-failed .icon{color:var(--bad)}
:is(.badge,.chip):is(.st-incomplete,.st-unknown,.st-skipped,.st-waived,.st-running),li.st-unknown .icon{color:var(--warn)}
:is(.badge,.chip):is(.st-not-covered,.st-not-run,.st-absent){color:var(--muted)}
.chips{margin-top:3px}.chip{display:inline-block;font-size:11px;padding:0 5px;border:1px solid;border-radius:3px;text-decoration:none;margin:1px}
.rule{border:1px solid var(--line);border-left:6px solid var(--muted);border-radius:4px;padding:10px 14px;margin:10px 0}
.rule.st-passed{border-left-color:var(--ok)}.rule.st-failed{border-left-color:var(--bad)}.rule.st-incomplete,.rule.st-waived{border-left-color:var(--warn)}
.rule-id{font-family:ui-monospace,monospace}.kind{font-size:12px;color:var(--muted);font-weight:400}
.statement{font-size:15px;margin:4px 0 8px}
dl{display:grid;grid-template-columns:110px 1fr;gap:3px 10px;margin:0}dt{font-weight:600;color:var(--muted)}dd{margin:0}dd>p{margin:0}
ul.scenarios{margin:0;padding-left:0;list-style:none}ul.scenarios li{margin:2px 0}
.tag{font-size:11px;background:var(--bg);border:1px solid var(--line);border-radius:3px;padding:0 4px}
.witness{display:inline-block;margin-right:10px}.agree{color:var(--ok)}.disagree{color:var(--bad);font-weight:600}.allowed{color:var(--warn)}
table.checks td{overflow-wrap:anywhere}table.checks td:first-child{width:26%}table.checks td:nth-child(2){width:14%}
tr.check-disagree td{background:#fdf1f0}
details.evidence{margin-top:8px}details.evidence>summary{cursor:pointer;font-weight:600}
details.more>summary{cursor:pointer;color:var(--muted);margin:4px 0}
.waiver{background:#fff6e0;border:1px solid #f1d9a6;padding:4px 8px}
.controls{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:8px 0}.controls input{flex:1;min-width:220px;padding:5px}
.controls select,.controls input,.pager button{font:inherit;padding:4px}
table.findings th[data-col]{cursor:pointer;user-select:none}table.findings th.sorted-asc::after{content:" ▲"}table.findings th.sorted-desc::after{content:" ▼"}
table.findings td.dn{overflow-wrap:anywhere}.nw{white-space:nowrap}.print-only{display:none}table.findings .cn{font-weight:600}
tr.sev-0 td.outcome{color:var(--bad);font-weight:600}tr.sev-1 td.outcome{color:var(--warn)}tr.sev-3 td.outcome{color:var(--ok)}
.note{background:#eef3fb;border:1px solid #c6d5ee;padding:6px 10px}
@page{size:A4;margin:14mm 12mm}
@media print{body{font-size:10.5pt}.print-only{display:block}main{max-width:none;padding:0}.no-print{display:none!important}
.rule,.verdict,table.manifest,tr{break-inside:avoid}h2{break-after:avoid}a{color:inherit;text-decoration:none}
pre{max-height:none}.verdict,.badge,.rule{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
`;

/** Sorting, filtering and paging of the findings table; opens every evidence block before printing. */
export const PAGE_SCRIPT = `
(function(){
var data=JSON.parse(document.getElementById('findings-data').textContent);
var PAGE=50,state={text:'',rule:'',sev:'',col:4,dir:1,page:0},view=[];
var body=document.querySelector('#findings-table tbody');
var sevName=['blocking','warning','info','holds'];
var cmp=new Intl.Collator('en',{numeric:true,sensitivity:'base'}).compare;
function esc(s){return String(s).replace(/[&<>"]/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]})}
function key(r,c){return c===1?data.forests[r[1]]:c===2?data.rules[r[2]]:c===6?data.witnesses[r[6]]:r[c]}
function apply(){
  var t=state.text.toLowerCase();
  view=data.rows.filter(function(r){
    if(state.rule!==''&&r[2]!==+state.rule)return false;
    if(state.sev==='findings'&&r[3]!==1)return false;
    if(state.sev!==''&&state.sev!=='findings'&&r[4]!==+state.sev)return false;
    return !t||r[0].toLowerCase().indexOf(t)>=0||r[5].toLowerCase().indexOf(t)>=0;
  });
  var c=state.col,d=state.dir;
  view.sort(function(a,b){var x=key(a,c),y=key(b,c);return (typeof x==='number'?x-y:cmp(x,y))*d||cmp(a[0],b[0])});
  state.page=0;render();
}
function render(){
  var pages=Math.max(1,Math.ceil(view.length/PAGE));if(state.page>=pages)state.page=pages-1;
  var out=[],rows=view.slice(state.page*PAGE,state.page*PAGE+PAGE);
  rows.forEach(function(r){
    var cn=(/^CN=((?:\\\\,|[^,])*)/i.exec(r[0])||[])[1]||r[0];
    out.push('<tr class="sev-'+r[4]+'"><td class="dn"><span class="cn">'+esc(cn.replace(/\\\\,/g,','))+'</span><br><span class="muted">'+esc(r[0]).replace(/,/g,',<wbr>')+'</span></td><td>'+esc(data.forests[r[1]])+'</td><td class="nw"><a href="#rule-'+esc(data.rules[r[2]])+'">'+esc(data.rules[r[2]])+'</a></td><td class="outcome nw">'+sevName[r[4]]+'</td><td>'+esc(r[5])+'</td><td>'+esc(data.witnesses[r[6]])+'</td></tr>');
  });
  var capped=data.total>data.rows.length,n=function(x){return x.toLocaleString('en')};
  var none=capped?'No row of this page matches. The page holds only the '+n(data.rows.length)+' most serious of '+n(data.total)+' outcomes: look in findings.csv for the rest.':'No object matches the filter.';
  body.innerHTML=out.join('')||'<tr><td colspan="6" class="muted">'+none+'</td></tr>';
  document.getElementById('f-count').textContent=n(view.length)+' of '+n(data.rows.length)+' rows'+(capped?' in this page (the run has '+n(data.total)+')':'');
  document.getElementById('f-page').textContent='page '+(state.page+1)+' of '+pages;
  document.getElementById('f-print').textContent='Printed: rows '+(view.length?state.page*PAGE+1:0)+' to '+(state.page*PAGE+rows.length)+' of '+view.length.toLocaleString('en')+' matching rows'+(state.text?' (filter “'+state.text+'”)':'')+'. Every outcome is in findings.csv.';
  document.getElementById('f-prev').disabled=state.page===0;document.getElementById('f-next').disabled=state.page>=pages-1;
  document.querySelectorAll('#findings-table th[data-col]').forEach(function(th){th.className=+th.dataset.col===state.col?(state.dir>0?'sorted-asc':'sorted-desc'):''});
}
document.getElementById('f-text').addEventListener('input',function(e){state.text=e.target.value;apply()});
document.getElementById('f-rule').addEventListener('change',function(e){state.rule=e.target.value;apply()});
document.getElementById('f-severity').addEventListener('change',function(e){state.sev=e.target.value;apply()});
document.getElementById('f-prev').addEventListener('click',function(){state.page--;render()});
document.getElementById('f-next').addEventListener('click',function(){state.page++;render()});
document.querySelectorAll('#findings-table th[data-col]').forEach(function(th){th.addEventListener('click',function(){var c=+th.dataset.col;state.dir=state.col===c?-state.dir:1;state.col=c;apply()})});
document.querySelectorAll('a[data-rule-filter]').forEach(function(a){a.addEventListener('click',function(){var i=data.rules.indexOf(a.dataset.ruleFilter);var s=document.getElementById('f-rule');s.value=i<0?'':String(i);state.rule=s.value;apply()})});
window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})});
apply();
})();
`;
