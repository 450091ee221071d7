// The portal chrome: a Bitrix24-like top bar, left menu and work area (enough to host app frames).
export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.4 "Helvetica Neue",Arial,sans-serif;background:#eef2f4;color:#333}
.top{height:52px;background:#2fc6f6;background:linear-gradient(90deg,#1f8fd6,#2fc6f6);color:#fff;display:flex;align-items:center;padding:0 20px;gap:16px}
.top b{font-size:18px}.top .user{margin-left:auto;opacity:.9}
.wrap{display:flex;min-height:calc(100vh - 52px)}.menu{width:220px;padding:16px 8px;background:#fff;border-right:1px solid #dfe3e6}
.menu a{display:block;padding:8px 12px;border-radius:8px;color:#333;text-decoration:none}.menu a:hover,.menu a.on{background:#e5f6fd}
.main{flex:1;padding:20px 24px}#pagetitle{font-size:22px;font-weight:600;margin:0 0 14px}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}.tabs{display:flex;gap:4px;padding:8px 12px;border-bottom:1px solid #eef0f2}
.tabs a{padding:8px 14px;border-radius:8px;color:#525c69;text-decoration:none}.tabs a.on{background:#2fc6f6;color:#fff}
.body{padding:16px}.fields td{padding:4px 16px 4px 0;vertical-align:top}.fields td:first-child{color:#828b95}
iframe.app{width:100%;min-height:480px;border:0;display:block}table.list{border-collapse:collapse;width:100%}
table.list td,table.list th{padding:8px 10px;border-bottom:1px solid #eef0f2;text-align:left}.btn{display:inline-block;background:#bbed21;border:0;border-radius:18px;padding:8px 18px;color:#333;font-weight:600;cursor:pointer;text-decoration:none}
.stages{display:flex;gap:3px;flex-wrap:wrap;margin:0 0 16px}.stages button{flex:1;min-width:90px;border:0;border-bottom:3px solid var(--c);border-radius:3px;padding:8px 10px;background:#eef2f4;color:#525c69;font:inherit;font-size:12px;cursor:pointer}
.stages button.on{background:var(--c);color:#fff;font-weight:600}.stages button:hover{filter:brightness(.95)}
.msg{border-radius:8px;padding:8px 14px;margin:0 0 12px}.msg p{margin:4px 0}.msg.error{background:#ffecec;color:#c0392b;border:1px solid #f5b5b5}.msg.ok{background:#eef9dc;color:#4a7a00;border:1px solid #c8e89a}
.item-form td{vertical-align:middle}.item-form input,.item-form select,.item-form textarea{font:inherit;padding:6px 8px;border:1px solid #c6cdd3;border-radius:6px;min-width:280px}.hint{color:#828b95}
h3{font-size:15px;margin:18px 0 8px;color:#525c69}.btn-grey{background:#e0e4e7}.btn-red{background:#ff5752;color:#fff}
details.uninstall{display:inline-block;vertical-align:top}details.uninstall summary{list-style:none}details.uninstall form{margin-top:8px}
.slider{position:fixed;inset:0;background:rgba(0,0,0,.35);display:none}.slider.on{display:block}.slider .panel{position:absolute;right:0;top:0;bottom:0;width:75%;background:#eef2f4;padding:20px;overflow:auto}
`

export function page(
  title: string,
  body: string,
  opts: { user: string; menu: [string, string][]; active?: string; head?: string },
): string {
  const menu = opts.menu
    .map(([href, label]) => `<a href="${esc(href)}" class="${opts.active === href ? 'on' : ''}">${esc(label)}</a>`)
    .join('')
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style>${opts.head ?? ''}</head>
<body><div class="top"><b>Битрикс24</b><span>Sandbox</span><span class="user">${esc(opts.user)}</span></div>
<div class="wrap"><nav class="menu">${menu}</nav><main class="main"><h1 id="pagetitle">${esc(title)}</h1>${body}</main></div>
<div class="slider" id="slider"><div class="panel" id="slider-panel"></div></div></body></html>`
}
