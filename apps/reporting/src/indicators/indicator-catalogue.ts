import { DECLINE_REASONS, IndicatorDimension, IndicatorGroup, IndicatorLabel, WITHDRAWAL_REASONS } from '@korgoo/contracts';
import { hoursBetween, median, percentile } from './durations';
import { CaseFact, FactKind, OrderCase } from './order-case';

/** The facts of one table cell with the orders they belong to. */
export interface CellFacts {
  facts: readonly CaseFact[];
  orders: ReadonlyMap<string, OrderCase>;
}

export interface IndicatorColumn {
  key: string;
  group: IndicatorGroup;
  label: IndicatorLabel;
  measure: (cell: CellFacts) => number | null;
}

const count = (kind: FactKind, reason?: string) => (cell: CellFacts) =>
  cell.facts.filter((f) => f.kind === kind && (reason === undefined || f.reason === reason)).length;

/** Hours from the order's issue to its first acceptance, one value per accepted order. */
function orderToAcceptanceHours(cell: CellFacts): number[] {
  const first = new Map<string, Date>();
  for (const fact of cell.facts) {
    if (fact.kind !== 'referral_accepted') continue;
    const seen = first.get(fact.orderId);
    if (!seen || fact.occurredAt < seen) first.set(fact.orderId, fact.occurredAt);
  }
  return [...first].flatMap(([orderId, acceptedAt]) => {
    const issuedAt = cell.orders.get(orderId)?.issuedAt;
    return issuedAt ? [hoursBetween(issuedAt, acceptedAt)] : [];
  });
}

function orderDurationDays(cell: CellFacts): number[] {
  return cell.facts.flatMap((fact) => {
    const order = fact.kind === 'order_registered' ? cell.orders.get(fact.orderId) : undefined;
    return order?.issuedAt && order.expiresAt ? [hoursBetween(order.issuedAt, order.expiresAt) / 24] : [];
  });
}

const WITHDRAWAL_LABELS: Record<(typeof WITHDRAWAL_REASONS)[number], IndicatorLabel> = {
  revoked_by_police: { ky: 'милиция жокко чыгарды', ru: 'отозван милицией', en: 'revoked by police' },
  cancelled_by_court: { ky: 'сот жокко чыгарды', ru: 'отменён судом', en: 'cancelled by court' },
  registered_in_error: { ky: 'ката катталган', ru: 'зарегистрирован ошибочно', en: 'registered in error' },
  other: { ky: 'башка', ru: 'другое', en: 'other' },
};

const DECLINE_LABELS: Record<(typeof DECLINE_REASONS)[number], IndicatorLabel> = {
  at_capacity: { ky: 'орун жок', ru: 'нет мест', en: 'at capacity' },
  out_of_area: { ky: 'аймактан тышкары', ru: 'вне зоны обслуживания', en: 'out of area' },
  language: { ky: 'тил', ru: 'язык', en: 'language' },
  no_facilitator_pair: { ky: 'фасилитатор жубу жок', ru: 'нет пары ведущих', en: 'no facilitator pair' },
  conflict_of_interest: { ky: 'кызыкчылыктардын кагылышуусу', ru: 'конфликт интересов', en: 'conflict of interest' },
  other: { ky: 'башка', ru: 'другое', en: 'other' },
};

const withReason = (base: IndicatorLabel, reason: IndicatorLabel): IndicatorLabel => ({
  ky: `${base.ky}: ${reason.ky}`,
  ru: `${base.ru}: ${reason.ru}`,
  en: `${base.en}: ${reason.en}`,
});

const label = (ky: string, ru: string, en: string): IndicatorLabel => ({ ky, ru, en });

const counter = (group: IndicatorGroup, kind: FactKind, key: string, name: IndicatorLabel): IndicatorColumn => ({
  key,
  group,
  label: name,
  measure: count(kind),
});

/** The total of a fact kind followed by one column per reason code. */
function counterByReason<R extends string>(
  group: IndicatorGroup,
  kind: FactKind,
  key: string,
  name: IndicatorLabel,
  reasons: Record<R, IndicatorLabel>,
): IndicatorColumn[] {
  const perReason = (Object.keys(reasons) as R[]).map((reason) => ({
    key: `${key}.${reason}`,
    group,
    label: withReason(name, reasons[reason]),
    measure: count(kind, reason),
  }));
  return [counter(group, kind, key, name), ...perReason];
}

/** Every indicator, in the order its column appears; programme outcomes join as their events arrive. */
export const INDICATOR_COLUMNS: readonly IndicatorColumn[] = [
  counter('orders', 'order_registered', 'orders_registered', label('Катталган буйруктар', 'Зарегистрированные предписания', 'Orders registered')),
  {
    key: 'order_duration_median_days',
    group: 'orders',
    label: label('Буйруктун мөөнөтү, медиана (күн)', 'Срок предписания, медиана (дни)', 'Order duration, median (days)'),
    measure: (cell) => median(orderDurationDays(cell)),
  },
  ...counterByReason('orders', 'order_withdrawn', 'orders_withdrawn', label('Кайтарылып алынган буйруктар', 'Отозванные предписания', 'Orders withdrawn'), WITHDRAWAL_LABELS),
  counter('orders', 'immediate_danger', 'immediate_danger_alerts', label('Дароо коркунуч белгилери', 'Сигналы непосредственной опасности', 'Immediate-danger alerts')),
  counter('referrals', 'referral_routed', 'referrals_routed', label('Жөнөтүлгөн жолдомолор', 'Направленные', 'Referrals routed')),
  counter('referrals', 'referral_accepted', 'referrals_accepted', label('Кабыл алынган жолдомолор', 'Принятые направления', 'Referrals accepted')),
  ...counterByReason('referrals', 'referral_declined', 'referrals_declined', label('Баш тартылган жолдомолор', 'Отклонённые направления', 'Referrals declined'), DECLINE_LABELS),
  counter('referrals', 'referral_expired', 'referrals_expired', label('Мөөнөтүндө жооп берилбеген', 'Без ответа в срок', 'Not acknowledged in time')),
  counter('referrals', 'referral_rerouted', 'referrals_rerouted', label('Башка борборго кайра жөнөтүлгөн', 'Перенаправленные', 'Re-routed')),
  counter('referrals', 'referral_escalated', 'referrals_escalated', label('Координаторго өткөрүлгөн', 'Переданные координатору', 'Escalated to coordinators')),
  counter('referrals', 'referral_unroutable', 'referrals_unroutable', label('Жөнөтүүгө мүмкүн эмес', 'Не удалось направить', 'Unroutable')),
  counter('referrals', 'referral_cancelled', 'referrals_cancelled', label('Жокко чыгарылган жолдомолор', 'Отменённые направления', 'Referrals cancelled')),
  {
    key: 'order_to_acceptance_median_hours',
    group: 'referrals',
    label: label('Буйруктан кабыл алууга чейин, медиана (саат)', 'От предписания до принятия, медиана (ч)', 'Order to acceptance, median (hours)'),
    measure: (cell) => median(orderToAcceptanceHours(cell)),
  },
  {
    key: 'order_to_acceptance_p90_hours',
    group: 'referrals',
    label: label('Буйруктан кабыл алууга чейин, 90-процентиль (саат)', 'От предписания до принятия, 90-й процентиль (ч)', 'Order to acceptance, 90th percentile (hours)'),
    measure: (cell) => percentile(orderToAcceptanceHours(cell), 90),
  },
];

export const GROUP_TITLES: Record<IndicatorGroup, IndicatorLabel> = {
  orders: { ky: 'Буйруктар', ru: 'Предписания', en: 'Orders' },
  referrals: { ky: 'Жолдомолор', ru: 'Направления', en: 'Referrals' },
};

export const DIMENSION_LABELS: Record<IndicatorDimension, IndicatorLabel> = {
  month: { ky: 'Ай', ru: 'Месяц', en: 'Month' },
  oblast: { ky: 'Облус', ru: 'Область', en: 'Oblast' },
  unit: { ky: 'Милиция бөлүмү', ru: 'Отдел милиции', en: 'Police unit' },
  centre: { ky: 'Кризистик борбор', ru: 'Кризисный центр', en: 'Crisis centre' },
  sex: { ky: 'Жынысы', ru: 'Пол', en: 'Sex' },
  language: { ky: 'Тили', ru: 'Язык', en: 'Language' },
  riskBin: { ky: 'ODARA тобу', ru: 'Группа ODARA', en: 'ODARA bin' },
  priority: { ky: 'Артыкчылык', ru: 'Приоритет', en: 'Priority' },
};
