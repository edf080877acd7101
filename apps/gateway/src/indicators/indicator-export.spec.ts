import ExcelJS from 'exceljs';
import { IndicatorReport } from '@korgoo/contracts';
import { parseCsv } from '../../../../test/support/csv';
import { indicatorsCsv, indicatorsXlsx } from './indicator-export';

const label = (en: string) => ({ ky: `ky:${en}`, ru: `ru:${en}`, en });

const report: IndicatorReport = {
  from: '2026-03',
  to: '2026-04',
  groupBy: 'unit',
  sheets: [
    {
      group: 'orders',
      title: label('Orders'),
      dimension: { key: 'unit', label: label('Police unit') },
      columns: [
        { key: 'orders_registered', label: label('Orders registered') },
        { key: 'order_duration_median_days', label: label('Order duration, median (days)') },
      ],
      rows: [
        { key: 'Нарын РИИБ, "борбор"', values: [3, 30] },
        { key: '=HYPERLINK("x")', values: [1, null] },
      ],
      total: [4, 30],
    },
    {
      group: 'referrals',
      title: label('Referrals'),
      dimension: { key: 'unit', label: label('Police unit') },
      columns: [{ key: 'referrals_accepted', label: label('Referrals accepted') }],
      rows: [{ key: 'Нарын РИИБ, "борбор"', values: [2] }],
      total: [2],
    },
  ],
};

describe('indicator exports', () => {
  it('writes one worksheet per group that reads back with the same figures, headers in the chosen language', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await indicatorsXlsx(report, 'ru')) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['ru Orders', 'ru Referrals']);
    const orders = workbook.getWorksheet('ru Orders')!;
    const values = (row: number) => (orders.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['ru:Police unit', 'ru:Orders registered', 'ru:Order duration, median (days)']);
    expect(values(2)).toEqual(['Нарын РИИБ, "борбор"', 3, 30]);
    expect(values(3)).toEqual(["'=HYPERLINK(\"x\")", 1]);
    expect(values(4)).toEqual(['Итого', 4, 30]);
  });

  it('writes CSV in long form, one line per figure, Kyrgyz by default and safe from formulas', () => {
    const rows = parseCsv(indicatorsCsv(report, 'ky'));
    expect(rows[0]).toEqual(['Топ', 'Бөлүнүш', 'Маани', 'Көрсөткүч', 'Саны']);
    expect(rows).toContainEqual(['ky:Orders', 'ky:Police unit', 'Нарын РИИБ, "борбор"', 'ky:Orders registered', '3']);
    expect(rows).toContainEqual(['ky:Orders', 'ky:Police unit', "'=HYPERLINK(\"x\")", 'ky:Order duration, median (days)', '']);
    expect(rows).toContainEqual(['ky:Referrals', 'ky:Police unit', 'Бардыгы', 'ky:Referrals accepted', '2']);
    expect(rows).toHaveLength(1 + 3 * 2 + 2 * 1);
  });
});
