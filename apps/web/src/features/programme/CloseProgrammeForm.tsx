import { Alert, Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseProgrammeRequest } from '../../api/korgoo-api';
import { useFieldErrors } from '../../lib/field-errors';
import { useCloseProgramme } from './api';

const REASONS: CloseProgrammeRequest['reason'][] = ['in_custody', 'order_revoked_by_court', 'left_country', 'deceased', 'treatment_first', 'other'];

/**
 * Coordinators end a programme the rules cannot finish, with a coded reason (a note only for "other", a
 * re-check day only for "treatment first": the coordinators are reminded on it).
 */
export function CloseProgrammeForm({ referralId }: { referralId: string }) {
  const { t } = useTranslation();
  const close = useCloseProgramme(referralId);
  const { errorAt, any } = useFieldErrors(close.error);
  const [reason, setReason] = useState<CloseProgrammeRequest['reason']>('in_custody');
  const [note, setNote] = useState('');
  const [recheckOn, setRecheckOn] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    close.mutate({
      reason,
      ...(reason === 'other' ? { note: note.trim() } : {}),
      ...(reason === 'treatment_first' ? { recheckOn } : {}),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('programme.close')}>
      <Stack gap="xs">
        {close.error && <Alert color="red" role="alert">{any ? t('form.fixFields') : t('form.failed')}</Alert>}
        <NativeSelect
          label={t('programme.closeReason')}
          value={reason}
          error={errorAt('reason')}
          onChange={(event) => setReason(event.currentTarget.value as CloseProgrammeRequest['reason'])}
          data={REASONS.map((value) => ({ value, label: t(`closureReason.${value}`) }))}
        />
        {reason === 'other' && (
          <TextInput required label={t('programme.closeNote')} value={note} error={errorAt('note')} onChange={(event) => setNote(event.currentTarget.value)} />
        )}
        {reason === 'treatment_first' && (
          <TextInput
            required
            type="date"
            label={t('programme.recheckOn')}
            description={t('programme.recheckOnHint')}
            value={recheckOn}
            error={errorAt('recheckOn')}
            onChange={(event) => setRecheckOn(event.currentTarget.value)}
          />
        )}
        <Button type="submit" color="red.9" loading={close.isPending}>{t('programme.close')}</Button>
      </Stack>
    </form>
  );
}
