import {
  CENTRE_WITHDRAWAL_REASONS,
  CLOSURE_REASONS,
  DECLINE_REASONS,
  FOLLOW_UP_OUTCOMES,
  IndicatorDimension,
  IndicatorGroup,
  IndicatorLabel,
  PROGRAMME_TRACKS,
  REFUSAL_GROUNDS,
  UNROUTABLE_REASONS,
  WITHDRAWAL_REASONS,
} from '@korgoo/contracts';
import { hoursBetween, median, percentile } from './durations';
import { CaseFact, FactKind, hasReason, OrderCase } from './order-case';
import { PLACEMENT_OUTCOMES, PlacementOutcome, REPEAT_WINDOWS_MONTHS, repeatedWithin } from './repeat-orders';

/** The facts of one table cell with the orders they belong to. */
export interface CellFacts {
  facts: readonly CaseFact[];
  orders: ReadonlyMap<string, OrderCase>;
  /** Per order: where its programme ended, and when the next order against the same person came. */
  outcomes: ReadonlyMap<string, PlacementOutcome | null>;
  nextOrders: ReadonlyMap<string, Date | null>;
}

export interface IndicatorColumn {
  key: string;
  group: IndicatorGroup;
  label: IndicatorLabel;
  measure: (cell: CellFacts) => number | null;
}

const count = (kind: FactKind, reason?: string) => (cell: CellFacts) =>
  cell.facts.filter((f) => f.kind === kind && (reason === undefined || hasReason(f, reason))).length;

/** Hours from each order's issue to its earliest fact of `kind`. */
function firstPerOrder(cell: CellFacts, kind: FactKind): number[] {
  const first = new Map<string, Date>();
  for (const fact of cell.facts) {
    if (fact.kind !== kind) continue;
    const seen = first.get(fact.orderId);
    if (!seen || fact.occurredAt < seen) first.set(fact.orderId, fact.occurredAt);
  }
  return [...first].flatMap(([orderId, firstAt]) => {
    const issuedAt = cell.orders.get(orderId)?.issuedAt;
    return issuedAt ? [hoursBetween(issuedAt, firstAt)] : [];
  });
}

/** Hours from the order's issue to the first session the participant attended, one value per order. */
function orderToFirstSessionHours(cell: CellFacts): number[] {
  return firstPerOrder(cell, 'session_attended');
}

/** Orders with at least one attended session. */
function attendingOrders(cell: CellFacts): number {
  return new Set(cell.facts.filter((f) => f.kind === 'session_attended').map((f) => f.orderId)).size;
}

/** Hours from the order's issue to its first acceptance, one value per accepted order. */
function orderToAcceptanceHours(cell: CellFacts): number[] {
  return firstPerOrder(cell, 'referral_accepted');
}

/** Registered orders in the cell, each once, with the order itself. */
function registeredOrders(cell: CellFacts): OrderCase[] {
  return cell.facts.flatMap((f) => (f.kind === 'order_registered' && cell.orders.has(f.orderId) ? [cell.orders.get(f.orderId)!] : []));
}

/** Each group session booked in the cell once, with the most places it was seen to hold. */
function groupSessionFill(cell: CellFacts): Map<string, number> {
  const fill = new Map<string, number>();
  for (const fact of cell.facts) {
    if (fact.kind !== 'group_place' || !fact.sessionId) continue;
    fill.set(fact.sessionId, Math.max(fill.get(fact.sessionId) ?? 0, fact.participants ?? 1));
  }
  return fill;
}

/** Distinct group sessions among the facts of a kind: several members' facts name the same session. */
const distinctSessions = (kind: FactKind) => (cell: CellFacts) =>
  new Set(cell.facts.flatMap((f) => (f.kind === kind && f.sessionId ? [f.sessionId] : []))).size;

/** Participants per group session, to two decimals; null where no group session was booked. */
function meanGroupFill(cell: CellFacts): number | null {
  const fill = [...groupSessionFill(cell).values()];
  return fill.length === 0 ? null : Math.round((fill.reduce((sum, n) => sum + n, 0) / fill.length) * 100) / 100;
}

const OUTCOME_LABELS: Record<PlacementOutcome, IndicatorLabel> = {
  completed: { ky: 'программаны аяктагандар', ru: 'после завершения программы', en: 'after completing' },
  refused: { ky: 'баш тарткандар', ru: 'после отказа', en: 'after refusing' },
  never_placed: { ky: 'программага жайгаштырылбагандар', ru: 'не направленные в программу', en: 'never placed' },
};

/** For each outcome: how many orders ended so, then how many of those saw a new order within 6, 12, 18 months. */
function repeatColumns(): IndicatorColumn[] {
  return PLACEMENT_OUTCOMES.flatMap((outcome) => [
    {
      key: `orders_with_person_id.${outcome}`,
      group: 'repeats' as const,
      label: withReason(label('ПИН менен буйруктар', 'Предписания с ПИН', 'Orders with a personal number'), OUTCOME_LABELS[outcome]),
      measure: (cell: CellFacts) => registeredOrders(cell).filter((o) => o.personRef && cell.outcomes.get(o.orderId) === outcome).length,
    },
    ...REPEAT_WINDOWS_MONTHS.map((months) => ({
      key: `repeat_orders_${months}m.${outcome}`,
      group: 'repeats' as const,
      label: withReason(label(`${months} айда кайра буйрук`, `Повторное предписание за ${months} мес.`, `Repeat order within ${months} months`), OUTCOME_LABELS[outcome]),
      measure: (cell: CellFacts) =>
        registeredOrders(cell).filter((o) => cell.outcomes.get(o.orderId) === outcome && repeatedWithin(o, cell.nextOrders.get(o.orderId) ?? null, months)).length,
    })),
  ]);
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

const CENTRE_WITHDRAWAL_LABELS: Record<(typeof CENTRE_WITHDRAWAL_REASONS)[number], IndicatorLabel> = {
  facilitator_away: { ky: 'фасилитатор жок', ru: 'фасилитатор отсутствует', en: 'facilitator away' },
};

const UNROUTABLE_LABELS: Record<(typeof UNROUTABLE_REASONS)[number], IndicatorLabel> = {
  no_centre_open: { ky: 'бир да борбор ачык эмес', ru: 'ни один центр не открыт', en: 'no centre open' },
  no_programme_within_reach: { ky: 'жетүүгө мүмкүн болгон программа жок', ru: 'нет программы в пределах досягаемости', en: 'no programme within reach' },
  beyond_reach: { ky: 'борбор өтө алыс', ru: 'центр слишком далеко', en: 'centre beyond reach' },
  road_closed: { ky: 'жол жабык', ru: 'дорога закрыта', en: 'road closed' },
  centre_paused: { ky: 'борбор убактылуу кабыл албайт', ru: 'центр приостановил приём', en: 'centre paused' },
  no_facilitator_pair: { ky: 'фасилитатор жубу жок', ru: 'нет пары ведущих', en: 'no facilitator pair' },
  language: { ky: 'тил', ru: 'язык', en: 'language' },
  no_slot_before_expiry: { ky: 'мөөнөтү бүткөнгө чейин бош убакыт жок', ru: 'нет свободного времени до окончания срока', en: 'no slot before expiry' },
  group_full: { ky: 'топтор толук', ru: 'группы заполнены', en: 'groups full' },
  declined_before: { ky: 'мурда баш тарткан', ru: 'ранее отказал', en: 'declined before' },
  not_acknowledged_before: { ky: 'мурда мөөнөтүндө жооп берген эмес', ru: 'ранее не ответил в срок', en: 'not acknowledged before' },
  taken_meanwhile: { ky: 'ошол учурда башкага берилген', ru: 'занято другим направлением', en: 'taken meanwhile' },
};

const REFUSAL_LABELS: Record<(typeof REFUSAL_GROUNDS)[number], IndicatorLabel> = {
  explicit_refusal: { ky: 'ачык баш тартуу', ru: 'явный отказ', en: 'explicit refusal' },
  unexcused_absences: { ky: 'себепсиз келбөө', ru: 'неявки без уважительной причины', en: 'unexcused absences' },
  cannot_finish_before_expiry: { ky: 'мөөнөтүнө чейин бүтпөйт', ru: 'не успеть до окончания срока', en: 'cannot finish before expiry' },
};

const CLOSURE_LABELS: Record<(typeof CLOSURE_REASONS)[number], IndicatorLabel> = {
  in_custody: { ky: 'камакта', ru: 'под стражей', en: 'in custody' },
  order_revoked_by_court: { ky: 'сот буйрукту жокко чыгарды', ru: 'предписание отменено судом', en: 'order revoked by court' },
  left_country: { ky: 'өлкөдөн чыгып кеткен', ru: 'выехал из страны', en: 'left the country' },
  deceased: { ky: 'каза болгон', ru: 'умер', en: 'deceased' },
  treatment_first: { ky: 'адегенде дарылануу', ru: 'сначала лечение', en: 'treatment first' },
  other: { ky: 'башка', ru: 'другое', en: 'other' },
};

const TRACK_LABELS: Record<(typeof PROGRAMME_TRACKS)[number], IndicatorLabel> = {
  men: { ky: 'эркектер', ru: 'мужчины', en: 'men' },
  women: { ky: 'аялдар', ru: 'женщины', en: 'women' },
};

const FOLLOW_UP_LABELS: Record<(typeof FOLLOW_UP_OUTCOMES)[number], IndicatorLabel> = {
  held: { ky: 'өткөрүлдү', ru: 'проведена', en: 'held' },
  missed: { ky: 'өткөрүлгөн жок', ru: 'не состоялась', en: 'missed' },
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
  counter('orders', 'order_extended', 'orders_extended', label('Узартылган буйруктар', 'Продлённые предписания', 'Orders extended')),
  counter('orders', 'immediate_danger', 'immediate_danger_alerts', label('Дароо коркунуч белгилери', 'Сигналы непосредственной опасности', 'Immediate-danger alerts')),
  counter('referrals', 'referral_routed', 'referrals_routed', label('Жөнөтүлгөн жолдомолор', 'Направленные', 'Referrals routed')),
  counter('referrals', 'referral_accepted', 'referrals_accepted', label('Кабыл алынган жолдомолор', 'Принятые направления', 'Referrals accepted')),
  ...counterByReason('referrals', 'referral_declined', 'referrals_declined', label('Баш тартылган жолдомолор', 'Отклонённые направления', 'Referrals declined'), DECLINE_LABELS),
  counter('referrals', 'referral_expired', 'referrals_expired', label('Мөөнөтүндө жооп берилбеген', 'Без ответа в срок', 'Not acknowledged in time')),
  ...counterByReason(
    'referrals',
    'referral_withdrawn',
    'referrals_withdrawn',
    label('Борбордон кайтарылып алынган жолдомолор', 'Направления, отозванные из центра', 'Referrals withdrawn from their centre'),
    CENTRE_WITHDRAWAL_LABELS,
  ),
  counter('referrals', 'referral_rerouted', 'referrals_rerouted', label('Башка борборго кайра жөнөтүлгөн', 'Перенаправленные', 'Re-routed')),
  counter('referrals', 'referral_escalated', 'referrals_escalated', label('Координаторго өткөрүлгөн', 'Переданные координатору', 'Escalated to coordinators')),
  ...counterByReason('referrals', 'referral_unroutable', 'referrals_unroutable', label('Жөнөтүүгө мүмкүн эмес', 'Не удалось направить', 'Unroutable'), UNROUTABLE_LABELS),
  counter('referrals', 'referral_decision_reminder', 'decision_reminders', label('Координаторго чечим боюнча эскертүүлөр', 'Напоминания координаторам о решении', 'Reminders to coordinators to decide')),
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
  counter('programmes', 'programme_started', 'programmes_started', label('Башталган программалар', 'Начатые программы', 'Programmes started')),
  {
    key: 'programmes_attending',
    group: 'programmes',
    label: label('Жок дегенде бир сессияга катышкан', 'Посетили хотя бы одно занятие', 'Attended at least one session'),
    measure: attendingOrders,
  },
  counter('programmes', 'programme_completed', 'programmes_completed', label('Аякталган программалар', 'Завершённые программы', 'Programmes completed')),
  ...counterByReason('programmes', 'programme_refused', 'programmes_refused', label('Баш тартуу (72-берене боюнча кабарлама)', 'Отказ (уведомление по ст. 72)', 'Refused (Article 72 notice)'), REFUSAL_LABELS),
  ...counterByReason('programmes', 'programme_closed', 'programmes_closed', label('Чечим менен жабылган', 'Закрыты решением', 'Closed by decision'), CLOSURE_LABELS),
  counter('programmes', 'programme_expired_unplaced', 'orders_expired_unplaced', label('Программага жайгаштырылбай мөөнөтү бүткөн буйруктар', 'Предписания, истёкшие без программы', 'Orders that expired unplaced')),
  counter('programmes', 'programme_cancelled', 'programmes_cancelled', label('Жокко чыгарылган программалар', 'Отменённые программы', 'Programmes cancelled')),
  {
    key: 'order_to_first_session_median_hours',
    group: 'programmes',
    label: label('Буйруктан биринчи сессияга чейин, медиана (саат)', 'От предписания до первого занятия, медиана (ч)', 'Order to first session, median (hours)'),
    measure: (cell) => median(orderToFirstSessionHours(cell)),
  },
  counter('programmes', 'group_place', 'group_places_booked', label('Топтук сессияларга брондолгон орундар', 'Забронированные места в групповых занятиях', 'Group-session places booked')),
  {
    key: 'group_sessions_booked',
    group: 'programmes',
    label: label('Брондолгон топтук сессиялар', 'Групповые занятия с бронированием', 'Group sessions booked'),
    measure: distinctSessions('group_place'),
  },
  {
    key: 'group_fill_mean',
    group: 'programmes',
    label: label('Бир топтук сессиядагы катышуучулар, орточо', 'Участников на групповое занятие, в среднем', 'Participants per group session, mean'),
    measure: meanGroupFill,
  },
  {
    key: 'group_meetings_merged',
    group: 'programmes',
    label: label('Башка сессияга кошулган аз курамдуу топтук сессиялар', 'Малые групповые занятия, объединённые с другими', 'Small group meetings merged into another'),
    measure: distinctSessions('group_meeting_merged'),
  },
  {
    key: 'group_meetings_run_small',
    group: 'programmes',
    label: label('Аз курам менен калтырылган топтук сессиялар', 'Групповые занятия, оставленные в малом составе', 'Group meetings kept below their minimum'),
    measure: distinctSessions('group_meeting_ran_small'),
  },
  ...counterByReason('voluntary', 'voluntary_enrolled', 'voluntary_enrolled', label('Ыктыярдуу бөлүккө катталгандар', 'Записались на добровольную часть', 'Enrolled in the voluntary component'), TRACK_LABELS),
  counter('voluntary', 'voluntary_completed', 'voluntary_completed', label('Ыктыярдуу бөлүктү аяктагандар', 'Завершили добровольную часть', 'Completed the voluntary component')),
  counter('voluntary', 'voluntary_left', 'voluntary_left', label('Ыктыярдуу бөлүктөн чыккандар', 'Вышли из добровольной части', 'Left the voluntary component')),
  counter('follow_ups', 'follow_up_due', 'follow_ups_due', label('Мөөнөтү келген, белгиленбеген көзөмөл жолугушуулары', 'Наступившие и не отмеченные встречи мониторинга', 'Monitoring meetings due and not yet recorded')),
  ...FOLLOW_UP_OUTCOMES.map((outcome) => ({
    key: `follow_ups_${outcome}`,
    group: 'follow_ups' as const,
    label: withReason(label('Көзөмөл жолугушуулары', 'Встречи мониторинга', 'Monitoring meetings'), FOLLOW_UP_LABELS[outcome]),
    measure: count('follow_up_recorded', outcome),
  })),
  {
    key: 'orders_without_person_id',
    group: 'repeats',
    label: label('ПИНсиз буйруктар (кайталоо байланбайт)', 'Предписания без ПИН (повтор не связать)', 'Orders without a personal number (repeats cannot be linked)'),
    measure: (cell) => registeredOrders(cell).filter((o) => !o.personRef).length,
  },
  ...repeatColumns(),
];

export const GROUP_TITLES: Record<IndicatorGroup, IndicatorLabel> = {
  orders: { ky: 'Буйруктар', ru: 'Предписания', en: 'Orders' },
  referrals: { ky: 'Жолдомолор', ru: 'Направления', en: 'Referrals' },
  programmes: { ky: 'Программалар', ru: 'Программы', en: 'Programmes' },
  voluntary: { ky: 'Ыктыярдуу бөлүк', ru: 'Добровольная часть', en: 'Voluntary component' },
  follow_ups: { ky: 'Көзөмөл жолугушуулары', ru: 'Встречи мониторинга', en: 'Monitoring meetings' },
  repeats: { ky: 'Кайталанган буйруктар', ru: 'Повторные предписания', en: 'Repeat orders' },
  utilisation: { ky: 'Фасилитаторлордун жүктөлүшү', ru: 'Загрузка ведущих', en: 'Facilitator utilisation' },
};

/**
 * Facilitator utilisation, by the month the sessions fall in (`utilisation-sheet.ts` measures it): a pair-hour
 * is an hour of a man and a woman together.
 */
export const UTILISATION_COLUMNS: ReadonlyArray<{ key: string; label: IndicatorLabel }> = [
  {
    key: 'pair_hours_rostered',
    label: label('Графиктеги жуп-сааттар', 'Пары-часы по графику', 'Rostered pair-hours'),
  },
  {
    key: 'pair_hours_booked',
    label: label('Брондолгон жуп-сааттар', 'Забронированные пары-часы', 'Booked pair-hours'),
  },
  {
    key: 'facilitator_utilisation_percent',
    label: label('Фасилитаторлордун жүктөлүшү, %', 'Загрузка ведущих, %', 'Facilitator utilisation, %'),
  },
];

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
