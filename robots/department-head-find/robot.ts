// The head of a user's department, walking up the structure while a department has no head.
import { defineRobot } from '../kit/define-robot.ts'
import { RobotError } from '../kit/types.ts'
import { departmentHeadOf } from '../../server/use-cases/approvals/resolve-approval-assignees.ts'
import { userName } from '../../server/use-cases/dunning/dunning-channels.ts'

export default defineRobot({
  code: 'department-head-find',
  name: { ru: 'Найти руководителя отдела', en: 'Find the department head' },
  description: {
    ru: 'Руководитель отдела сотрудника; если у отдела нет руководителя — ищет выше по структуре',
    en: "The head of the user's department; walks up the structure when a department has no head",
  },
  documents: ['receivables', 'claims', 'approvals', 'deal', 'company', 'contact'],
  properties: {
    user: { name: { ru: 'Сотрудник', en: 'Employee' }, type: 'user', required: true },
    skipSelf: {
      name: { ru: 'Если сотрудник сам руководитель — искать выше', en: 'If the employee is the head, look higher' },
      type: 'bool',
      default: 'Y',
    },
  },
  returnProperties: {
    head: { name: { ru: 'Руководитель', en: 'Head' }, type: 'user' },
    headName: { name: { ru: 'Имя руководителя', en: "Head's name" }, type: 'string' },
    found: { name: { ru: 'Найден', en: 'Found' }, type: 'bool' },
  },
  async run(input) {
    const raw = String(input.properties.user)
    const userId = Number(raw)
    if (!Number.isSafeInteger(userId) || userId <= 0)
      throw new RobotError('robot.bad-property', `"user" must be a portal user, got "${raw.slice(0, 40)}"`)
    const r = await departmentHeadOf(input.client, userId, { skipSelf: input.properties.skipSelf === true })
    if (r.kind === 'none')
      return { values: { head: '', headName: '', found: false }, log: `No department head found for user ${userId}` }
    const name = await userName(input.client, r.userId)
    return {
      values: { head: `user_${r.userId}`, headName: name, found: true },
      log: `Head of user ${userId}: ${name || r.userId}`,
    }
  },
})
