// The parent side of the postMessage protocol B24Frame speaks (stack notes section 2):
// messages `command:params:callbackId:appSid`, replies `callbackId:json`, origin-checked.
export const frameHostScript = String.raw`
(function () {
  const log = window.__frameLog = [];
  function parse(msg) {
    const first = msg.indexOf(':'), last = msg.lastIndexOf(':');
    if (first < 0 || last <= first) return null;
    const command = msg.slice(0, first), appSid = msg.slice(last + 1), mid = msg.slice(first + 1, last);
    const cb = mid.lastIndexOf(':');
    return { command, appSid, callbackId: cb < 0 ? mid : mid.slice(cb + 1), params: cb < 0 ? '' : mid.slice(0, cb) };
  }
  async function post(path, body) {
    const r = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return r.json();
  }
  window.addEventListener('message', async function (e) {
    let m = null;
    if (typeof e.data === 'string') m = parse(e.data);
    else if (e.data && typeof e.data === 'object' && e.data.method) m = { command: e.data.method, params: JSON.stringify(e.data.params || {}), callbackId: e.data.callback, appSid: e.data.appSid };
    if (!m) return;
    const f = (window.__frames || {})[m.appSid];      // appSid -> { init, origin, appId, userId, name }
    if (!f || e.origin !== f.origin) return;            // only the app's own origin may talk to us
    let params = {};
    try { params = m.params ? JSON.parse(m.params) : {}; } catch (_) { params = {}; }
    log.push(m.command);
    let reply = {};
    switch (m.command) {
      case 'getInitData': reply = f.init; break;
      case 'refreshAuth': reply = await post('/_portal/refresh', { appId: f.appId, userId: f.userId }); f.init.AUTH_ID = reply.AUTH_ID; break;
      case 'setInstall': reply = {}; break;
      case 'setInstallFinish': reply = await post('/_portal/finish', { appId: f.appId }); document.dispatchEvent(new CustomEvent('portal:install-finished')); break;
      case 'resizeWindow': { const el = document.querySelector('iframe[name="' + f.name + '"]'); if (el && params.height) el.style.height = Math.max(200, Number(params.height)) + 'px'; break; }
      case 'setTitle': { const t = document.getElementById('pagetitle'); if (t) t.textContent = params.title || ''; break; }
      case 'reloadWindow': location.reload(); break;
      case 'openPath': case 'openApplication': window.__openSlider && window.__openSlider(params); reply = { result: 'close' }; break;
      case 'closeApplication': window.__closeSlider && window.__closeSlider(); break;
      // BX24.selectUsers is the SDK's selectUser with {mult: true} and answers an array of users
      // (b24restdocs sdk/bx24-js-sdk/system-dialogues/bx24-select-users.md)
      case 'selectUser': case 'selectUsers': reply = await window.__pickUser(m.command === 'selectUsers' || params.mult === true); break;
      // BX24.selectCRM: the portal's chooser of CRM entities; buckets per requested type, each a Record
      // {"0": {id: 'CO_3', type, place, title, desc, url}}; {} when closed; unknown types are ignored
      // (b24restdocs sdk/bx24-js-sdk/system-dialogues/bx24-select-crm.md)
      case 'selectCRM': reply = await window.__pickCrm(params, f.userId); break;
      case 'getInterface': reply = { command: [], event: [] }; break;
      default: reply = {};
    }
    e.source.postMessage(m.callbackId + ':' + JSON.stringify(reply === undefined ? {} : reply), e.origin);
  });
})();
`
