import { Button, Group, Stack, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutreachPointBody, WeeklyWindowBody } from '../../api/korgoo-api';
import { SettlementPicker } from '../orders/SettlementPicker';
import type { FacilitatorView } from './api';
import { chosenOrFirst, FacilitatorSelect } from './FacilitatorSelect';
import { useEntryErrors } from './entry-errors';
import { WindowsField } from './WindowsField';

interface Props {
  facilitators: FacilitatorView[];
  /** Where the new point lands in the list sent, which is where the API's field problems point. */
  index: number;
  error: unknown;
  pending: boolean;
  onAdd(point: OutreachPointBody): void;
}

/** A new place away from the centre: a man and a woman of the centre hold sessions there on the given days. */
export function AddPointForm({ facilitators, index, error, pending, onAdd }: Props) {
  const { t } = useTranslation();
  const at = useEntryErrors(error, 'outreachPoints', index);
  const [settlementCode, setSettlementCode] = useState('');
  const [man, setMan] = useState('');
  const [woman, setWoman] = useState('');
  const [windows, setWindows] = useState<WeeklyWindowBody[]>([{ weekday: 2, start: '09:00', end: '17:00' }]);
  const active = facilitators.filter((facilitator) => facilitator.active);
  const men = active.filter((facilitator) => facilitator.sex === 'male');
  const women = active.filter((facilitator) => facilitator.sex === 'female');
  const manId = chosenOrFirst(men, man);
  const womanId = chosenOrFirst(women, woman);

  function submit(event: FormEvent) {
    event.preventDefault();
    onAdd({ settlementCode, facilitatorIds: [manId, womanId], windows });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('directory.addPoint')}>
      <Stack gap="xs">
        <Title order={5}>{t('directory.addPoint')}</Title>
        <SettlementPicker value={settlementCode} error={at('settlementCode')} onChange={setSettlementCode}
          label={t('directory.pointSettlement')} description={t('order.settlementHelp')} />
        <Group align="end">
          <FacilitatorSelect label={t('directory.man')} choices={men} value={manId} error={at('facilitatorIds')} onChange={setMan} />
          <FacilitatorSelect label={t('directory.woman')} choices={women} value={womanId} error={at('facilitatorIds')} onChange={setWoman} />
        </Group>
        <WindowsField windows={windows} errorAt={(window, field) => at(`windows.${window}.${field}`)} onChange={setWindows} />
        <Group>
          <Button type="submit" loading={pending} disabled={!settlementCode || !manId || !womanId}>{t('directory.add')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
