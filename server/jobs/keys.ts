// The ONLY place job keys and side-effect keys are built: `<job>:<member_id>:<natural ids>`.
// A key names one effect in the world; the same key must never describe two different effects.
const part = (v: string | number) => String(v).replace(/:/g, '_')
const build = (job: string, memberId: string, ...ids: (string | number)[]) => [job, part(memberId), ...ids.map(part)].join(':')

export const jobKeys = {
  eventHandle: (memberId: string, event: string, entityId: string, ts: string) => build('event-handle', memberId, event, entityId, ts),
  robotRun: (memberId: string, eventToken: string) => build('robot-run', memberId, eventToken),
  portalInstall: (memberId: string, version: string) => build('portal-install', memberId, version),
  telegramUpdate: (updateId: number) => build('telegram-update', 'bot', updateId),
  scheduleFanOut: (job: string, memberId: string, slot: string) => build(job, memberId, slot),
}

export const effectKeys = {
  bizprocEventSend: (memberId: string, eventToken: string) => build('bizproc-event-send', memberId, eventToken),
}
