import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import { translator } from '../../../app/i18n.ts'
import type { DunningStepDto } from '../../../../../contracts/dunning.ts'
import { dict } from '../i18n.ts'
import PlanSteps from './PlanSteps.vue'

const steps: DunningStepDto[] = [
  {
    key: 'r.call5',
    kind: 'reminder',
    label: 'call5',
    when: { anchor: 'due', offset: 5, unit: 'working' },
    date: '2026-12-09',
    status: 'done',
    overdue: false,
    channels: ['openline', 'call'],
    doneOn: '2026-12-09',
    detail: { channels: ['call'], skipped: { openline: 'no-open-line' } },
  },
  {
    key: 'r.call10',
    kind: 'reminder',
    label: 'call10',
    when: { anchor: 'due', offset: 10, unit: 'working' },
    date: '2026-12-16',
    status: 'waiting',
    overdue: false,
    channels: ['openline', 'call'],
    doneOn: null,
    detail: null,
  },
]

function mountSteps(lang: 'ru' | 'en') {
  return mount(
    defineComponent(
      () => () => h(B24App, null, () => h(PlanSteps, { steps, lang, busy: false, t: translator(dict, lang) as never })),
    ),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
}

describe('collection plan steps: the open-line and call channels in words', () => {
  it('says which channels a step uses and why the open line was skipped (ru)', async () => {
    const w = mountSteps('ru')
    expect(w.find('[data-testid="plan-step-r.call10"]').text()).toContain('открытая линия, задача на звонок')
    expect(w.find('[data-testid="plan-past-line"]').text()).toBe(
      'отправлено 1 (задача на звонок) · последнее 09.12.2026',
    )
    await w.find('[data-testid="plan-past-toggle"]').trigger('click')
    expect(w.find('[data-testid="plan-step-skip-r.call5-openline"]').text()).toBe(
      'открытая линия: пропущено — у клиента нет подключённой открытой линии',
    )
    w.unmount()
  })

  it('in English', async () => {
    const w = mountSteps('en')
    await w.find('[data-testid="plan-past-toggle"]').trigger('click')
    expect(w.find('[data-testid="plan-step-skip-r.call5-openline"]').text()).toBe(
      'open line: skipped, no open line is connected for the client',
    )
    expect(w.find('[data-testid="plan-step-r.call10"]').text()).toContain('open line, call task')
    w.unmount()
  })
})
