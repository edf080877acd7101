import { Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FacilitatorView } from './api';
import { ListTable } from './ListTable';
import { RemoveButton } from './RemoveButton';
import { windowsText } from './week';

interface Props {
  facilitators: FacilitatorView[];
  pending: boolean;
  onEditWeek(facilitatorId: string): void;
  onOpenLeave(facilitatorId: string): void;
  onCorrect(facilitatorId: string): void;
  onSetActive(facilitatorId: string, active: boolean): void;
  onRemove(facilitatorId: string): void;
}

const HEADINGS = ['displayName', 'facilitatorSex.label', 'languages', 'facilitatorActive.label', 'weekly'];

/** The centre's facilitators and the hours each is available in a usual week; their leave opens below. */
export function FacilitatorsTable({ facilitators, pending, onEditWeek, onOpenLeave, onCorrect, onSetActive, onRemove }: Props) {
  const { t } = useTranslation();
  if (facilitators.length === 0) return <Text c="dimmed">{t('directory.noFacilitators')}</Text>;
  return (
    <ListTable label={t('directory.facilitators')} headings={HEADINGS.map((key) => t(`directory.${key}`))} actions={t('directory.actions')}>
      {facilitators.map((facilitator) => {
        const name = facilitator.displayName;
        return (
          <Table.Tr key={facilitator.id}>
            <Table.Td>{name}</Table.Td>
            <Table.Td>{t(`directory.facilitatorSex.${facilitator.sex}`)}</Table.Td>
            <Table.Td>{facilitator.languages.map((language) => t(`language.${language}`)).join(', ')}</Table.Td>
            <Table.Td>{t(`directory.facilitatorActive.${facilitator.active}`)}</Table.Td>
            <Table.Td>{windowsText(facilitator.weekly, (weekday) => t(`weekday.${weekday}`)) || t('directory.noWeekly')}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button variant="subtle" size="compact-sm" disabled={pending} onClick={() => onEditWeek(facilitator.id)}
                  aria-label={t('directory.editWeekOf', { name })}>
                  {t('directory.editWeek')}
                </Button>
                <Button variant="subtle" size="compact-sm" onClick={() => onOpenLeave(facilitator.id)}
                  aria-label={t('directory.leaveOf', { name })}>
                  {t('directory.leave')}
                </Button>
                <Button variant="subtle" size="compact-sm" disabled={pending} onClick={() => onCorrect(facilitator.id)}
                  aria-label={t('directory.correctOf', { name })}>
                  {t('directory.correct')}
                </Button>
                <Button variant="subtle" size="compact-sm" {...(facilitator.active ? { color: 'red' } : {})} disabled={pending}
                  onClick={() => onSetActive(facilitator.id, !facilitator.active)}
                  aria-label={t(facilitator.active ? 'directory.deactivateOf' : 'directory.activateOf', { name })}>
                  {t(facilitator.active ? 'directory.deactivate' : 'directory.activate')}
                </Button>
                <RemoveButton label={t('directory.removeFacilitatorOf', { name })} disabled={pending} onRemove={() => onRemove(facilitator.id)} />
              </Group>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </ListTable>
  );
}
