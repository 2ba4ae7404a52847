// The frame of every page: title, the signed-in account and its menu, the
// demo notice, and one stylesheet. Pages are Chinese; they work at phone
// width (one column, tables scroll sideways).

import { XLSX_WARNING_FILL_HEX } from '../layout/excel.js';
import { html, type Html } from './html.js';
import { ROLE_LABELS, type Role } from './roles.js';

/** Who is looking at the page, as the frame needs it. */
export interface Viewer {
  username: string;
  displayName: string;
  role: Role;
}

/** What a page tells the frame. */
export interface PageOptions {
  title: string;
  /** The signed-in account and a CSRF token made for its session: the frame's 退出 form needs both, so a signed-in page cannot be framed without a token. */
  signedIn?: { viewer: Viewer; csrf: string };
  demo: boolean;
}

function menu({ viewer, csrf }: { viewer: Viewer; csrf: string }): Html {
  const office = viewer.role === 'office';
  return html`<nav class="menu">
  <a href="/plans">方案</a>
  ${office ? html`<a href="/plans/import">导入方案</a><a href="/accounts">账户</a><a href="/audit">操作记录</a>` : ''}
  <a href="/password">修改密码</a>
  <span class="who">${viewer.displayName}（${ROLE_LABELS[viewer.role]}）</span>
  <form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit">退出</button></form>
</nav>`;
}

/** A whole page around `body`. */
export function page(options: PageOptions, body: Html): string {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · 整改工作台</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="data:,">
</head>
<body>
${options.demo ? html`<div class="demo">演示模式：数据为示例，账户为演示账户，请勿录入真实信息</div>` : ''}
<header><a class="brand" href="/">整改工作台</a>${options.signedIn ? menu(options.signedIn) : ''}</header>
<main>
<h1>${options.title}</h1>
${body}
</main>
</body>
</html>
`.text;
}

/** The stylesheet, served at /static/style.css; the warning colours are the ledger's fills (layout/excel.ts). */
export const STYLESHEET = `
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:#1d1d1f;background:#f6f6f4;line-height:1.6}
header{background:#8b1a1a;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem}
header a{color:#fff;text-decoration:none}
.brand{font-weight:bold;font-size:1.15rem}
.menu{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center}
.menu .who{opacity:.85}
.inline{display:inline}
.menu button{background:none;border:1px solid #fff;color:#fff;border-radius:3px;padding:0 .5rem;cursor:pointer}
main{padding:1rem;max-width:1200px;margin:0 auto}
h1{font-size:1.4rem;margin:.25rem 0 1rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.demo{background:#ffe58f;color:#5c3c00;text-align:center;padding:.35rem;font-weight:bold}
.table-wrap{overflow-x:auto;background:#fff;border:1px solid #ddd}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #e3e3e3;padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#f0efe9;white-space:nowrap}
form.stack{display:flex;flex-direction:column;gap:.75rem;max-width:720px;background:#fff;padding:1rem;border:1px solid #ddd}
form.stack label{display:flex;flex-direction:column;gap:.2rem;font-weight:bold}
input[type=text],input[type=password],input[type=date],select,textarea{font:inherit;padding:.4rem;border:1px solid #bbb;border-radius:3px;width:100%}
textarea{min-height:8rem}
form.stack input,form.stack textarea,form.stack select{font-weight:normal}
button,.button{font:inherit;background:#8b1a1a;color:#fff;border:0;border-radius:3px;padding:.45rem 1rem;cursor:pointer;text-decoration:none;display:inline-block}
.hint{color:#555;font-weight:normal;font-size:.9rem}
.error{background:#fde2e1;border:1px solid #e0a3a0;padding:.5rem 1rem;color:#7a1511}
.warn{background:#fff4d6;border:1px solid #e6c36a;padding:.5rem 1rem;color:#5c3c00;margin:.5rem 0}
.ok{background:#e3f4e1;border:1px solid #a6d3a0;padding:.5rem 1rem}
.colour{display:inline-block;min-width:3.5em;text-align:center;border-radius:3px;padding:0 .3rem}
${(Object.entries(XLSX_WARNING_FILL_HEX) as [string, string][]).map(([colour, hex]) => `.colour-${colour}{background:#${hex}}`).join('')}.colour-none{background:#eee}
.diag-error td:first-child{color:#a1160e;font-weight:bold}
.diag-warning td:first-child{color:#8a5a00}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;background:#fff;padding:1rem;border:1px solid #ddd}
dl.fields dt{font-weight:bold}
dl.fields dd{margin:0}
ul.links li{margin:.3rem 0}
.assign{display:flex;flex-wrap:wrap;gap:.3rem;margin-top:.4rem}.assign select,.assign input{width:auto;flex:1 1 8em}
.field-error{color:#a1160e;margin:.2rem 0 0;font-weight:normal}.field-warning{color:#8a5a00;margin:.2rem 0 0;font-weight:normal}
.prewrap{white-space:pre-wrap}.tag{display:inline-block;background:#fff;border:1px solid #ccc;border-radius:3px;padding:0 .4rem;margin:.1rem 0}
.behind td:first-child{color:#a1160e;font-weight:bold}
table.figures{min-width:0;width:auto}table.figures th{text-align:left;font-weight:normal}table.figures td{text-align:right;font-weight:bold}
td.nowrap{white-space:nowrap}.table-wrap.narrow{display:inline-block;max-width:100%}
ul.colour-counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1rem}
svg.bar{display:block;max-width:100%;height:auto}.legend .tag svg{vertical-align:middle}
.otp{font-family:monospace;font-size:1.3rem;background:#fff;border:2px dashed #8b1a1a;padding:.5rem 1rem;display:inline-block}
@media (max-width:640px){
main{padding:.5rem}
dl.fields{grid-template-columns:1fr}dl.fields dt{margin-top:.5rem}
table{min-width:600px}
table.cards{min-width:0}
table.cards thead{display:none}
table.cards tr{display:block;border-bottom:2px solid #ccc;padding:.3rem 0}
table.cards td{display:flex;gap:.75rem;border:0;padding:.15rem .5rem}
table.cards td::before{content:attr(data-label);flex:0 0 4.5em;color:#666}
tr.entry-warnings .field-warning{position:sticky;left:.5rem;max-width:calc(100vw - 2.5rem)}
}
`;
