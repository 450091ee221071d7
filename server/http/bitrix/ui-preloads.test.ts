import { describe, expect, it } from 'vitest'
import { tabPreloads } from './ui-preloads.ts'

// the shape of dist/ui/.vite/manifest.json (Vite's build manifest)
const manifest = {
  'index.html': { file: 'assets/index-a.js', isEntry: true, imports: ['_Button-b.js'] },
  '_Button-b.js': { file: 'assets/Button-b.js' },
  '_Table-c.js': { file: 'assets/Table-c.js', imports: ['_Button-b.js'] },
  '_api-d.js': { file: 'assets/api-d.js' },
  'src/app/session.ts': { file: 'assets/session-e.js', imports: ['_api-d.js'] },
  'src/tabs/counterparty-receivables/CounterpartyReceivablesTab.vue': {
    file: 'assets/CounterpartyReceivablesTab-f.js',
    imports: ['_Table-c.js', '_Button-b.js'],
  },
  'src/tabs/counterparty-receivables/components/PaymentModal.vue': { file: 'assets/PaymentModal-g.js' },
}

describe('the tab chunks the shell preloads', () => {
  it("names the tab's chunk, the session's and what they import, but not what the entry already loads", () => {
    expect(tabPreloads(manifest, 'counterparty-receivables').sort()).toEqual([
      'assets/CounterpartyReceivablesTab-f.js',
      'assets/Table-c.js',
      'assets/api-d.js',
      'assets/session-e.js',
    ])
  })

  it('names only the session for a tab the build does not have', () => {
    expect(tabPreloads(manifest, 'no-such-tab').sort()).toEqual(['assets/api-d.js', 'assets/session-e.js'])
  })
})
