// The HTML view's inline style sheet and script (the page fetches nothing).
#ifndef BITEXT_REPORTS_HTML_PAGE_ASSETS_H_
#define BITEXT_REPORTS_HTML_PAGE_ASSETS_H_

namespace bitext {

// From 1100 px up the outline is a sidebar; below, it is a box above the
// rows, so that the text columns keep their width on a narrow screen.
inline constexpr const char* kHtmlStyle = R"(
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1b1b1b;background:#fff;display:flex;align-items:flex-start}
nav{position:sticky;top:0;flex:0 0 15rem;max-height:100vh;overflow:auto;padding:.75rem;border-right:1px solid #ddd;background:#fafafa;font-size:13px}
nav summary{font-weight:700;cursor:pointer;margin:.1rem 0 .4rem}
nav ol{list-style:none;margin:0;padding:0}
nav li{margin:.15rem 0}
nav a{color:#0b4f8a;text-decoration:none}
nav a:hover{text-decoration:underline}
.lvl-2{padding-left:1em}.lvl-3{padding-left:2em}.lvl-4{padding-left:3em}.lvl-5{padding-left:4em}.lvl-6{padding-left:5em}
main{flex:1;min-width:0;padding:.75rem 1rem}
h1{font-size:20px;margin:.25rem 0}
.paths{color:#555;margin:.25rem 0 .5rem}
code{font-size:12px;word-break:break-all}
.top>p{margin:0}
.top{display:flex;flex-wrap:wrap;align-items:baseline;gap:.3rem 1.25rem;margin:.25rem 0 .6rem}
.top>details[open]{flex-basis:100%;border:1px solid #ddd;padding:.25rem .6rem .5rem}
.top>details>summary{cursor:pointer;font-weight:600}
.filters{border:0;padding:0;margin:0}
.filters legend{float:left;margin-right:.5rem;font-weight:600}
.filters label{margin-right:.8rem}
.filters select{margin-left:.4rem;max-width:14rem}
.n-error{color:#c62828}.n-warning{color:#b26a00}.n-info{color:#1565c0}
table{border-collapse:collapse}
.counts{margin:.4rem 0}
.counts td,.counts th{border:1px solid #ddd;padding:.15rem .5rem;text-align:right}
.counts td:first-child,.counts th:first-child{text-align:left}
.flist{padding-left:2.2rem;margin:.4rem 0 0;max-height:50vh;overflow:auto}
.flist li{margin:.1rem 0;overflow-wrap:anywhere}
.sev{display:inline-block;min-width:4.5em;font-weight:600}
.legend ul{list-style:none;margin:.3rem 0 0;padding:0;columns:22rem auto;column-gap:2rem}
.legend li{margin:.2rem 0;break-inside:avoid}
.sw{display:inline-block;padding:0 .4rem;border:1px solid #ddd}
.sw.hd{background:#eef1f6;font-weight:700;border-top:2px solid #9aa7bd}.sw.has-f{background:#fff8e1}
.sw.target{box-shadow:inset 0 2px #0b4f8a,inset 0 -2px #0b4f8a}
.rows{width:100%;table-layout:fixed}
.heads{position:sticky;top:0;z-index:1}
.chunk{content-visibility:auto;contain-intrinsic-size:auto 12000px}
.chunk tr:first-child td{border-top:0}
.rows th,.rows td{border:1px solid #ddd;padding:.3rem .45rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
.rows thead th{background:#eee}
.rows col.meta{width:3.4rem}
.rows tr{scroll-margin-top:3rem}
.rows tr:target td{box-shadow:inset 0 2px #0b4f8a,inset 0 -2px #0b4f8a}
td.meta{font-size:12px;color:#555}
.ln{display:block;font-size:11px;color:#888}
.p+.p{margin-top:.3rem}
td.empty{color:#bbb;text-align:center}
tr.hd td{background:#eef1f6;font-weight:700;font-size:15px;border-top:2px solid #9aa7bd}
tr.has-f td{background:#fff8e1}
tr.hd.has-f td{background:#f3ecd6}
.sim{display:block;font-size:11px;color:#555;font-weight:400}
.legend .sim{display:inline-block;margin-right:.5rem}
.bar{display:inline-block;vertical-align:middle;height:5px;background:#e4e4e4;width:4rem;margin-right:.3rem}
.bar span{display:block;height:100%;background:#4a8f4a}
.sim.low .bar span{background:#c62828}
.diverge,.lowconf,.tag{display:inline-block;margin:.1rem .2rem .1rem 0;padding:0 .3rem;border-radius:3px;color:#fff;font-size:11px;font-weight:400}
.diverge{background:#6a1b9a}.lowconf{background:#8d6e63}.tag{background:#546e7a}
mark{background:none;border-bottom:2px solid;padding:0 1px}
mark.sev-error{background:#ffd7d7;border-color:#c62828}mark.sev-warning{background:#ffe9c2;border-color:#b26a00}mark.sev-info{background:#dbe9fb;border-color:#1565c0}
details.finding{margin-top:.3rem;font-weight:400}
.badge{display:inline-block;cursor:pointer;padding:0 .35rem;border-radius:3px;color:#fff;font-size:12px}
.msg{font-size:12px;padding:.2rem .3rem;border-left:3px solid #ccc;margin-top:.15rem}
.sev-error .badge{background:#c62828}.sev-warning .badge{background:#b26a00}.sev-info .badge{background:#1565c0}
.flist .sev-error .sev{color:#c62828}.flist .sev-warning .sev{color:#b26a00}.flist .sev-info .sev{color:#1565c0}
.hide-error .sev-error,.hide-warning .sev-warning,.hide-info .sev-info,.flist li[hidden],details.finding[hidden]{display:none}
@media (max-width:1099px){
body{display:block}
nav{position:static;max-height:none;border-right:0;border-bottom:1px solid #ddd;padding:.3rem .75rem}
nav ol{max-height:40vh;overflow:auto}
main{padding:.5rem}
.rows th,.rows td{padding:.25rem .35rem}
}
@media print{
nav,.filters{display:none}
.chunk{content-visibility:visible}
.heads{position:static}
body{display:block;font-size:11px}
main{padding:0}
tr{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
a{color:inherit;text-decoration:none}
tr.hd td,tr.has-f td,.badge,.bar span,.diverge,.lowconf,.tag,mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)";

// One listener for the whole page (no per-row scripts): a severity box
// toggles a class on <body> and CSS hides the matching list entries and
// badges; the rule menu hides the entries and badges of the other rules.
// The filters stay hidden without the script, where they could do nothing.
// On a narrow screen the outline, open for a page without the script,
// starts closed so that the rows come first.
inline constexpr const char* kHtmlScript = R"(
(function(){
var f=document.querySelector('.filters');
if(f){f.hidden=false;f.addEventListener('change',function(e){
var s=e.target.getAttribute('data-sev');if(s)document.body.classList.toggle('hide-'+s,!e.target.checked);
if(e.target.name==='rule'){var r=e.target.value,all=document.querySelectorAll('[data-rule]');for(var i=0;i<all.length;i++)all[i].hidden=r!==''&&all[i].getAttribute('data-rule')!==r;}
});}
var o=document.querySelector('nav details');
if(o&&window.matchMedia('(max-width:1099px)').matches)o.open=false;
window.addEventListener('beforeprint',function(){var d=document.querySelectorAll('details.finding');for(var i=0;i<d.length;i++)d[i].open=true;});
})();
)";

}  // namespace bitext

#endif  // BITEXT_REPORTS_HTML_PAGE_ASSETS_H_
