// The robots the installer registers, handed in by the composition root (server/wiring.ts builds it
// from robots/index.ts), so the installer never imports the robots, which import the use-cases that
// run the installer.

/** Where and for whom one portal's robots are registered. */
export interface RegistrationContext {
  handlerBase: string
  authUserId: number
  /** our process key -> entityTypeId in this portal */
  entityTypeIds: Partial<Record<string, number>>
}

export interface RobotCatalogEntry {
  code: string
  name: { ru: string; en: string }
  /** The FIELDS of bizproc.robot.add for this robot in one portal (CODE included). */
  registration(rc: RegistrationContext): { CODE: string } & Record<string, unknown>
}

export type RobotCatalog = readonly RobotCatalogEntry[]
