/**
 * Oblast and district centres of Kyrgyzstan. Names and WGS84 coordinates are approximations
 * (about 1 km) compiled from public maps: good for demo data, routing tests and simulation only.
 * Copied in so nothing reads the reference files at run time.
 */
/** The oblasts and the two cities of republican significance, in the order the statistics office lists them. */
export const OBLASTS = ['Bishkek city', 'Chuy', 'Osh city', 'Osh', 'Jalal-Abad', 'Naryn', 'Issyk-Kul', 'Talas', 'Batken'] as const;
export type Oblast = (typeof OBLASTS)[number];

const SETTLEMENTS = [
  { code: 'bishkek', nameKy: 'Бишкек', nameRu: 'Бишкек', nameEn: 'Bishkek', oblast: 'Bishkek city', lat: 42.8746, lng: 74.5698 },
  { code: 'kant', nameKy: 'Кант', nameRu: 'Кант', nameEn: 'Kant', oblast: 'Chuy', lat: 42.8910, lng: 74.8480 },
  { code: 'tokmok', nameKy: 'Токмок', nameRu: 'Токмок', nameEn: 'Tokmok', oblast: 'Chuy', lat: 42.8420, lng: 75.3015 },
  { code: 'kemin', nameKy: 'Кемин', nameRu: 'Кемин', nameEn: 'Kemin', oblast: 'Chuy', lat: 42.7850, lng: 75.6920 },
  { code: 'kara-balta', nameKy: 'Кара-Балта', nameRu: 'Кара-Балта', nameEn: 'Kara-Balta', oblast: 'Chuy', lat: 42.8142, lng: 73.8481 },
  { code: 'suusamyr', nameKy: 'Суусамыр', nameRu: 'Суусамыр', nameEn: 'Suusamyr (Talas turn-off)', oblast: 'Chuy', lat: 42.2500, lng: 73.8000 },
  { code: 'osh', nameKy: 'Ош', nameRu: 'Ош', nameEn: 'Osh', oblast: 'Osh city', lat: 40.5283, lng: 72.7985 },
  { code: 'kara-suu', nameKy: 'Кара-Суу', nameRu: 'Кара-Суу', nameEn: 'Kara-Suu', oblast: 'Osh', lat: 40.7046, lng: 72.8669 },
  { code: 'aravan', nameKy: 'Араван', nameRu: 'Араван', nameEn: 'Aravan', oblast: 'Osh', lat: 40.5150, lng: 72.5040 },
  { code: 'uzgen', nameKy: 'Өзгөн', nameRu: 'Узген', nameEn: 'Uzgen', oblast: 'Osh', lat: 40.7699, lng: 73.3007 },
  { code: 'gulcha', nameKy: 'Гүлчө', nameRu: 'Гульча', nameEn: 'Gulcha', oblast: 'Osh', lat: 40.3160, lng: 73.4440 },
  { code: 'jalal-abad', nameKy: 'Жалал-Абад', nameRu: 'Джалал-Абад', nameEn: 'Jalal-Abad', oblast: 'Jalal-Abad', lat: 40.9333, lng: 73.0000 },
  { code: 'mailuu-suu', nameKy: 'Майлуу-Суу', nameRu: 'Майлуу-Суу', nameEn: 'Mailuu-Suu', oblast: 'Jalal-Abad', lat: 41.2670, lng: 72.4500 },
  { code: 'tash-komur', nameKy: 'Таш-Көмүр', nameRu: 'Таш-Кумыр', nameEn: 'Tash-Komur', oblast: 'Jalal-Abad', lat: 41.3480, lng: 72.2170 },
  { code: 'kerben', nameKy: 'Кербен', nameRu: 'Кербен', nameEn: 'Kerben', oblast: 'Jalal-Abad', lat: 41.4950, lng: 71.7540 },
  { code: 'toktogul', nameKy: 'Токтогул', nameRu: 'Токтогул', nameEn: 'Toktogul', oblast: 'Jalal-Abad', lat: 41.8726, lng: 72.9419 },
  { code: 'kazarman', nameKy: 'Казарман', nameRu: 'Казарман', nameEn: 'Kazarman', oblast: 'Jalal-Abad', lat: 41.4061, lng: 74.0450 },
  { code: 'naryn', nameKy: 'Нарын', nameRu: 'Нарын', nameEn: 'Naryn', oblast: 'Naryn', lat: 41.4287, lng: 75.9911 },
  { code: 'at-bashy', nameKy: 'Ат-Башы', nameRu: 'Ат-Баши', nameEn: 'At-Bashy', oblast: 'Naryn', lat: 41.1702, lng: 75.8059 },
  { code: 'kochkor', nameKy: 'Кочкор', nameRu: 'Кочкор', nameEn: 'Kochkor', oblast: 'Naryn', lat: 42.2150, lng: 75.7550 },
  { code: 'chaek', nameKy: 'Чаек', nameRu: 'Чаек', nameEn: 'Chaek', oblast: 'Naryn', lat: 41.9300, lng: 74.5100 },
  { code: 'balykchy', nameKy: 'Балыкчы', nameRu: 'Балыкчы', nameEn: 'Balykchy', oblast: 'Issyk-Kul', lat: 42.4603, lng: 76.1870 },
  { code: 'cholpon-ata', nameKy: 'Чолпон-Ата', nameRu: 'Чолпон-Ата', nameEn: 'Cholpon-Ata', oblast: 'Issyk-Kul', lat: 42.6497, lng: 77.0817 },
  { code: 'karakol', nameKy: 'Каракол', nameRu: 'Каракол', nameEn: 'Karakol', oblast: 'Issyk-Kul', lat: 42.4907, lng: 78.3936 },
  { code: 'bokonbaevo', nameKy: 'Бөкөнбаев', nameRu: 'Боконбаево', nameEn: 'Bokonbaevo', oblast: 'Issyk-Kul', lat: 42.1170, lng: 76.9920 },
  { code: 'talas', nameKy: 'Талас', nameRu: 'Талас', nameEn: 'Talas', oblast: 'Talas', lat: 42.5228, lng: 72.2427 },
  { code: 'kara-buura', nameKy: 'Кара-Буура', nameRu: 'Кара-Буура', nameEn: 'Kara-Buura', oblast: 'Talas', lat: 42.4170, lng: 71.5700 },
  { code: 'batken', nameKy: 'Баткен', nameRu: 'Баткен', nameEn: 'Batken', oblast: 'Batken', lat: 40.0625, lng: 70.8194 },
  { code: 'kyzyl-kiya', nameKy: 'Кызыл-Кыя', nameRu: 'Кызыл-Кия', nameEn: 'Kyzyl-Kiya', oblast: 'Batken', lat: 40.2567, lng: 72.1279 },
  { code: 'isfana', nameKy: 'Исфана', nameRu: 'Исфана', nameEn: 'Isfana', oblast: 'Batken', lat: 39.8389, lng: 69.5276 },
  { code: 'sulukta', nameKy: 'Сүлүктү', nameRu: 'Сулюкта', nameEn: 'Sulukta', oblast: 'Batken', lat: 39.9333, lng: 69.5667 },
] as const satisfies ReadonlyArray<{
  code: string;
  nameKy: string;
  nameRu: string;
  nameEn: string;
  oblast: Oblast;
  lat: number;
  lng: number;
}>;

export type SettlementCode = (typeof SETTLEMENTS)[number]['code'];

export interface Settlement {
  readonly code: SettlementCode;
  readonly nameKy: string;
  readonly nameRu: string;
  readonly nameEn: string;
  readonly oblast: Oblast;
  readonly lat: number;
  readonly lng: number;
}

export const KG_SETTLEMENTS: readonly Settlement[] = SETTLEMENTS;

const BY_CODE = new Map<string, Settlement>(KG_SETTLEMENTS.map((s) => [s.code, s]));

export function isSettlementCode(code: string): code is SettlementCode {
  return BY_CODE.has(code);
}

export function settlementByCode(code: SettlementCode): Settlement {
  const found = BY_CODE.get(code);
  if (!found) throw new RangeError(`unknown settlement ${code}`);
  return found;
}
