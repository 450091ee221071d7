// The Bank of Russia's public DailyInfo web service (third-party HTTP, SOAP 1.1): the key rate by
// day for a date range (operation KeyRateXML). Tests intercept it with nock.
export interface CbrClient {
  /** The raw XML answer, or a failure with its reason (network, HTTP status). */
  keyRateXml(from: string, to: string): Promise<{ ok: true; xml: string } | { ok: false; reason: string }>
}

const MAX_ANSWER = 2_000_000

export function createCbrClient(opts: { url: string; timeoutMs?: number }): CbrClient {
  return {
    async keyRateXml(from, to) {
      const envelope =
        '<?xml version="1.0" encoding="utf-8"?>' +
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
        `<KeyRateXML xmlns="http://web.cbr.ru/"><fromDate>${from}</fromDate><ToDate>${to}</ToDate></KeyRateXML>` +
        '</soap:Body></soap:Envelope>'
      try {
        const res = await fetch(opts.url, {
          method: 'POST',
          headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"http://web.cbr.ru/KeyRateXML"' },
          body: envelope,
          signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000),
        })
        const xml = await res.text()
        if (!res.ok) return { ok: false, reason: `HTTP ${res.status}` }
        if (xml.length > MAX_ANSWER) return { ok: false, reason: `the answer is too large (${xml.length} characters)` }
        return { ok: true, xml }
      } catch (e) {
        return { ok: false, reason: `the Bank of Russia is unreachable: ${(e as Error).message}` }
      }
    },
  }
}
