import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderListItemResponse } from '../../api/korgoo-api';
import { ApiProblem } from '../../lib/api-client';
import { fromLocalInput, localInputValue, useDates } from '../../lib/dates';
import { useFieldErrors } from '../../lib/field-errors';
import { useExtendOrder, useRecordCourtDecision } from './api';

type Order = Pick<OrderListItemResponse, 'orderId' | 'issuedAt' | 'expiresAt' | 'firstExpiresAt' | 'courtDecision'>;

// A court decides within 70 days of the order's issue (the gateway's rule; it checks again).
const COURT_WINDOW_DAYS = 70;
const DAY_MS = 24 * 3_600_000;

function ExtendOrderForm({ order, onDone }: { order: Order; onDone(): void }) {
  const { t } = useTranslation();
  const extend = useExtendOrder(order.orderId);
  const { errorAt, any } = useFieldErrors(extend.error);
  const [expiresAt, setExpiresAt] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    extend.mutate({ expiresAt: fromLocalInput(expiresAt) }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('orderChanges.extend')}>
      <Stack gap="xs">
        {extend.error && <Alert color="red" role="alert">{any ? t('form.fixFields') : t('form.failed')}</Alert>}
        <TextInput
          required
          type="datetime-local"
          label={t('orderChanges.newExpiry')}
          description={t('orderChanges.newExpiryHelp')}
          min={localInputValue(order.expiresAt)}
          value={expiresAt}
          error={errorAt('expiresAt')}
          onChange={(event) => setExpiresAt(event.currentTarget.value)}
        />
        <Button type="submit" loading={extend.isPending}>{t('orderChanges.extendSubmit')}</Button>
      </Stack>
    </form>
  );
}

function CourtDecisionForm({ order, onDone }: { order: Order; onDone(): void }) {
  const { t } = useTranslation();
  const record = useRecordCourtDecision(order.orderId);
  const { errorAt, any } = useFieldErrors(record.error);
  const [decidedOn, setDecidedOn] = useState('');
  const [reference, setReference] = useState('');
  const issuedOn = localInputValue(order.issuedAt).slice(0, 10);
  const lastDay = localInputValue(new Date(order.issuedAt).getTime() + COURT_WINDOW_DAYS * DAY_MS).slice(0, 10);
  const recordedBefore = record.error instanceof ApiProblem && record.error.status === 409;

  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate({ decidedOn, reference: reference.trim() }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('orderChanges.recordDecision')}>
      <Stack gap="xs">
        {record.error && (
          <Alert color="red" role="alert">{recordedBefore ? t('orderChanges.decisionRecordedBefore') : any ? t('form.fixFields') : t('form.failed')}</Alert>
        )}
        <TextInput
          required
          type="date"
          label={t('orderChanges.decidedOn')}
          description={t('orderChanges.decidedOnHelp')}
          min={issuedOn}
          max={lastDay}
          value={decidedOn}
          error={errorAt('decidedOn')}
          onChange={(event) => setDecidedOn(event.currentTarget.value)}
        />
        <TextInput
          required
          label={t('orderChanges.reference')}
          description={t('orderChanges.referenceHelp')}
          value={reference}
          error={errorAt('reference')}
          onChange={(event) => setReference(event.currentTarget.value)}
        />
        <Button type="submit" loading={record.isPending}>{t('orderChanges.recordSubmit')}</Button>
      </Stack>
    </form>
  );
}

type Opened = 'extend' | 'decision' | null;

/** Police: how long the order runs and what the court decided; extending it and recording the decision. */
export function OrderChanges({ order }: { order: Order }) {
  const { t } = useTranslation();
  const dates = useDates();
  const [opened, setOpened] = useState<Opened>(null);
  const [done, setDone] = useState<string | null>(null);
  const toggle = (form: Exclude<Opened, null>) => {
    setDone(null);
    setOpened(opened === form ? null : form);
  };
  const finished = (message: string) => () => {
    setOpened(null);
    setDone(message);
  };

  return (
    <Stack gap="xs" mt="xs">
      <Text size="sm">
        {t('orderChanges.validUntil', { at: dates.moment(order.expiresAt) })}
        {order.firstExpiresAt && ` ${t('orderChanges.extendedFrom', { at: dates.moment(order.firstExpiresAt) })}`}
      </Text>
      {order.courtDecision && (
        <Text size="sm">{t('orderChanges.courtDecision', { on: dates.day(order.courtDecision.decidedOn), reference: order.courtDecision.reference })}</Text>
      )}
      {done && <Text size="sm" c="green.9" role="status">{done}</Text>}
      <Group gap="xs">
        <Button variant="light" size="xs" aria-expanded={opened === 'extend'} onClick={() => toggle('extend')}>
          {t('orderChanges.extend')}
        </Button>
        {!order.courtDecision && (
          <Button variant="light" size="xs" aria-expanded={opened === 'decision'} onClick={() => toggle('decision')}>
            {t('orderChanges.recordDecision')}
          </Button>
        )}
      </Group>
      {opened === 'extend' && <ExtendOrderForm order={order} onDone={finished(t('orderChanges.extended'))} />}
      {opened === 'decision' && <CourtDecisionForm order={order} onDone={finished(t('orderChanges.decisionRecorded'))} />}
    </Stack>
  );
}
