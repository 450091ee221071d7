// Stage print forms in the sandbox: the admin uploads a DOCX with {{variables}} for "Claim sent",
// previews it with sample values, and the case's form carries the case's own values; a file that is
// neither DOCX nor PDF, a wrong name or an unknown stage is refused and stores nothing; a requisite the
// template prints but the debtor lacks is named and no form is made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import type { ClaimViewDto } from '../../../contracts/claims.ts'

let w: RobotWorld
let caseId: number

const token = () => (w.sb.admin.issueTokens(w.portalId, w.sbApp.id, 1) as { access_token: string }).access_token
const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  w.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${token()}`, 'x-b24-member-id': w.memberId },
    ...(payload ? { payload } : {}),
  })
function docxText(docx: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'form-'))
  writeFileSync(join(dir, 'f.docx'), docx)
  const xml = execFileSync('unzip', ['-p', join(dir, 'f.docx'), 'word/document.xml'], { encoding: 'utf8' })
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/\u00a0/g, ' ')
}
const template = async () =>
  Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('Претензия к {{debtor}} (ИНН {{debtorInn}}) от {{date}}')] }),
            new Paragraph({ children: [new TextRun('Долг: {{principal}} руб.; всего {{total}} руб.')] }),
            new Paragraph({ children: [new TextRun('Счета: {{invoices}}')] }),
          ],
        },
      ],
    }),
  )

beforeAll(async () => {
  w = await startRobotWorld()
  await w.ctx.repos.settings.set(
    w.memberId,
    'claims.legalEntities',
    [
      {
        name: 'ООО «Поставщик»',
        inn: '7701234567',
        kpp: '',
        ogrn: '',
        address: '',
        signer: '',
        signerTitle: '',
        bankDetails: { bank: '', bic: '', account: '', corrAccount: '' },
      },
    ],
    'test',
  )
  const rec = await w.newReceivable({ amount: 12_345_678, invoiceDate: '2026-06-10', dueDate: '2026-07-10' })
  const run = await w.runRule(w.receivables.entityTypeId, rec.itemId, w.stageId('receivables', 'NEGOTIATION'), [
    { robot: 'claim-open' },
  ])
  caseId = ((await call('GET', `/claims/item/${Number(run.steps[0]!.returnValues!.claimId)}`)).json() as ClaimViewDto)
    .id
}, 60_000)
afterAll(async () => w?.close())

describe('stage print forms', () => {
  it('refuses what is not a template and stores nothing', async () => {
    const bad = [
      ['CLAIM_SENT', { fileName: 'x.docx', data: Buffer.from('hello').toString('base64') }, 'neither a DOCX nor a PDF'],
      ['CLAIM_SENT', { fileName: 'x.pdf', data: (await template()).toString('base64') }, 'name it *.docx'],
      ['CLAIM_SENT', { fileName: 'x.docx', data: 'not base64!' }, 'base64'],
      [
        'CLAIM_SENT',
        { fileName: 'x.docx', data: Buffer.from('PK\u0003\u0004junk').toString('base64') },
        'cannot be read',
      ],
    ] as const
    for (const [stage, body, message] of bad) {
      const r = await call('PUT', `/admin/stage-templates/${stage}`, body)
      expect(r.statusCode, r.body).toBe(400)
      expect(r.json().message).toContain(message)
    }
    const unknown = await call('PUT', '/admin/stage-templates/NOWHERE', { fileName: 'x.docx', data: 'AA==' })
    expect(unknown.statusCode).toBe(404)
    expect((await call('GET', '/admin/stage-templates')).json().templates).toEqual([])
  })

  it('uploads a DOCX, previews it with sample values and fills it with the case values', async () => {
    const up = await call('PUT', '/admin/stage-templates/CLAIM_SENT', {
      fileName: 'claim.docx',
      data: (await template()).toString('base64'),
    })
    expect(up.statusCode, up.body).toBe(200)
    expect(up.json().templates).toEqual([
      expect.objectContaining({ stage: 'CLAIM_SENT', fileName: 'claim.docx', kind: 'docx' }),
    ])
    const preview = await call('GET', '/admin/stage-templates/CLAIM_SENT/preview')
    expect(preview.statusCode).toBe(200)
    expect(docxText(preview.rawPayload)).toContain('Претензия к ООО «Ромашка» (ИНН 7728168971) от 09.12.2026')
    // the template prints the debtor's INN, which the company's requisites do not have yet: named, no form
    const refused = await call('GET', `/claims/${caseId}/stage-forms/CLAIM_SENT`)
    expect(refused.statusCode).toBe(400)
    expect(refused.json()).toMatchObject({ error: 'requisites.missing' })
    expect(refused.json().message).toMatch(
      /^Печатная форма этапа не сформирована: в реквизитах должника .+ не заполнено поле «ИНН»/,
    )
    await w.sb.admin.call(w.portalId, 'crm.requisite.add', {
      fields: { ENTITY_TYPE_ID: 4, ENTITY_ID: w.companyId, RQ_COMPANY_NAME: 'ООО «Ромашка»', RQ_INN: '7728168971' },
    })
    const form = await call('GET', `/claims/${caseId}/stage-forms/CLAIM_SENT`)
    expect(form.statusCode, form.body).toBe(200)
    const text = docxText(form.rawPayload)
    expect(text).toContain('Претензия к ООО')
    expect(text).toContain('(ИНН 7728168971)')
    expect(text).toContain('Долг: 123 456,78 руб.; всего 123 456,78 руб.')
    expect(text).toMatch(/Счета: счёт № R-\d+ от 10\.06\.2026: 123 456,78 руб\./)
    expect(text).not.toContain('{{')
    expect((await call('GET', `/claims/${caseId}/stage-forms/PRETRIAL`)).statusCode).toBe(404)
    expect((await call('DELETE', '/admin/stage-templates/CLAIM_SENT')).json().templates).toEqual([])
    expect((await call('GET', `/claims/${caseId}/stage-forms/CLAIM_SENT`)).statusCode).toBe(404)
  }, 60_000)
})
