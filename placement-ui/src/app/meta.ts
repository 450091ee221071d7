// What the server injected into the shell: which tab, which language, the portal's origin.
export function readMeta(name: string, doc: Document = document): string | null {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? null
}
