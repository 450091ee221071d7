// The portal's CRM chooser behind BX24.selectCRM (b24restdocs sdk/bx24-js-sdk/system-dialogues/bx24-select-crm.md):
// a slider listing the records of the requested types with a search box; one is clicked, or several
// are ticked and "Выбрать". The answer has a bucket per requested type, a Record {"0": {...}, "1": {...}}
// as the real portal sends it (the SDK turns it into an array): id 'CO_<n>' / 'C_<n>', title = the name.
// "Отмена" answers {}. Types the docs do not list are ignored; this portal has no leads, deals or quotes,
// so their buckets stay empty.
export const crmPickerScript = String.raw`
window.__pickCrm = function (params, userId) {
  const documented = ['lead', 'contact', 'company', 'deal', 'quote'];
  const asked = Array.isArray(params.entityType) ? params.entityType : typeof params.entityType === 'string' ? [params.entityType] : documented;
  const types = documented.filter(function (t) { return asked.indexOf(t) >= 0; });
  const many = params.multiple === true || params.multiple === 'Y' || params.multiple === 'true';
  const esc = function (s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); };
  const heads = { lead: 'Лиды', contact: 'Контакты', company: 'Компании', deal: 'Сделки', quote: 'Предложения' };
  if (!types.length) return Promise.resolve({});
  return fetch('/_portal/crm?types=' + types.join(',') + '&user=' + encodeURIComponent(userId)).then(function (r) { return r.json(); }).then(function (rows) {
    return new Promise(function (resolve) {
      const p = document.getElementById('slider-panel');
      const answer = function (ids) {
        const out = {};
        types.forEach(function (t) { out[t] = {}; });
        rows.filter(function (r) { return ids.indexOf(r.id) >= 0; }).forEach(function (r) {
          const bucket = out[r.type];
          bucket[String(Object.keys(bucket).length)] = r;
        });
        window.__closeSlider();
        resolve(out);
      };
      const row = function (r) {
        return '<p class="crm-row" data-title="' + esc(r.title.toLowerCase()) + '">' + (many
          ? '<label><input type="checkbox" data-crm="' + r.id + '"> ' + esc(r.title) + '</label>'
          : '<a href="#" data-crm="' + r.id + '">' + esc(r.title) + '</a>') + '</p>';
      };
      p.innerHTML = '<h2>' + (many ? 'Выберите элементы CRM' : 'Выберите элемент CRM') + '</h2>' +
        '<p><input id="pick-crm-q" type="search" placeholder="Поиск" style="width:60%"></p>' +
        types.map(function (t) {
          const list = rows.filter(function (r) { return r.type === t; });
          return '<h3>' + heads[t] + '</h3>' + (list.length ? list.map(row).join('') : '<p class="crm-none">Нет элементов</p>');
        }).join('') +
        '<p>' + (many ? '<button type="button" id="pick-crm-ok">Выбрать</button> ' : '') + '<button type="button" id="pick-crm-cancel">Отмена</button></p>';
      document.getElementById('pick-crm-q').addEventListener('input', function (e) {
        const q = e.target.value.trim().toLowerCase();
        p.querySelectorAll('.crm-row').forEach(function (el) { el.style.display = !q || el.dataset.title.indexOf(q) >= 0 ? '' : 'none'; });
      });
      document.getElementById('pick-crm-cancel').addEventListener('click', function () { window.__closeSlider(); resolve({}); });
      if (many) document.getElementById('pick-crm-ok').addEventListener('click', function () {
        answer(Array.from(p.querySelectorAll('input[data-crm]:checked')).map(function (c) { return c.dataset.crm; }));
      });
      else p.querySelectorAll('a[data-crm]').forEach(function (a) {
        a.addEventListener('click', function (e) { e.preventDefault(); answer([a.dataset.crm]); });
      });
      document.getElementById('slider').classList.add('on');
    });
  });
};
`
