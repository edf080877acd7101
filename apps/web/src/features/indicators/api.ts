import { useMutation, useQuery } from '@tanstack/react-query';
import type { IndicatorsReply, PublicIndicatorsReply } from '../../api/korgoo-api';
import { useSession } from '../../lib/session';

export const DIMENSIONS = ['month', 'oblast', 'unit', 'centre', 'sex', 'language', 'riskBin', 'priority'] as const;

const month = (at: Date) => at.toISOString().slice(0, 7);

/** From January `yearsBack` years ago to this month, by the device's clock unless given. */
function sinceJanuary(yearsBack: number, nowMs: number): { from: string; to: string } {
  const now = new Date(nowMs);
  return { from: `${now.getUTCFullYear() - yearsBack}-01`, to: month(now) };
}

/** The period shown first: from January of this year to this month. */
export const thisYear = (nowMs: number = Date.now()) => sinceJanuary(0, nowMs);

/** The public period shown first: from January of last year, since a quarter is published only 60 days after it ends. */
export const sinceLastYear = (nowMs: number = Date.now()) => sinceJanuary(1, nowMs);

export interface IndicatorFilters {
  from: string;
  to: string;
  groupBy: (typeof DIMENSIONS)[number];
  oblast: string;
  centreId: string;
}

/** The query string the API takes; empty filters are left out rather than sent blank. */
export function indicatorsQuery(filters: IndicatorFilters, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...filters, ...extra }).filter(([, value]) => value.trim() !== '');
  return new URLSearchParams(entries.map(([key, value]) => [key, value.trim()])).toString();
}

export function useIndicators(filters: IndicatorFilters) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['indicators', filters],
    queryFn: async () => (await api.get<IndicatorsReply>(`/api/v1/indicators?${indicatorsQuery(filters)}`)).report,
  });
}

/** The same indicators as a file, headers in the reader's language, saved through the browser. */
export function useIndicatorExport() {
  const { api } = useSession();
  return useMutation({
    mutationFn: async ({ filters, format, lang }: { filters: IndicatorFilters; format: 'csv' | 'xlsx'; lang: string }) => {
      const file = await api.download(`/api/v1/indicators?${indicatorsQuery(filters, { format, lang })}`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(file);
      link.download = `korgoo-indicators-${filters.from}-${filters.to}.${format}`;
      link.click();
      URL.revokeObjectURL(link.href);
    },
  });
}

/** The counts anyone may read, without signing in; small counts come suppressed from the API. */
export function usePublicIndicators(period: { from: string; to: string }) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['public-indicators', period],
    queryFn: () => api.get<PublicIndicatorsReply>(`/api/v1/public/indicators?${new URLSearchParams(period).toString()}`),
  });
}
