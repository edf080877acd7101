import { Button, Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../lib/api-client';
import { useAssignOrderUnit, usePoliceUnits } from './api';

/** On a notice that found no police unit: the coordinator picks the order's unit, and the notice goes there. */
export function AssignOrderUnit({ referralId }: { referralId: string }) {
  const { t, i18n } = useTranslation();
  const units = usePoliceUnits();
  const assign = useAssignOrderUnit(referralId);
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const data = (units.data?.items ?? []).map((unit) => ({ value: unit.code, label: i18n.language === 'ru' ? unit.nameRu : unit.nameKy }));
  const alreadySet = assign.error instanceof ApiProblem && assign.error.status === 409;
  if (assign.isSuccess) return <Text size="sm" role="status">{t('notices.unitAssigned')}</Text>;
  return (
    <Group mt="sm" align="flex-end">
      <Select
        searchable
        label={t('notices.orderUnit')}
        data={data}
        value={unitCode}
        onChange={setUnitCode}
        nothingFoundMessage={t('notices.noUnits')}
      />
      <Button onClick={() => unitCode && assign.mutate(unitCode)} loading={assign.isPending} disabled={!unitCode}>
        {t('notices.assignUnit')}
      </Button>
      {assign.isError && (
        <Text size="sm" c="red" role="alert">
          {alreadySet ? t('notices.unitAlreadySet') : t('form.failed')}
        </Text>
      )}
    </Group>
  );
}
