// A TCP port nobody listens on right now, for a test server whose address must be known before it
// listens (the app's config names its own URL).
// Picked below the kernel's ephemeral range (32768–60999, /proc/sys/net/ipv4/ip_local_port_range):
// a port from that range, freed and bound again a moment later, may meanwhile have been taken by any
// outgoing connection of the files running beside (the database, the sandbox, the browser), which is
// how `listen EADDRINUSE` once failed a file. Ports of 20000–32767 are handed out only by bind, so the
// only race left is another test choosing the same random port within the same moment.
import { createServer } from 'node:net'

const LOW = 20_000
const HIGH = 32_767

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW + 1))
    if (await canListen(port)) return port
  }
  throw new Error(`no free port between ${LOW} and ${HIGH} after 50 tries`)
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer()
    srv.once('error', () => resolve(false))
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)))
  })
}
