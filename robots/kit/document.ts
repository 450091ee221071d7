import { RobotError, type RobotDocument } from './types.ts'

const STANDARD: Record<string, number> = { LEAD: 1, DEAL: 2, CONTACT: 3, COMPANY: 4, QUOTE: 7, SMART_INVOICE: 31 }

/** document_id[] as the portal sends it: ['crm', '<class>', 'DYNAMIC_1032_15'] or 'DEAL_165', tasks '2'. */
export function parseRobotDocument(documentId: string[]): RobotDocument {
  const last = documentId[2] ?? ''
  const dyn = /^DYNAMIC_(\d+)_(\d+)$/.exec(last)
  if (dyn) return { kind: 'dynamic', entityTypeId: Number(dyn[1]), id: Number(dyn[2]), raw: documentId }
  const std = /^([A-Z_]+)_(\d+)$/.exec(last)
  if (std && STANDARD[std[1]])
    return { kind: std[1].toLowerCase(), entityTypeId: STANDARD[std[1]], id: Number(std[2]), raw: documentId }
  if (documentId[0] === 'tasks' && /^\d+$/.test(last))
    return { kind: 'task', entityTypeId: null, id: Number(last), raw: documentId }
  throw new RobotError('robot.unsupported-document', `This robot cannot run on document "${last.slice(0, 64)}"`)
}

const DYNAMIC_CLASS = 'Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic'

/** DOCUMENT_TYPE for bizproc.robot.add. */
export function documentType(target: string, entityTypeId?: number): string[] {
  switch (target) {
    case 'deal':
      return ['crm', 'CCrmDocumentDeal', 'DEAL']
    case 'company':
      return ['crm', 'CCrmDocumentCompany', 'COMPANY']
    case 'contact':
      return ['crm', 'CCrmDocumentContact', 'CONTACT']
    default:
      return ['crm', DYNAMIC_CLASS, `DYNAMIC_${entityTypeId}`]
  }
}
