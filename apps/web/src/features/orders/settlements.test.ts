import { describe, expect, it } from 'vitest';
import { findSettlements, settlementName } from './settlements';

const codes = (query: string) => findSettlements(query).map((settlement) => settlement.code);

describe('the settlement search', () => {
  it('finds Өзгөн by its Kyrgyz, Russian and English spellings', () => {
    for (const query of ['Өзгөн', 'Узген', 'uzgen', 'өзг', 'узг']) expect(codes(query)).toContain('uzgen');
  });

  it('finds Kyrgyz letters typed on a Russian keyboard', () => {
    expect(codes('Озгон')).toEqual(['uzgen']);
    expect(codes('сулукту')).toEqual(['sulukta']);
  });

  it('puts names that start with the query before names that only contain it', () => {
    expect(codes('ара')).toEqual(['aravan', 'kara-balta', 'kara-suu', 'karakol', 'kara-buura']);
    expect(codes('суу')).toEqual(['suusamyr', 'kara-suu', 'mailuu-suu']);
  });

  it('ignores case and the hyphen of compound names', () => {
    expect(codes('ат башы')).toEqual(['at-bashy']);
    expect(codes('ДЖАЛАЛ')).toEqual(['jalal-abad']);
  });

  it('offers every settlement before anything is typed, and none for a name it does not know', () => {
    expect(findSettlements('  ').length).toBe(31);
    expect(codes('Москва')).toEqual([]);
  });

  it('names a settlement in the reader’s language with the other local spelling beside it', () => {
    const [uzgen] = findSettlements('uzgen');
    expect(settlementName(uzgen, 'ky')).toBe('Өзгөн (Узген)');
    expect(settlementName(uzgen, 'ru')).toBe('Узген (Өзгөн)');
    expect(settlementName(uzgen, 'en')).toBe('Uzgen');
    expect(settlementName(findSettlements('Нарын')[0], 'ky')).toBe('Нарын');
  });
});
