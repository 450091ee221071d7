// The smallest portal parent page for the UI smoke test: hosts the app's iframe by form POST and
// answers B24Frame's postMessage protocol (`command:params:callbackId:appSid` -> `callbackId:json`).
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export async function startMinimalPortal(appUrl: string, init: Record<string, unknown>) {
  let origin = ''
  const server = http.createServer((req, res) => {
    const frameName = `${new URL(origin).host}|0|test-sid`
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>Portal</title></head><body>
<div id="pagetitle">Portal</div>
<form id="f" method="POST" action="${appUrl}" target="${frameName}">
  ${Object.entries({
    member_id: init.MEMBER_ID,
    AUTH_ID: init.AUTH_ID,
    PLACEMENT: init.PLACEMENT,
    PLACEMENT_OPTIONS: JSON.stringify(init.PLACEMENT_OPTIONS),
    LANG: init.LANG,
  })
    .map(([k, v]) => `<input type="hidden" name="${k}" value='${String(v)}'>`)
    .join('\n  ')}
</form>
<iframe name="${frameName}" style="width:100%;height:600px;border:0"></iframe>
<script>
  const init = ${JSON.stringify(init)};
  window.addEventListener('message', (e) => {
    if (typeof e.data !== 'string') return;
    const first = e.data.indexOf(':'), last = e.data.lastIndexOf(':');
    const command = e.data.slice(0, first);
    const rest = e.data.slice(first + 1, last);
    const cbEnd = rest.lastIndexOf(':');
    const callbackId = cbEnd < 0 ? rest : rest.slice(cbEnd + 1);
    const params = cbEnd < 0 ? '' : rest.slice(0, cbEnd);
    window.__messages = (window.__messages || []).concat([command]);
    let reply = {};
    if (command === 'getInitData') reply = init;
    if (command === 'setTitle') document.getElementById('pagetitle').textContent = JSON.parse(params).title;
    if (command === 'resizeWindow') document.querySelector('iframe').style.height = JSON.parse(params).height + 'px';
    e.source.postMessage(callbackId + ':' + JSON.stringify(reply), e.origin);
  });
  document.getElementById('f').submit();
</script></body></html>`
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { origin, close: () => new Promise<void>((r) => server.close(() => r())) }
}
