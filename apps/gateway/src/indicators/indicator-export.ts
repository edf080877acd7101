import ExcelJS from 'exceljs';
import { IndicatorReport, IndicatorSheet } from '@korgoo/contracts';

export const EXPORT_LANGUAGES = ['ky', 'ru', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

const TOTAL = { ky: 'Бардыгы', ru: 'Итого', en: 'Total' };
const LONG_HEADERS = {
  ky: ['Топ', 'Бөлүнүш', 'Маани', 'Көрсөткүч', 'Саны'],
  ru: ['Группа', 'Разрез', 'Значение', 'Показатель', 'Значение показателя'],
  en: ['Group', 'Breakdown', 'Value', 'Indicator', 'Figure'],
};

/** A sheet as rows of text: the header in the caller's language, a row per dimension value, the total last. */
export function sheetTable(sheet: IndicatorSheet, language: ExportLanguage): Array<Array<string | number | null>> {
  return [
    [sheet.dimension.label[language], ...sheet.columns.map((column) => column.label[language])],
    ...sheet.rows.map((row) => [row.key, ...row.values]),
    [TOTAL[language], ...sheet.total],
  ];
}

/**
 * CSV in long form, one line per figure (group, breakdown, its value, indicator, figure), so every group fits
 * one file and a spreadsheet pivots it back. UTF-8 with a byte-order mark so spreadsheets read Cyrillic.
 */
export function indicatorsCsv(report: IndicatorReport, language: ExportLanguage): string {
  const lines = [LONG_HEADERS[language]];
  for (const sheet of report.sheets) {
    const [header, ...body] = sheetTable(sheet, language);
    for (const row of body) {
      row.slice(1).forEach((figure, index) =>
        lines.push([sheet.title[language], String(header[0]), String(row[0]), String(header[index + 1]), figure === null ? '' : String(figure)]),
      );
    }
  }
  return `\ufeff${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** One worksheet per indicator group. */
export async function indicatorsXlsx(report: IndicatorReport, language: ExportLanguage): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Korgoo';
  for (const sheet of report.sheets) {
    const worksheet = workbook.addWorksheet(sheet.title[language].replace(/[*?:\\/[\]]/g, ' ').slice(0, 31));
    for (const row of sheetTable(sheet, language)) worksheet.addRow(row.map((cell) => (typeof cell === 'string' ? safeText(cell) : cell)));
    worksheet.getRow(1).font = { bold: true };
    worksheet.columns.forEach((column) => (column.width = 18));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvField(value: string): string {
  const text = safeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// A police unit name comes from a form: one starting with = + - @ would run as a formula in a spreadsheet.
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
