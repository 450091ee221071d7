// Parts of the statement of claim: the debtor's requisites from the portal and the attachments list.
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { Party } from '../../documents/claim-letter-model.ts'
import type { LetterAccruals } from './claim-letter-accruals.ts'
import { formatDate } from '../../documents/format.ts'

/** The company's first requisite (name, INN, KPP, OGRN); the CRM name when it has none. */
export async function debtorRequisites(client: PortalClient, companyId: number | null, name: string): Promise<Party> {
  if (!companyId) return { name }
  const req = await client
    .call<Record<string, string>[]>('crm.requisite.list', {
      filter: { ENTITY_TYPE_ID: 4, ENTITY_ID: companyId },
      select: ['RQ_INN', 'RQ_KPP', 'RQ_OGRN', 'RQ_COMPANY_NAME'],
    })
    .catch(() => [])
  const r = req?.[0]
  return {
    name: r?.RQ_COMPANY_NAME || name,
    ...(r?.RQ_INN ? { inn: r.RQ_INN } : {}),
    ...(r?.RQ_KPP ? { kpp: r.RQ_KPP } : {}),
    ...(r?.RQ_OGRN ? { ogrn: r.RQ_OGRN } : {}),
  }
}

export function claimStatementAttachments(
  lang: 'ru' | 'en',
  contracts: { number: string; date: string | null }[],
  letterNumber: string,
  letterDate: string,
  accruals: Pick<LetterAccruals, 'interest' | 'penalty'>,
): string[] {
  const d = (iso: string) => formatDate(iso, lang)
  const nums = contracts.map((c) => (lang === 'ru' ? `№ ${c.number}` : `No. ${c.number}`)).join(', ')
  const calc =
    accruals.interest && accruals.penalty
      ? lang === 'ru'
        ? 'Расчёт суммы иска (проценты и неустойка)'
        : 'Calculation of the claim (interest and penalty)'
      : lang === 'ru'
        ? 'Расчёт суммы иска'
        : 'Calculation of the claim'
  return lang === 'ru'
    ? [
        'Документ об уплате государственной пошлины',
        'Документ о направлении ответчику копии искового заявления и приложений (п. 1 ст. 126 АПК РФ)',
        ...(contracts.length ? [`${contracts.length === 1 ? 'Копия договора' : 'Копии договоров'} ${nums}`] : []),
        'Копии счетов и документов об исполнении обязательств истцом',
        `Копия претензии № ${letterNumber} от ${d(letterDate)} и доказательства её направления`,
        calc,
        'Выписки из ЕГРЮЛ на истца и ответчика',
        'Документ, подтверждающий полномочия на подписание искового заявления',
      ]
    : [
        'Proof of payment of the state duty',
        'Proof of sending the statement and its attachments to the defendant (APK art. 126 p. 1)',
        ...(contracts.length ? [`${contracts.length === 1 ? 'Copy of contract' : 'Copies of contracts'} ${nums}`] : []),
        "Copies of the invoices and of the plaintiff's performance documents",
        `Copy of claim letter ${letterNumber} of ${d(letterDate)} and proof of sending it`,
        calc,
        'Extracts from the state register (EGRUL) on the plaintiff and the defendant',
        "Signatory's authority",
      ]
}
