// One statement on a PostgreSQL server through a short-lived connection (CREATE / DROP DATABASE,
// which cannot run inside a pool's transaction or on the database they name).
import pg from 'pg'

export async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}
