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
      p.innerHTML = '<h2>Выберите сотрудника</h2>' + users.map(function (u) {
        return '<p><a href="#" data-user="' + u.id + '">' + u.name + '</a> — ' + u.position + '</p>';
      }).join('');
      p.querySelectorAll('a[data-user]').forEach(function (a) {
        a.addEventListener('click', function (e) {
          e.preventDefault();
          const u = users.find(function (x) { return String(x.id) === a.dataset.user; });
          window.__closeSlider();
          const picked = { id: String(u.id), name: u.name, photo: '', position: u.position, url: '/company/personal/user/' + u.id + '/', sub: false, sup: false };
          resolve(many ? [picked] : picked);
        });
      });
      document.getElementById('slider').classList.add('on');
    });
  });
};
`
