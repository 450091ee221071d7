// Robots: registration (bizproc.robot.*, application context and an admin token required) and the
// answer to a waiting robot (bizproc.event.send, once per event_token).
import type { PortalClient } from '../client/portal-client.ts'

export const bizproc = {
  robotCodes: (c: PortalClient): Promise<string[]> => c.call<string[]>('bizproc.robot.list', {}),
  addRobot: (c: PortalClient, fields: Record<string, unknown>): Promise<unknown> =>
    c.call('bizproc.robot.add', fields, { idempotent: false }),
  updateRobot: (c: PortalClient, code: string, fields: Record<string, unknown>): Promise<unknown> =>
    c.call('bizproc.robot.update', { CODE: code, FIELDS: fields }),
  deleteRobot: (c: PortalClient, code: string): Promise<unknown> => c.call('bizproc.robot.delete', { CODE: code }),
  /** Not idempotent: the portal refuses a token it has already been answered with. */
  sendEvent: (
    c: PortalClient,
    eventToken: string,
    returnValues: Record<string, unknown>,
    logMessage: string,
  ): Promise<unknown> =>
    c.call(
      'bizproc.event.send',
      { event_token: eventToken, return_values: returnValues, log_message: logMessage.slice(0, 1000) },
      { idempotent: false },
    ),
}
