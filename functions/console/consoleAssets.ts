/**
 * The console's only stylesheet and script, served by the app itself (no asset from the
 * internet). Colours keep at least 4.5:1 contrast; the layout is one column on a phone.
 */
export const CONSOLE_CSS = `
:root{--ink:#1b1f24;--muted:#4a5360;--line:#c9ced6;--bg:#f6f7f9;--card:#fff;--brand:#0b4f8a;--brand-ink:#fff;--bad:#a4161a;--bad-bg:#fde8e8;--warn:#7a4b00;--warn-bg:#fff4d6;--ok:#1e6b35;--ok-bg:#e4f4e8;--focus:#ffbf47}
*{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font-family:system-ui,-apple-system,"Noto Sans TC","PingFang TC","Microsoft JhengHei",sans-serif;line-height:1.6;color:var(--ink);background:var(--bg)}
a{color:var(--brand)}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--card);padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem}
header.top{background:var(--brand);color:var(--brand-ink);padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
header.top a{color:var(--brand-ink)}
header.top .brand{font-weight:700;text-decoration:none}
header.top nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;margin:0;padding:0}
header.top .who{margin-left:auto;display:flex;gap:.75rem;align-items:center;flex-wrap:wrap}
header.top form{margin:0}
header.top button{background:transparent;color:var(--brand-ink);border:1px solid var(--brand-ink);border-radius:4px;padding:.25rem .75rem;font:inherit;cursor:pointer}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
section.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:1rem;margin:0 0 1rem}
.grid{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr))}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600}
.table-wrap{overflow-x:auto}
.muted{color:var(--muted)}
.tag{display:inline-block;border-radius:3px;padding:0 .4rem;font-size:.85rem;font-weight:600}
.tag.bad{background:var(--bad-bg);color:var(--bad)}
.tag.warn{background:var(--warn-bg);color:var(--warn)}
.tag.ok{background:var(--ok-bg);color:var(--ok)}
.figure{font-size:1.8rem;font-weight:700}
form.action{display:grid;gap:.5rem;max-width:36rem;margin:.5rem 0 1rem}
label{font-weight:600}
input,select,textarea{font:inherit;padding:.4rem;border:1px solid #6b7480;border-radius:4px;width:100%;background:#fff;color:var(--ink)}
input[type=checkbox],input[type=radio]{width:auto}
button.primary{background:var(--brand);color:var(--brand-ink);border:0;border-radius:4px;padding:.5rem 1rem;font:inherit;font-weight:600;cursor:pointer;justify-self:start}
.field-error,.problem{color:var(--bad);background:var(--bad-bg);border-left:4px solid var(--bad);padding:.25rem .5rem;margin:.25rem 0}
.notice{background:var(--ok-bg);color:var(--ok);border-left:4px solid var(--ok);padding:.5rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
footer{max-width:72rem;margin:0 auto;padding:1rem;color:var(--muted);font-size:.9rem}
@media (max-width:40rem){dl.facts{grid-template-columns:1fr}header.top .who{margin-left:0}h1{font-size:1.3rem}}
`;
