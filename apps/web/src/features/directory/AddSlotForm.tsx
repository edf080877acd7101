import { Button, Group, NativeSelect, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupSlotBody } from '../../api/korgoo-api';
import type { FacilitatorView } from './api';
import { chosenOrFirst, FacilitatorSelect } from './FacilitatorSelect';
import { useEntryErrors } from './entry-errors';
import { PROGRAMME_LANGUAGES } from './LanguagesField';
import { WEEKDAYS } from './week';

interface Props {
  facilitators: FacilitatorView[];
  /** Where the new slot lands in the list sent, which is where the API's field problems point. */
  index: number;
  error: unknown;
  pending: boolean;
  onAdd(slot: GroupSlotBody): void;
}

const SEXES: GroupSlotBody['sex'][] = ['male', 'female'];
const other = (sex: GroupSlotBody['sex']) => (sex === 'male' ? 'female' : 'male');

/** A new weekly group: the lead is of the group's sex (a man leads men), the co-facilitator of the other. */
export function AddSlotForm({ facilitators, index, error, pending, onAdd }: Props) {
  const { t } = useTranslation();
  const at = useEntryErrors(error, 'groupSlots', index);
  const [weekday, setWeekday] = useState('1');
  const [start, setStart] = useState('14:00');
  const [minutes, setMinutes] = useState('240');
  const [sex, setSex] = useState<GroupSlotBody['sex']>('male');
  const [language, setLanguage] = useState<GroupSlotBody['language']>('ky');
  const [lead, setLead] = useState('');
  const [co, setCo] = useState('');
  const [minParticipants, setMinParticipants] = useState('3');
  const [maxParticipants, setMaxParticipants] = useState('10');
  const speaking = facilitators.filter((facilitator) => facilitator.active && facilitator.languages.includes(language));
  const leads = speaking.filter((facilitator) => facilitator.sex === sex);
  const cos = speaking.filter((facilitator) => facilitator.sex === other(sex));
  const leadId = chosenOrFirst(leads, lead);
  const coId = chosenOrFirst(cos, co);

  function submit(event: FormEvent) {
    event.preventDefault();
    onAdd({
      weekday: Number(weekday),
      start,
      minutes: Number(minutes),
      sex,
      language,
      leadFacilitatorId: leadId,
      coFacilitatorId: coId,
      minParticipants: Number(minParticipants),
      maxParticipants: Number(maxParticipants),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('directory.addSlot')}>
      <Title order={5}>{t('directory.addSlot')}</Title>
      <Group align="end">
        <NativeSelect label={t('directory.weekday')} value={weekday} error={at('weekday')} onChange={(event) => setWeekday(event.currentTarget.value)}
          data={WEEKDAYS.map((day) => ({ value: String(day), label: t(`weekday.${day}`) }))} />
        <TextInput type="time" label={t('directory.start')} value={start} error={at('start')} onChange={(event) => setStart(event.currentTarget.value)} />
        <TextInput type="number" label={t('directory.minutes')} value={minutes} error={at('minutes')}
          onChange={(event) => setMinutes(event.currentTarget.value)} />
        <NativeSelect label={t('directory.sex')} value={sex} error={at('sex')}
          onChange={(event) => setSex(event.currentTarget.value as GroupSlotBody['sex'])}
          data={SEXES.map((value) => ({ value, label: t(`directory.groupOf.${value}`) }))} />
        <NativeSelect label={t('directory.language')} value={language} error={at('language')}
          onChange={(event) => setLanguage(event.currentTarget.value as GroupSlotBody['language'])}
          data={PROGRAMME_LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))} />
        <FacilitatorSelect label={t('directory.lead')} choices={leads} value={leadId} error={at('leadFacilitatorId')} onChange={setLead} />
        <FacilitatorSelect label={t('directory.co')} choices={cos} value={coId} error={at('coFacilitatorId')} onChange={setCo} />
        <TextInput type="number" label={t('directory.minParticipants')} value={minParticipants} error={at('minParticipants')}
          onChange={(event) => setMinParticipants(event.currentTarget.value)} />
        <TextInput type="number" label={t('directory.maxParticipants')} value={maxParticipants} error={at('maxParticipants')}
          onChange={(event) => setMaxParticipants(event.currentTarget.value)} />
        <Button type="submit" loading={pending} disabled={!leadId || !coId}>{t('directory.add')}</Button>
      </Group>
    </form>
  );
}
