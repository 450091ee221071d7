// Words of the invoice settings of a legal entity: the accountant, the VAT rate, the images.
export const invoiceEntityDict = {
  ru: {
    le_accountant: 'Главный бухгалтер (подпись в счёте)',
    le_vatRate: 'НДС в счетах',
    vat_none: 'Без НДС',
    vat_rate: 'НДС {r}%',
    images: 'Логотип, подпись и печать для счетов',
    imagesHint: 'PNG или JPEG, не больше 512 КБ. Сохраните организацию, чтобы добавить изображения.',
    img_logo: 'Логотип',
    img_signature: 'Подпись',
    img_stamp: 'Печать',
    imgChoose: 'Выбрать файл',
    imgDelete: 'Удалить',
  },
  en: {
    le_accountant: 'Chief accountant (signs the invoice)',
    le_vatRate: 'VAT on invoices',
    vat_none: 'No VAT',
    vat_rate: 'VAT {r}%',
    images: 'Logo, signature and stamp for invoices',
    imagesHint: 'PNG or JPEG, up to 512 KB. Save the entity first to add images.',
    img_logo: 'Logo',
    img_signature: 'Signature',
    img_stamp: 'Stamp',
    imgChoose: 'Choose a file',
    imgDelete: 'Delete',
  },
}
