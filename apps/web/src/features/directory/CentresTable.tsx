import { Button, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { settlementNameOf } from '../../lib/settlement-names';
import type { CentreSummaryView } from './api';
import { CentreStatusBadge } from './CentreStatusBadge';
import { ListTable } from './ListTable';

interface Props {
  centres: CentreSummaryView[];
  chosen: string | null;
  onChoose(centreId: string): void;
}

const HEADINGS = ['centre', 'settlement', 'status', 'facilitators', 'groupSlots', 'outreachPoints'];

/** Every centre with what it offers at a glance; choosing one opens its slots and points. */
export function CentresTable({ centres, chosen, onChoose }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <ListTable label={t('directory.centres')} headings={HEADINGS.map((key) => t(`directory.${key}`))}>
      {centres.map((centre) => (
        <Table.Tr key={centre.id}>
          <Table.Td>
            <Button variant={centre.id === chosen ? 'filled' : 'subtle'} size="compact-sm" aria-pressed={centre.id === chosen}
              onClick={() => onChoose(centre.id)}>
              {centre.name}
            </Button>
          </Table.Td>
          <Table.Td>{settlementNameOf(centre.settlementCode, i18n.language)}</Table.Td>
          <Table.Td>
            <CentreStatusBadge status={centre.status} />
          </Table.Td>
          <Table.Td>{centre.activeFacilitators}</Table.Td>
          <Table.Td>{centre.groupSlotCount}</Table.Td>
          <Table.Td>{centre.outreachPointCount}</Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}
