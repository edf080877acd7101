import { Button, Group, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrors } from '../../lib/field-errors';
import { useReferralDecision } from './api';

/** A coordinator overrules the routing: the centre and why, both kept in the decision record. */
export function AssignForm({ referralId }: { referralId: string }) {
  const { t } = useTranslation();
  const decide = useReferralDecision();
  const [centreId, setCentreId] = useState('');
  const [reason, setReason] = useState('');
  const { errorAt } = useFieldErrors(decide.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    decide.mutate({ action: 'assign', referralId, body: { centreId: centreId.trim(), reason: reason.trim() } });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Group align="end">
        <TextInput label={t('assign.centreId')} value={centreId} error={errorAt('centreId')} onChange={(event) => setCentreId(event.currentTarget.value)} />
        <TextInput label={t('assign.reason')} value={reason} error={errorAt('reason')} onChange={(event) => setReason(event.currentTarget.value)} />
        <Button type="submit" loading={decide.isPending}>{t('assign.submit')}</Button>
      </Group>
    </form>
  );
}
