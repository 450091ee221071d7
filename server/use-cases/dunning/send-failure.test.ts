import { describe, expect, it } from 'vitest'
import { Bitrix24Error } from '../../bitrix24/errors.ts'
import { serverErrorText } from '../../../contracts/error-messages.ts'
import { noEmail, noTelegramChat, sendFailure } from './send-failure.ts'
import { TelegramNotDelivered } from './dunning-channels.ts'

const tg = (m: string) => sendFailure(new TelegramNotDelivered(m))

describe('why "Send now" could not use a channel', () => {
  it('turns what Telegram and the portal say into codes with Russian text', () => {
    const cases = [
      [tg('Forbidden: bot was blocked by the user'), 'dunning.send.telegram-blocked'],
      [tg('Bad Request: chat not found'), 'dunning.send.telegram-chat-not-found'],
      [tg('Telegram unreachable: fetch failed'), 'dunning.send.telegram-unreachable'],
      [tg('Too Many Requests: retry after 5'), 'dunning.send.telegram-unreachable'],
      [tg('Telegram is not configured (TELEGRAM_BOT_TOKEN is empty)'), 'telegram.no-token'],
      [tg('Bad Request: message is too long'), 'dunning.send.telegram-refused'],
      [noEmail(), 'dunning.send.no-email'],
      [noTelegramChat(), 'dunning.send.no-telegram-chat'],
    ] as const
    for (const [f, code] of cases) {
      expect(f.code).toBe(code)
      const ru = serverErrorText(f.code, f.params, 'ru')
      expect(ru).toBeTruthy()
      expect(ru!.replace(/Telegram|TELEGRAM_BOT_TOKEN/g, '')).not.toMatch(/[A-Za-z]{2,}/)
    }
    expect(tg('Forbidden: bot was blocked by the user').message).toBe('Forbidden: bot was blocked by the user')
  })

  it("names the portal's error code when the portal refuses the e-mail", () => {
    const f = sendFailure(new Bitrix24Error('ACCESS_DENIED', 'Access denied', 403, false, 'crm.activity.add'))
    expect(f).toEqual({
      code: 'dunning.send.portal-refused',
      message: 'Access denied',
      params: { code: 'ACCESS_DENIED' },
    })
    expect(serverErrorText(f.code, f.params, 'ru')).toBe('портал не отправил письмо (код ACCESS_DENIED)')
  })
})
