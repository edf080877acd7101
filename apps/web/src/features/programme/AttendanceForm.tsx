import { Alert, Button, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordAttendanceRequest } from '../../api/korgoo-api';
import { useFieldErrors } from '../../lib/field-errors';
import { useRecordAttendance } from './api';

export const MARKS: RecordAttendanceRequest['mark'][] = ['attended', 'excused_absence', 'unexcused_absence', 'refused'];
const EXCUSES: NonNullable<RecordAttendanceRequest['excuseReason']>[] = ['illness_with_document', 'court_hearing', 'detention', 'other'];

/** Centre staff record how one session went; the facilitators' note stays with the centre and coordinators. */
export function AttendanceForm({ referralId, sessionIndex }: { referralId: string; sessionIndex: number }) {
  const { t } = useTranslation();
  const record = useRecordAttendance(referralId);
  const { errorAt, any } = useFieldErrors(record.error);
  const [mark, setMark] = useState<RecordAttendanceRequest['mark']>('attended');
  const [excuseReason, setExcuseReason] = useState<NonNullable<RecordAttendanceRequest['excuseReason']>>('illness_with_document');
  const [excuseNote, setExcuseNote] = useState('');
  const [facilitatorNote, setFacilitatorNote] = useState('');
  const [signedBy, setSignedBy] = useState('');
  const excused = mark === 'excused_absence';

  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate({
      sessionIndex,
      mark,
      ...(excused ? { excuseReason } : {}),
      ...(excused && excuseReason === 'other' ? { excuseNote: excuseNote.trim() } : {}),
      facilitatorNote: facilitatorNote.trim(),
      signedBy: signedBy.trim(),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('programme.recordSession', { index: sessionIndex })}>
      <Stack gap="xs">
        {record.error && <Alert color="red" role="alert">{any ? t('form.fixFields') : t('form.failed')}</Alert>}
        <NativeSelect
          label={t('programme.mark')}
          value={mark}
          error={errorAt('mark')}
          onChange={(event) => setMark(event.currentTarget.value as RecordAttendanceRequest['mark'])}
          data={MARKS.map((value) => ({ value, label: t(`mark.${value}`) }))}
        />
        {excused && (
          <NativeSelect
            label={t('programme.excuseReason')}
            value={excuseReason}
            error={errorAt('excuseReason')}
            onChange={(event) => setExcuseReason(event.currentTarget.value as typeof excuseReason)}
            data={EXCUSES.map((value) => ({ value, label: t(`excuseReason.${value}`) }))}
          />
        )}
        {excused && excuseReason === 'other' && (
          <TextInput required label={t('programme.excuseNote')} value={excuseNote} error={errorAt('excuseNote')}
            onChange={(event) => setExcuseNote(event.currentTarget.value)} />
        )}
        <Textarea required label={t('programme.facilitatorNote')} value={facilitatorNote} error={errorAt('facilitatorNote')}
          onChange={(event) => setFacilitatorNote(event.currentTarget.value)} />
        <TextInput required label={t('programme.signedBy')} value={signedBy} error={errorAt('signedBy')}
          onChange={(event) => setSignedBy(event.currentTarget.value)} />
        <Button type="submit" loading={record.isPending}>{t('programme.record')}</Button>
      </Stack>
    </form>
  );
}
