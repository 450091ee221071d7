import type { Plugin, Connect } from 'vite'

// Bitrix24 opens every handler with a form POST; Vite's dev and preview servers answer 404 to
// POST, so rewrite POST on pages to GET (development only; production serves via server/http).
export function postAsGet(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    const path = (req.url ?? '/').split('?')[0]
    if (req.method === 'POST' && (path.endsWith('/') || path.endsWith('.html'))) req.method = 'GET'
    next()
  }
  return {
    name: 'post-as-get',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  }
}
