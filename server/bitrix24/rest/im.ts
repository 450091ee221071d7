// Portal notifications (im.notify.system.add). A notification with the same TAG replaces the older
// one, so repeating a tagged notification cannot duplicate it.
import type { PortalClient } from '../client/portal-client.ts'

export const im = {
  notify: async (c: PortalClient, userId: number, message: string, tag?: string): Promise<number> =>
    Number(await c.call('im.notify.system.add', { USER_ID: userId, MESSAGE: message, ...(tag ? { TAG: tag } : {}) })),
}
