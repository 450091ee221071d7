// State of the collection settings section: read them, save the form (only through the server's
// checks), ask for a one-time Telegram link for the client, unlink the chat.
import { ref, shallowRef } from 'vue'
import type { Api } from '../../app/api.ts'
import type { CounterpartyType } from '../../../../contracts/receivables.ts'
import type {
  CounterpartyTelegramLinkDto,
  DunningCounterpartySettingsDto,
  DunningCounterpartySettingsRequest,
  DunningOverrideDto,
} from '../../../../contracts/dunning.ts'

/** The form as a person edits it: 'default' where the rules decide. */
export interface CollectionForm {
  riskSegment: 'default' | 'low' | 'normal' | 'high'
  doNotDun: boolean
  ladder: string
  segment: string
  lang: 'default' | 'ru' | 'en'
  timezone: string
}

export function formOf(s: DunningCounterpartySettingsDto): CollectionForm {
  return {
    riskSegment: s.riskSegment ?? 'default',
    doNotDun: s.doNotDun,
    ladder: s.override?.ladder ?? 'default',
    segment: s.segment ?? '',
    lang: s.lang ?? 'default',
    timezone: s.timezone ?? '',
  }
}

/** The request for the settings route; the ladder changes inside the override, its other parts are kept. */
export function requestOf(f: CollectionForm, current: DunningOverrideDto | null): DunningCounterpartySettingsRequest {
  const override: DunningOverrideDto = { ...(current ?? {}) }
  if (f.ladder === 'default') delete override.ladder
  else override.ladder = f.ladder
  return {
    riskSegment: f.riskSegment === 'default' ? null : f.riskSegment,
    doNotDun: f.doNotDun,
    segment: f.segment.trim() || null,
    lang: f.lang === 'default' ? null : f.lang,
    timezone: f.timezone.trim() || null,
    override: Object.keys(override).length ? override : null,
  }
}

export function useCollectionSettings(api: Api, cp: { type: CounterpartyType; id: number }) {
  const base = `/dunning/counterparties/${cp.type}/${cp.id}`
  const settings = shallowRef<DunningCounterpartySettingsDto | null>(null)
  const link = shallowRef<CounterpartyTelegramLinkDto | null>(null)
  const error = ref<string | null>(null)
  const busy = ref(false)

  async function load() {
    try {
      settings.value = await api<DunningCounterpartySettingsDto>(`${base}/settings`)
      error.value = null
    } catch (e) {
      error.value = (e as Error).message
    }
  }

  /** Throws the server's refusal (the dialog shows it); nothing is changed then. */
  async function save(f: CollectionForm) {
    await api<{ ok: true }>(`${base}/settings`, { body: requestOf(f, settings.value?.override ?? null) })
    await load()
  }

  async function run(work: () => Promise<void>) {
    busy.value = true
    error.value = null
    try {
      await work()
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      busy.value = false
    }
  }
  const requestLink = () =>
    run(async () => {
      link.value = await api<CounterpartyTelegramLinkDto>(`${base}/telegram-link`, { body: {} })
    })
  const unlink = () =>
    run(async () => {
      await api<{ ok: true }>(`${base}/settings`, { body: { telegramChatId: null } })
      link.value = null
      await load()
    })

  return { settings, link, error, busy, load, save, requestLink, unlink }
}
