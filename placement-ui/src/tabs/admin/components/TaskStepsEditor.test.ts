import { describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, reactive } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import { translator } from '../../../app/i18n.ts'
import { dict } from '../i18n.ts'
import type { LadderForm } from '../dunning-types.ts'
import TaskStepsEditor from './TaskStepsEditor.vue'

const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)
type Inst = { vnode: { props: Record<string, unknown> | null }; parent: Inst | null }
async function choose(w: VueWrapper, id: string, value: string) {
  let c = (byId(w, id).element as unknown as { __vueParentComponent: Inst }).__vueParentComponent as Inst | null
  while (c && !(c.vnode.props?.items && c.vnode.props['onUpdate:modelValue'])) c = c.parent
  ;(c!.vnode.props!['onUpdate:modelValue'] as (v: string) => void)(value)
  await flushPromises()
}

describe('ladder task steps editor', () => {
  it('adds a task 5 working days before the due day, edits the offset and assignee, removes one', async () => {
    const ladder = reactive<LadderForm>({
      id: 'standard',
      steps: [],
      tail: null,
      window: { from: '10:00', to: '17:00' },
    })
    const w = mount(
      defineComponent(
        () => () =>
          h(B24App, null, () =>
            h(TaskStepsEditor, { ladder, templates: ['overdue', 'task-check-invoice'], t: translator(dict, 'ru') }),
          ),
      ),
      { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
    )
    expect(byId(w, 'task-steps-standard').text()).toContain('Задачи сотрудникам')
    await byId(w, 'task-steps-standard-add').trigger('click')
    await byId(w, 'task-steps-standard-add').trigger('click')
    expect(ladder.tasks).toHaveLength(2)
    expect(ladder.tasks![0]).toMatchObject({
      id: expect.stringMatching(/^t[a-z0-9-]+$/),
      offset: -5,
      assignee: 'responsible',
      template: 'task-check-invoice',
      deadlineDays: 1,
    })
    expect(ladder.tasks![0].id).not.toBe(ladder.tasks![1].id)
    await byId(w, 'task-step-standard-offset-1').setValue('3')
    await byId(w, 'task-step-standard-offset-1').trigger('blur')
    await choose(w, 'task-step-standard-assignee-1', 'lawyer')
    expect(ladder.tasks![1]).toMatchObject({ offset: 3, assignee: 'lawyer' })
    await byId(w, 'task-step-standard-remove-0').trigger('click')
    expect(ladder.tasks!.map((x) => x.assignee)).toEqual(['lawyer'])
    w.unmount()
  })
})
