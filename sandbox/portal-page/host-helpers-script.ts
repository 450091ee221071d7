// Slider and user picker of the portal page (used by openPath/openApplication and selectUser).
export const hostHelpersScript = String.raw`
window.__openSlider = function (params) {
  const s = document.getElementById('slider'), p = document.getElementById('slider-panel');
  const path = params.path || params.url || '';
  p.innerHTML = '<a href="#" onclick="window.__closeSlider();return false">✕</a><h2>' + (path ? 'Открыто: ' + path.replace(/</g, '&lt;') : 'Приложение') + '</h2>' +
    (path ? '<p><a href="' + path.replace(/"/g, '') + '">Перейти</a></p>' : '');
  s.classList.add('on');
};
window.__closeSlider = function () { document.getElementById('slider').classList.remove('on'); };
window.__pickUser = function (many) {
  return fetch('/_portal/users').then(function (r) { return r.json(); }).then(function (users) {
    return new Promise(function (resolve) {
      const p = document.getElementById('slider-panel');
      const card = function (u) { return { id: String(u.id), name: u.name, photo: '', position: u.position, url: '/company/personal/user/' + u.id + '/', sub: false, sup: false }; };
      if (many) {
        // several people: tick them, then "Выбрать" (an array, empty when nobody is ticked)
        p.innerHTML = '<h2>Выберите сотрудников</h2>' + users.map(function (u) {
          return '<p><label><input type="checkbox" data-user="' + u.id + '"> ' + u.name + '</label> — ' + u.position + '</p>';
        }).join('') + '<p><button type="button" id="pick-users-ok">Выбрать</button></p>';
        document.getElementById('pick-users-ok').addEventListener('click', function () {
          const ticked = Array.from(p.querySelectorAll('input[data-user]:checked')).map(function (c) { return c.dataset.user; });
          window.__closeSlider();
          resolve(users.filter(function (u) { return ticked.indexOf(String(u.id)) >= 0; }).map(card));
        });
        document.getElementById('slider').classList.add('on');
        return;
      }
      p.innerHTML = '<h2>Выберите сотрудника</h2>' + users.map(function (u) {
        return '<p><a href="#" data-user="' + u.id + '">' + u.name + '</a> — ' + u.position + '</p>';
      }).join('');
      p.querySelectorAll('a[data-user]').forEach(function (a) {
        a.addEventListener('click', function (e) {
          e.preventDefault();
          const u = users.find(function (x) { return String(x.id) === a.dataset.user; });
          window.__closeSlider();
          resolve(card(u));
        });
      });
      document.getElementById('slider').classList.add('on');
    });
  });
};
`
