import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { settlementNameOf } from '../../lib/settlement-names';
import { FacilitatorView, nameOf, OutreachPointView } from './api';
import { ListTable } from './ListTable';
import { RemoveButton } from './RemoveButton';
import { windowsText } from './week';

interface Props {
  points: OutreachPointView[];
  facilitators: FacilitatorView[];
  pending: boolean;
  onRemove(pointId: string): void;
}

/** Places away from the centre where a pair holds sessions, and the days they are there. */
export function OutreachPointsTable({ points, facilitators, pending, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  if (points.length === 0) return <Text c="dimmed">{t('directory.noPoints')}</Text>;
  return (
    <ListTable label={t('directory.outreachPoints')} headings={[t('directory.settlement'), t('directory.pair'), t('directory.days')]}
      actions={t('directory.actions')}>
      {points.map((point) => {
        const place = settlementNameOf(point.settlementCode, i18n.language);
        return (
          <Table.Tr key={point.id}>
            <Table.Td>{place}</Table.Td>
            <Table.Td>{point.facilitatorIds.map((id) => nameOf(facilitators, id)).join(', ')}</Table.Td>
            <Table.Td>{windowsText(point.windows, (weekday) => t(`weekday.${weekday}`))}</Table.Td>
            <Table.Td>
              <RemoveButton label={t('directory.removePoint', { place })} disabled={pending} onRemove={() => onRemove(point.id)} />
            </Table.Td>
          </Table.Tr>
        );
      })}
    </ListTable>
  );
}
