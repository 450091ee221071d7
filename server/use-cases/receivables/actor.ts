// Who does a write, for the audit: the portal (member id), the person or robot, and where it came from.
export interface Actor {
  memberId: string
  actor: string
  source: string
}
