/**
 * The portal's only assets, served by the server itself (`/portal/assets/…`, no outside origin):
 * one stylesheet and one small script (the token copy button). The CSP allows scripts and styles
 * from 'self' only, so nothing is inline.
 */
export const PORTAL_CSS = `
:root{--fg:#1b1f24;--muted:#5b6470;--bg:#f6f7f9;--card:#fff;--line:#d9dde3;--brand:#2346d1;--ok:#1a7f37;--warn:#9a6700;--err:#c62828;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);line-height:1.5}
a{color:var(--brand)}header.top{background:#111827;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
header.top a{color:#fff;text-decoration:none}header.top .logo{font-weight:700;font-size:1.1rem;margin-right:auto}
nav.main{display:flex;flex-wrap:wrap;gap:.25rem}nav.main a{padding:.3rem .6rem;border-radius:4px}nav.main a[aria-current=page]{background:#374151}
header.top form{margin:0}header.top button{background:transparent;color:#fff;border:1px solid #6b7280}
main{max-width:1100px;margin:0 auto;padding:1rem}h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem;margin-bottom:1rem}
.card>h2:first-child,.card>h1:first-child{margin-top:0}.grid{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(260px,1fr))}
table{width:100%;border-collapse:collapse;background:var(--card)}th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.85rem;color:var(--muted);font-weight:600}.table-wrap{overflow-x:auto;margin-bottom:1rem}.inline select{width:auto}
label{display:block;font-weight:600;margin:.6rem 0 .2rem}input[type=text],input[type=email],input[type=password],input[type=file],select,textarea{width:100%;max-width:28rem;padding:.45rem;border:1px solid #9aa3ad;border-radius:4px;font:inherit}
textarea{max-width:100%;min-height:8rem;font-family:ui-monospace,monospace;font-size:.85rem}
fieldset{border:1px solid var(--line);border-radius:4px;max-width:28rem}legend{font-weight:600}
fieldset label{display:inline-flex;gap:.3rem;font-weight:400;margin-right:1rem}
button,.button{display:inline-block;background:var(--brand);color:#fff;border:0;border-radius:4px;padding:.45rem .9rem;font:inherit;cursor:pointer;text-decoration:none;margin-top:.6rem}
.secondary{background:#fff;color:var(--brand);border:1px solid var(--brand)}.danger{background:var(--err)}
.plan{display:flex;flex-direction:column}.plan ul{flex:1}.plan form,.plan>.button{align-self:flex-start}
button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.inline{display:inline}.inline button{margin-top:0;padding:.25rem .6rem;font-size:.9rem}
.flash{padding:.7rem 1rem;border-radius:6px;margin-bottom:1rem;border:1px solid}.flash.info{background:#eef4ff;border-color:#9db4f0}
.flash.warning{background:#fff8e1;border-color:#e6c35c}.flash.error{background:#fdecea;border-color:#e59a9a}.flash.ok{background:#e9f7ee;border-color:#8fd0a4}
.muted{color:var(--muted)}.nowrap{white-space:nowrap}header.top .muted{color:#cbd5e1}.big{font-size:2rem;font-weight:700}code,.secret{font-family:ui-monospace,monospace;word-break:break-all}
.secret{display:block;background:#111827;color:#e5e7eb;padding:.6rem;border-radius:4px;margin:.4rem 0}
.plans{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(240px,1fr))}.plan h3{margin:.2rem 0}.plan .price{font-size:1.5rem;font-weight:700}
.plan ul{padding-left:1.2rem}.plan.current{border-color:var(--brand);box-shadow:0 0 0 2px var(--brand)}
.hero{text-align:center;padding:2rem 1rem}.hero p{font-size:1.15rem;color:var(--muted);max-width:40rem;margin:0 auto 1rem}
.auth{max-width:30rem;margin:0 auto}.chart svg{width:100%;height:auto;max-height:240px}.chart .bar{fill:var(--brand)}.chart .quota{stroke:var(--err);stroke-dasharray:4 3}.chart .future{fill:#f3f4f6}.activity td{overflow-wrap:anywhere}
.chart text{font-size:11px;fill:var(--muted)}.meter{display:block;border-radius:4px;margin:.2rem 0 .6rem}
.status-list{list-style:none;padding:0;margin:0}.status-list li{display:flex;justify-content:space-between;border-bottom:1px solid var(--line);padding:.25rem 0}
.problem-error{color:var(--err)}.problem-warning{color:var(--warn)}.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:.5rem;background:#fff;color:var(--brand);padding:.5rem;z-index:10}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
@media (max-width:600px){main{padding:.5rem}h1{font-size:1.3rem}header.top{gap:.5rem}.chart text{font-size:16px}
.activity thead{display:none}.activity tr{display:block;border-bottom:1px solid var(--line);padding:.3rem 0}.activity td{display:block;border:0;padding:.05rem .5rem}}
`;

/** Progressive enhancement: copy buttons work when scripts run; the secret is selectable anyway. */
export const PORTAL_JS = `
document.querySelectorAll('button[data-copy]').forEach(function (b) {
  b.hidden = false;
  b.addEventListener('click', function () {
    var el = document.getElementById(b.getAttribute('data-copy'));
    if (!el) return;
    navigator.clipboard.writeText(el.textContent.trim()).then(function () { b.textContent = 'Copied'; }, function () { b.textContent = 'Select and copy'; });
  });
});
document.querySelectorAll('form[data-confirm]').forEach(function (f) {
  f.addEventListener('submit', function (e) { if (!confirm(f.getAttribute('data-confirm'))) e.preventDefault(); });
});
`;
