import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FacilitatorView, GroupSlotView, nameOf } from './api';
import { ListTable } from './ListTable';
import { RemoveButton } from './RemoveButton';
import { endOf } from './week';

interface Props {
  slots: GroupSlotView[];
  facilitators: FacilitatorView[];
  pending: boolean;
  onRemove(slotId: string): void;
}

/** The weekly group meetings the centre declares, with the pair that runs each. */
export function GroupSlotsTable({ slots, facilitators, pending, onRemove }: Props) {
  const { t } = useTranslation();
  if (slots.length === 0) return <Text c="dimmed">{t('directory.noSlots')}</Text>;
  const headings = ['weekday', 'hours', 'group', 'pair', 'participants'].map((key) => t(`directory.${key}`));
  return (
    <ListTable label={t('directory.groupSlots')} headings={headings} actions={t('directory.actions')}>
      {slots.map((slot) => {
        const weekday = t(`weekday.${slot.weekday}`);
        return (
          <Table.Tr key={slot.id}>
            <Table.Td>{weekday}</Table.Td>
            <Table.Td>{slot.start}–{endOf(slot.start, slot.minutes)}</Table.Td>
            <Table.Td>{t(`directory.groupOf.${slot.sex}`)}, {t(`language.${slot.language}`)}</Table.Td>
            <Table.Td>
              {t('directory.pairNames', { lead: nameOf(facilitators, slot.leadFacilitatorId), co: nameOf(facilitators, slot.coFacilitatorId) })}
            </Table.Td>
            <Table.Td>{slot.minParticipants}–{slot.maxParticipants}</Table.Td>
            <Table.Td>
              <RemoveButton label={t('directory.removeSlot', { weekday, start: slot.start })} disabled={pending} onRemove={() => onRemove(slot.id)} />
            </Table.Td>
          </Table.Tr>
        );
      })}
    </ListTable>
  );
}
