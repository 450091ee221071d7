// A tiny round-robin HTTP proxy in front of the app's HTTP instances, like a load balancer: the
// portal and the users reach the app only through it. A refused connection (instance down) is
// tried on the next instance; a request cut off mid-flight answers 502, as a real balancer would.
// Every answer is recorded, so the test can check what reached the portal and the users.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Answer {
  path: string
  status: number
  limitExceeded: boolean
}

export interface Balancer {
  url: string
  setTargets(ports: number[]): void
  answers: Answer[]
  close(): Promise<void>
}

export async function startBalancer(): Promise<Balancer> {
  let targets: number[] = []
  let next = 0
  const answers: Answer[] = []

  const forward = (port: number, req: http.IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const out = http.request(
        {
          host: '127.0.0.1',
          port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: `127.0.0.1:${port}` },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
          )
          res.on('error', reject)
        },
      )
      out.on('error', reject)
      out.end(body)
    })

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', async () => {
      const body = Buffer.concat(chunks)
      let answer: { status: number; headers: http.IncomingHttpHeaders; body: Buffer } | null = null
      for (let tried = 0; tried < Math.max(1, targets.length) * 2 && !answer; tried++) {
        const port = targets[next++ % Math.max(1, targets.length)]
        if (port === undefined) break
        try {
          answer = await forward(port, req, body)
        } catch (e) {
          // refused: the instance is down, try the next; anything else was cut off mid-flight
          if ((e as NodeJS.ErrnoException).code !== 'ECONNREFUSED') break
        }
      }
      const path = (req.url ?? '').split('?')[0]
      if (!answer) {
        answers.push({ path, status: 502, limitExceeded: false })
        res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway')
        return
      }
      answers.push({ path, status: answer.status, limitExceeded: answer.body.includes('QUERY_LIMIT_EXCEEDED') })
      const headers = { ...answer.headers }
      delete headers['transfer-encoding']
      delete headers.connection
      res.writeHead(answer.status, headers).end(answer.body)
    })
  })
  server.keepAliveTimeout = 1_000
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    setTargets(ports) {
      targets = [...ports]
    },
    answers,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}
