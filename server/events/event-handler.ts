// What a portal event handler is: a verified, parsed event in, use-cases called, nothing returned.
import type { AppDeps } from '../use-cases/app-deps.ts'
import type { InboundEvent } from '../bitrix24/inbound/parse-event.ts'

export type EventHandler = (ctx: AppDeps, event: InboundEvent) => Promise<void>
