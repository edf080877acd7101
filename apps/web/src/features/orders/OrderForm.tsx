import { Alert, Button, Fieldset, Loader, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterProtectionOrderRequest } from '../../api/korgoo-api';
import { ApiProblem } from '../../lib/api-client';
import { fromLocalInput, localInputValue } from '../../lib/dates';
import { optionNames, useFieldErrors } from '../../lib/field-errors';
import { getAtPath, setAtPath } from '../../lib/paths';
import { useDeviceOrders, useOdaraForm, useRegisterOrder } from './api';
import type { SavedOrder } from './device-orders';
import { PendingOrders } from './PendingOrders';
import { inLanguage } from '../../lib/in-language';
import { ScreeningQuestion } from './ScreeningQuestion';
import { SettlementPicker } from './SettlementPicker';

const HOUR = 3_600_000;

function blankOrder() {
  const now = Date.now();
  return {
    orderNumber: '',
    issuingUnit: '',
    issuedAt: localInputValue(now),
    expiresAt: localInputValue(now + 29 * 24 * HOUR),
    fullName: '',
    sex: 'male',
    language: 'ky',
    settlementCode: '',
  };
}
type OrderFields = ReturnType<typeof blankOrder>;

// The danger screen is always asked; a question the officer leaves blank is "not answered", which the API
// reads from an empty group, but it refuses a missing group.
const blankScreening = (): Record<string, unknown> => ({ immediateDanger: { critical: {}, further: {} } });

function toRequest(order: OrderFields, screening: Record<string, unknown>): RegisterProtectionOrderRequest {
  return {
    orderNumber: order.orderNumber.trim(),
    issuingUnit: order.issuingUnit.trim(),
    issuedAt: fromLocalInput(order.issuedAt),
    expiresAt: fromLocalInput(order.expiresAt),
    perpetrator: {
      fullName: order.fullName.trim(),
      sex: order.sex as 'male' | 'female',
      language: order.language as 'ky' | 'ru',
      location: { settlementCode: order.settlementCode },
    },
    screening,
  };
}

/** A saved order back in the form's fields, to be corrected. */
function fromRequest(request: RegisterProtectionOrderRequest): OrderFields {
  const { perpetrator } = request;
  return {
    orderNumber: request.orderNumber,
    issuingUnit: request.issuingUnit,
    issuedAt: localInputValue(request.issuedAt),
    expiresAt: localInputValue(request.expiresAt),
    fullName: perpetrator.fullName,
    sex: perpetrator.sex,
    language: perpetrator.language,
    settlementCode: (perpetrator.location as { settlementCode?: string }).settlementCode ?? '',
  };
}

interface ChoiceProps {
  id: string;
  label: string;
  value: string;
  data: { value: string; label: string }[];
  error?: string;
  onChange(value: string): void;
}

/** A choice of a few, with the API's problem under it, named to assistive technology as the choice's error. */
function Choice({ id, label, error, ...control }: ChoiceProps) {
  return (
    <>
      <Text size="sm" fw={500} id={`${id}-label`}>{label}</Text>
      <SegmentedControl aria-labelledby={`${id}-label`} aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined} {...control} />
      {error && <Text size="sm" c="red" id={`${id}-error`}>{error}</Text>}
    </>
  );
}

/** The police form: the order, then the ODARA screening as the API defines it; API field errors shown at their field. */
export function OrderForm() {
  const { t, i18n } = useTranslation();
  const form = useOdaraForm();
  const register = useRegisterOrder();
  const [order, setOrder] = useState(blankOrder);
  const [screening, setScreening] = useState<Record<string, unknown>>(blankScreening);
  const { device } = useDeviceOrders();
  // A saved order the API refused, opened here to be corrected, with the API's reasons at its fields.
  const [correcting, setCorrecting] = useState<SavedOrder | null>(null);
  const refusal = correcting && new ApiProblem(400, { statusCode: 400, message: [], problems: correcting.problems ?? [] });
  // The screening's values named as its questions name them, not by their codes.
  const named = useMemo(() => optionNames(form.data?.questions ?? [], 'screening.'), [form.data]);
  const { errorAt, any: anyFieldProblem } = useFieldErrors(register.error ?? refusal, named);
  const numberTaken = register.error instanceof ApiProblem && register.error.status === 409;
  const field = (name: keyof OrderFields, apiField: string) => ({
    value: order[name],
    error: errorAt(apiField),
    onChange: (event: { currentTarget: { value: string } }) => setOrder({ ...order, [name]: event.currentTarget.value }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const request = toRequest(order, screening);
    register.mutate(request, {
      onSuccess: () => {
        // A corrected order given a new number replaces the refused one, which leaves the phone.
        if (correcting && correcting.request.orderNumber !== request.orderNumber) device.drop(correcting.request.orderNumber);
        setCorrecting(null);
        setOrder(blankOrder());
        setScreening(blankScreening());
      },
    });
  }

  function correct(saved: SavedOrder) {
    register.reset();
    setCorrecting(saved);
    setOrder(fromRequest(saved.request));
    setScreening(saved.request.screening as Record<string, unknown>);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={2}>{t('order.title')}</Title>
        <PendingOrders onCorrect={correct} />
        {register.data?.kind === 'sent' && (
          <Alert color="green" title={t('order.registered')} role="status">
            {t('order.registeredNumber', { number: register.data.reply.orderNumber })}
          </Alert>
        )}
        {register.data?.kind === 'saved' && (
          <Alert color="blue" title={t('sendQueue.savedOnPhone')} role="status">
            {t('sendQueue.savedNotice', { number: register.data.orderNumber })}
          </Alert>
        )}
        {register.error && !anyFieldProblem && (
          <Alert color="red" role="alert">{t(numberTaken ? 'order.taken' : 'order.failed')}</Alert>
        )}
        {anyFieldProblem && <Alert color="red" role="alert">{t('form.fixFields')}</Alert>}
        <Fieldset legend={t('order.orderSection')}>
          <TextInput required label={t('order.orderNumber')} {...field('orderNumber', 'orderNumber')} />
          <TextInput required label={t('order.issuingUnit')} {...field('issuingUnit', 'issuingUnit')} />
          <TextInput required type="datetime-local" label={t('order.issuedAt')} {...field('issuedAt', 'issuedAt')} />
          <TextInput required type="datetime-local" label={t('order.expiresAt')} {...field('expiresAt', 'expiresAt')} />
        </Fieldset>
        <Fieldset legend={t('order.perpetratorSection')}>
          <TextInput required label={t('order.fullName')} {...field('fullName', 'perpetrator.fullName')} />
          <Choice id="sex" label={t('order.sex')} value={order.sex} error={errorAt('perpetrator.sex')} onChange={(sex) => setOrder({ ...order, sex })}
            data={[{ value: 'male', label: t('order.male') }, { value: 'female', label: t('order.female') }]} />
          <Choice id="language" label={t('order.programmeLanguage')} value={order.language} error={errorAt('perpetrator.language')} onChange={(language) => setOrder({ ...order, language })}
            data={[{ value: 'ky', label: t('language.ky') }, { value: 'ru', label: t('language.ru') }]} />
          <SettlementPicker value={order.settlementCode} error={errorAt('perpetrator.location.settlementCode')} onChange={(settlementCode) => setOrder({ ...order, settlementCode })} />
        </Fieldset>
        {form.isPending && <Loader aria-label={t('common.loading')} />}
        {form.data?.sections.map((section) => (
          <Fieldset key={section.key} legend={inLanguage(section.title, i18n.language)}>
            <Stack>
              {form.data.questions
                .filter((question) => question.section === section.key)
                .map((question) => (
                  <ScreeningQuestion
                    key={question.key}
                    question={question}
                    value={getAtPath(screening, question.path)}
                    error={errorAt(`screening.${question.path}`)}
                    onChange={(value) => setScreening((current) => setAtPath(current, question.path, value))}
                  />
                ))}
            </Stack>
          </Fieldset>
        ))}
        <Button type="submit" loading={register.isPending} size="lg">{t('order.submit')}</Button>
      </Stack>
    </form>
  );
}
