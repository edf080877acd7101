import { Alert, Button, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordAttendanceRequest } from '../../api/korgoo-api';
import { fromLocalInput, localInputValue } from '../../lib/dates';
import { useFieldErrors } from '../../lib/field-errors';
import { useRecordAttendance, useRecordVoluntarySession } from './api';

export const MARKS: RecordAttendanceRequest['mark'][] = ['attended', 'excused_absence', 'unexcused_absence', 'refused'];
const EXCUSES: NonNullable<RecordAttendanceRequest['excuseReason']>[] = ['illness_with_document', 'court_hearing', 'detention', 'other'];

interface AttendanceFieldsProps {
  label: string;
  pending: boolean;
  error: unknown;
  onRecord(entry: RecordAttendanceRequest): void;
  /** Fields a kind of session asks for besides the mark and the note, shown first. */
  children?: ReactNode;
}

/** How one session went, the same for every kind of session; the facilitators' note stays with the centre and coordinators. */
function AttendanceFields({ label, pending, error, onRecord, children }: AttendanceFieldsProps) {
  const { t } = useTranslation();
  const { errorAt, any } = useFieldErrors(error);
  const [mark, setMark] = useState<RecordAttendanceRequest['mark']>('attended');
  const [excuseReason, setExcuseReason] = useState<NonNullable<RecordAttendanceRequest['excuseReason']>>('illness_with_document');
  const [excuseNote, setExcuseNote] = useState('');
  const [facilitatorNote, setFacilitatorNote] = useState('');
  const [signedBy, setSignedBy] = useState('');
  const excused = mark === 'excused_absence';

  function submit(event: FormEvent) {
    event.preventDefault();
    onRecord({
      mark,
      ...(excused ? { excuseReason } : {}),
      ...(excused && excuseReason === 'other' ? { excuseNote: excuseNote.trim() } : {}),
      facilitatorNote: facilitatorNote.trim(),
      signedBy: signedBy.trim(),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="xs">
        {Boolean(error) && <Alert color="red" role="alert">{any ? t('form.fixFields') : t('form.failed')}</Alert>}
        {children}
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
        <Button type="submit" loading={pending}>{t('programme.record')}</Button>
      </Stack>
    </form>
  );
}

/** Centre staff record a session of the mandatory programme, as it was planned. */
export function AttendanceForm({ referralId, sessionIndex }: { referralId: string; sessionIndex: number }) {
  const { t } = useTranslation();
  const record = useRecordAttendance(referralId, sessionIndex);
  return (
    <AttendanceFields label={t('programme.recordSession', { index: sessionIndex })} pending={record.isPending} error={record.error}
      onRecord={(entry) => record.mutate(entry)} />
  );
}

/** Centre staff record a voluntary session: those are not planned ahead, so the form asks when it was held. */
export function VoluntarySessionForm({ referralId, number }: { referralId: string; number: number }) {
  const { t } = useTranslation();
  const record = useRecordVoluntarySession(referralId, number);
  const { errorAt } = useFieldErrors(record.error);
  const [heldAt, setHeldAt] = useState(() => localInputValue(Date.now()));
  return (
    <AttendanceFields label={t('programme.recordVoluntary', { number })} pending={record.isPending} error={record.error}
      onRecord={(entry) => record.mutate({ ...entry, heldAt: fromLocalInput(heldAt) })}>
      <TextInput required type="datetime-local" label={t('programme.heldAt')} description={t('programme.heldAtHelp')} value={heldAt}
        error={errorAt('heldAt')} onChange={(event) => setHeldAt(event.currentTarget.value)} />
    </AttendanceFields>
  );
}
