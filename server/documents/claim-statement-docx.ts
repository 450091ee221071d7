// Renders the statement of claim draft to DOCX (the `docx` library): a lawyer edits it before
// filing. Times New Roman 12 pt, the court's header block on the right, tables for the invoices and
// each accrual, the demands and the numbered attachments.
import type { Paragraph, ParagraphChild, Table } from 'docx'
import type { ClaimStatementModel } from './claim-statement-model.ts'
import type { AccrualTable } from './claim-letter-model.ts'
import { claimStatementTexts } from './claim-statement-text.ts'
import { describeDutyRow } from '../domain/claims/state-duty.ts'
import { formatDate, formatKopecks } from './format.ts'
import { loadDocx } from './libraries.ts'

type Docx = Awaited<ReturnType<typeof loadDocx>>

/** The paragraph, bold run and table makers over the loaded `docx` module. */
function blocks(D: Docx) {
  const { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = D
  const p = (children: ParagraphChild[] | string, o: { align?: 'right' | 'center' | 'both'; after?: number } = {}) =>
    new Paragraph({
      children: typeof children === 'string' ? [new TextRun(children)] : children,
      alignment:
        o.align === 'right'
          ? AlignmentType.RIGHT
          : o.align === 'center'
            ? AlignmentType.CENTER
            : o.align === 'both'
              ? AlignmentType.JUSTIFIED
              : AlignmentType.LEFT,
      spacing: { after: o.after ?? 120 },
    })
  const bold = (text: string) => new TextRun({ text, bold: true })

  function table(headers: string[], rows: string[][]): Table {
    const cell = (text: string, b: boolean, right: boolean) =>
      new TableCell({
        children: [
          new Paragraph({
            children: [new TextRun({ text, bold: b, size: 20 })],
            alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          }),
        ],
      })
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true, false)) }),
        ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, i > 0)) })),
      ],
    })
  }
  return { p, bold, table }
}

function accrualBlock(b: ReturnType<typeof blocks>, x: ClaimStatementModel, a: AccrualTable): (Paragraph | Table)[] {
  const { p, bold, table } = b
  const t = claimStatementTexts(x.lang)
  const m = (k: number) => formatKopecks(k, x.lang)
  const d = (iso: string) => formatDate(iso, x.lang)
  const period = (r: AccrualTable['rows'][number]) => (r.from === r.to ? d(r.from) : `${d(r.from)} – ${d(r.to)}`)
  const rows = a.rows.map((r) =>
    a.perYear
      ? [period(r), String(r.days), m(r.base), r.ratePercent, String(r.yearDays ?? ''), m(r.amount)]
      : [period(r), String(r.days), m(r.base), r.ratePercent, m(r.amount)],
  )
  return [
    p([bold(a.title)], { after: 60 }),
    table(a.perYear ? t.accrualCols : t.accrualColsDay, rows),
    p([bold(`${t.accrualTotal}: ${m(a.total)} ${t.rub}`)]),
  ]
}

export async function renderClaimStatementDocx(x: ClaimStatementModel): Promise<Buffer> {
  const D = await loadDocx()
  const { Document, Packer, TextRun } = D
  const made = blocks(D)
  const { p, bold, table } = made
  const t = claimStatementTexts(x.lang)
  const m = (k: number) => formatKopecks(k, x.lang)
  const d = (iso: string) => formatDate(iso, x.lang)
  const party = (q: { name: string; inn?: string; kpp?: string; ogrn?: string; address?: string }) =>
    [
      q.name,
      q.inn && `${t.inn} ${q.inn}`,
      q.kpp && `${t.kpp} ${q.kpp}`,
      q.ogrn && `${t.ogrn} ${q.ogrn}`,
      q.address && `${t.address}: ${q.address}`,
    ]
      .filter(Boolean)
      .join(', ')
  const b = x.plaintiff.bankDetails
  const bank = `${t.account} ${b.account}, ${b.bank}, ${t.bic} ${b.bic}${b.corrAccount ? `, ${t.corr} ${b.corrAccount}` : ''}`
  const dutyText = x.duty.court === 'general' ? t.dutyLineGeneral : t.dutyLine
  const children: (Paragraph | Table)[] = [
    p(t.outgoing(x.number, d(x.date)), { after: 240 }),
    p([bold(`${t.to} ${x.court}`)], { align: 'right' }),
    p([bold(`${t.plaintiff}: `), new TextRun(`${party(x.plaintiff)}; ${bank}`)], { align: 'right' }),
    p([bold(`${t.defendant}: `), new TextRun(party(x.defendant))], { align: 'right' }),
    p([bold(`${t.claimValue}: `), new TextRun(`${m(x.claimValue)} ${t.rub}`)], { align: 'right' }),
    p([bold(`${t.duty}: `), new TextRun(`${m(x.duty.duty)} ${t.rub}`)], { align: 'right', after: 360 }),
    p([bold(t.title)], { align: 'center', after: 60 }),
    p(t.subject, { align: 'center', after: 240 }),
    p(
      x.contracts.length
        ? t.contractsIntro(x.contracts.map((c) => t.contract(c.number, c.date && d(c.date))).join(', '))
        : t.noContract,
      { align: 'both' },
    ),
    p(t.invoicesIntro, { align: 'both' }),
    table(
      t.invoiceCols,
      x.invoices.map((i) => [i.number, d(i.date), d(i.dueDate), m(i.amount), m(i.paid), m(i.remaining)]),
    ),
    p(t.debt(m(x.principal)), { align: 'both' }),
    p(
      t.pretrial(
        x.claimLetter.number,
        d(x.claimLetter.date),
        x.claimLetter.sentOn && d(x.claimLetter.sentOn),
        x.claimLetter.pretrialEndsOn && d(x.claimLetter.pretrialEndsOn),
      ),
      { align: 'both' },
    ),
  ]
  if (x.accruals.length) {
    children.push(p(t.accrualsIntro(d(x.date)), { align: 'both' }))
    for (const a of x.accruals) children.push(...accrualBlock(made, x, a))
  }
  children.push(p(dutyText(describeDutyRow(x.duty.row, x.lang), m(x.duty.duty)), { align: 'both' }))
  children.push(p(t.ask, { align: 'both' }))
  const asks = [
    t.askPrincipal(m(x.principal)),
    ...(x.interest ? [t.askInterest(m(x.interest), d(x.date))] : []),
    ...(x.penalty ? [t.askPenalty(m(x.penalty), d(x.date))] : []),
    t.askDuty(m(x.duty.duty)),
  ]
  asks.forEach((a, i) => children.push(p(`${i + 1}. ${a}`, { align: 'both', after: 60 })))
  children.push(p([bold(t.attachments)], { after: 60 }))
  x.attachments.forEach((a, i) => children.push(p(`${i + 1}. ${a}`, { after: 40 })))
  children.push(
    p(`${x.plaintiff.signerTitle} ____________________ ${x.plaintiff.signer}`, { after: 60 }),
    p(d(x.date)),
    p([new TextRun({ text: t.draft, italics: true, size: 18 })]),
  )
  const doc = new Document({
    creator: x.plaintiff.name,
    title: `${t.title} ${t.subject}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [{ properties: {}, children }],
  })
  return Packer.toBuffer(doc)
}
