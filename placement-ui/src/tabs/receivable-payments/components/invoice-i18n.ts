// Words of the "Download the invoice" button of the receivable tab.
export const invoiceDict = {
  ru: {
    downloadInvoice: 'Счёт с QR-кодом (PDF)',
    invoiceFailed: 'Счёт не сформирован',
  },
  en: {
    downloadInvoice: 'Invoice with QR code (PDF)',
    invoiceFailed: 'The invoice was not made',
  },
}
