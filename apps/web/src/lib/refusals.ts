import type { TFunction } from 'i18next';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefusalBody } from '../api/korgoo-api';
import { ApiProblem } from './api-client';

/** An owner's refusal with the status of the answer that carried it: a rule this app does not know is said by the status. */
export type Refused = RefusalBody & { status: number };

/** The rules an owning service refused a change for, when it names them. */
export function refusalsOf(error: unknown): Refused[] {
  if (!(error instanceof ApiProblem)) return [];
  return (error.body?.refusals ?? []).map((refusal) => ({ ...refusal, status: error.status }));
}

/** How a screen says the ids a refusal names, by the param that holds them (a facilitator by their name). */
export type RefusalNames = Partial<Record<string, (id: string) => string>>;

const RefusalNamesContext = createContext<RefusalNames>({});

/** Lets every refusal said inside name what the screen knows by the names its readers know. */
export const RefusalNamesProvider = RefusalNamesContext.Provider;

/**
 * A refusal in the reader's language from its rule and params, a weekday and a language by their names, and ids by
 * the names the screen gives them. A rule this app does not know yet (an API newer than the loaded app) is said by
 * what its status and field tell, never in the API's English; `atItsField` when it is shown at the field's input.
 */
export function useSayRefusal(): (refusal: Refused, atItsField?: boolean) => string {
  const { t, i18n } = useTranslation();
  const names = useContext(RefusalNamesContext);
  return ({ rule, params = {}, field, status }, atItsField = false) => {
    const key = `refusal.${rule}`;
    if (!i18n.exists(key)) return unknownRule(t, status, { label: field === undefined ? undefined : labelOf(t, field), atItsField });
    const { weekday, language } = params;
    const named: Record<string, string> = Object.fromEntries(
      Object.entries(params).flatMap(([param, value]) => {
        const name = names[param];
        return name && typeof value === 'string' ? [[param, name(value)]] : [];
      }),
    );
    return t(key, {
      ...params,
      ...named,
      ...(weekday === undefined ? {} : { weekday: t(`weekday.${weekday}`) }),
      ...(language === undefined ? {} : { language: t(`language.${language}`) }),
    });
  };
}

/**
 * What an answer says without a rule this app knows: by its status, a 400 at a field by the field's label where the
 * screen has one (or as "this value" at the field's own input), then that a newer app may say why.
 */
export function unknownRule(t: TFunction, status: number, { label, atItsField = false }: { label?: string; atItsField?: boolean } = {}): string {
  const sentence =
    status === 404 ? t('unknownRule.notFound')
    : status === 409 ? t('unknownRule.conflict')
    : status === 403 ? t('unknownRule.forbidden')
    : atItsField ? t('unknownRule.here')
    : label ? t('unknownRule.field', { field: label })
    : t('unknownRule.change');
  return `${sentence} ${t('unknownRule.reload')}`;
}

/**
 * The label a screen gives a field, by its path without list positions (`groupSlots.1.minutes` is `groupSlots.minutes`):
 * the fields a refusal can name beside a form without an input for them (an existing slot's, beside the new slot's form).
 */
const FIELD_LABELS: Record<string, string> = {
  'groupSlots.weekday': 'directory.weekday',
  'groupSlots.start': 'directory.start',
  'groupSlots.minutes': 'directory.minutes',
  'groupSlots.sex': 'directory.sex',
  'groupSlots.language': 'directory.language',
  'groupSlots.leadFacilitatorId': 'directory.lead',
  'groupSlots.coFacilitatorId': 'directory.co',
  'groupSlots.minParticipants': 'directory.minParticipants',
  'groupSlots.maxParticipants': 'directory.maxParticipants',
  'outreachPoints.settlementCode': 'directory.pointSettlement',
  'outreachPoints.facilitatorIds': 'directory.pair',
  'outreachPoints.windows': 'directory.days',
  'outreachPoints.windows.weekday': 'directory.weekday',
  'outreachPoints.windows.start': 'directory.start',
  'outreachPoints.windows.end': 'directory.end',
  weekly: 'directory.weekly',
  'weekly.weekday': 'directory.weekday',
  'weekly.start': 'directory.start',
  'weekly.end': 'directory.end',
};

function labelOf(t: TFunction, field: string): string | undefined {
  const key = FIELD_LABELS[withoutPositions(field)];
  return key === undefined ? undefined : t(key);
}

/** A field's path as the screens know it, whichever entry of a list it is at (`groupSlots.2.sex` is `groupSlots.sex`). */
export const withoutPositions = (field: string): string => field.replace(/\.\d+(?=\.|$)/g, '');
