// The OpenAPI 3.1 description of /api/v1, served at GET /api/v1/openapi.json.
export function openApiDocument(baseUrl: string) {
  const error = {
    type: 'object',
    required: ['error', 'message'],
    properties: { error: { type: 'string', example: 'payment.invalid' }, message: { type: 'string' } },
  }
  const line = {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      reference: { type: 'string' },
      amount: { type: 'integer', description: 'kopecks' },
      paidOn: { type: 'string', format: 'date' },
      status: {
        type: 'string',
        enum: ['matched', 'review'],
        description: 'matched: recorded against receivables; review: waits for an accountant in the app',
      },
      reason: {
        type: ['string', 'null'],
        description:
          'why the payment waits for review (unknown-payer, ambiguous-payer, no-open-invoices, overpayment, amount-mismatch, inn-invalid)',
      },
      allocations: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            receivableId: { type: 'integer' },
            amount: { type: 'integer' },
            paymentId: { type: 'integer' },
          },
        },
      },
      duplicate: {
        type: 'boolean',
        description:
          'true when this reference was received before, or a bank statement already brought this payment (same payerInn, payment-order number and amount, dates within 5 days; then the statement line is answered); nothing new was recorded',
      },
      warnings: {
        type: 'array',
        description:
          'what looks wrong in the payment: inn-invalid when the control digits of payerInn fail (FNS checksum); such a payment waits for review and is never matched by INN',
        items: { type: 'object', properties: { code: { type: 'string' }, inn: { type: 'string' } } },
      },
    },
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Receivables Control — payments API',
      version: '1.0.0',
      description:
        'Accounting systems (1C, bank connectors) report incoming payments. Each payment is matched to open receivables like a bank-statement line (payer INN/KPP, invoice numbers in the purpose, amount) or waits in the review queue. Idempotent on the payer: `payerInn` + `reference` name one payment for the whole portal, whichever API key sends it (a rotated key or a second connector reporting the same payment records nothing new); two payers may use the same payment-order number. Without `payerInn` the `reference` alone must be unique in the portal. Send the payment-order number as `reference`: a payment a bank statement already brought (same `payerInn`, number — leading zeros and case ignored — and amount, dates within 5 days) answers `duplicate: true` with that statement line, and a statement line repeating an API payment is not recorded again. Accountants are told about payments waiting for review once an hour (and at once when one arrives in an emptied queue), not once per payment.',
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A key created by a portal administrator in the app (Settings → API keys). It identifies the portal.',
        },
      },
      schemas: { Error: error, PaymentResult: line },
    },
    security: [{ apiKey: [] }],
    paths: {
      '/payments': {
        post: {
          summary: 'Report an incoming payment',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['reference', 'amount', 'paidOn'],
                  additionalProperties: false,
                  properties: {
                    reference: {
                      type: 'string',
                      maxLength: 100,
                      description:
                        "the payer's unique reference (payment order number and date, bank transaction id); a repeat with the same payerInn returns the first answer",
                    },
                    amount: { type: 'integer', minimum: 1, maximum: 1_000_000_000_000, description: 'kopecks' },
                    paidOn: {
                      type: 'string',
                      format: 'date',
                      description: 'the day the money arrived (not in the future)',
                    },
                    payerInn: {
                      type: 'string',
                      pattern: '^(\\d{10}|\\d{12})$',
                      description:
                        "the payer's INN; with the reference it identifies the payment (send it whenever known)",
                    },
                    payerKpp: { type: 'string', pattern: '^\\d{4}[\\dA-Z]{2}\\d{3}$' },
                    payerName: { type: 'string', maxLength: 300 },
                    purpose: {
                      type: 'string',
                      maxLength: 2000,
                      description: 'purpose of payment; invoice and contract numbers are read from it',
                    },
                    receivableId: { type: 'integer', description: 'record against this receivable without matching' },
                  },
                },
              },
            },
          },
          responses: {
            201: {
              description: 'received (matched or waiting for review)',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/PaymentResult' } } },
            },
            200: {
              description:
                "this payer's reference was received before (the first answer), or a bank statement already brought this payment (its line)",
              content: { 'application/json': { schema: { $ref: '#/components/schemas/PaymentResult' } } },
            },
            400: {
              description: 'invalid body; nothing recorded',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
            401: {
              description: 'missing, unknown or revoked key',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
            404: {
              description: 'receivableId not found in this portal',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
            409: {
              description: "this payer's reference was used for a different amount",
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
          },
        },
      },
    },
  }
}
