import { Alert, Box, Button, Code, Stack, Text, TextInput, Title } from '@mantine/core';
import { QRCodeSVG } from 'qrcode.react';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecondFactorEnrolmentResponse } from '../../api/korgoo-api';
import { ApiProblem } from '../../lib/api-client';
import { useConfirmSecondFactor, useEnrolSecondFactor, useSecondFactorStatus } from './api';

/** The API answers 409 once the account's second factor is in force. */
const alreadyInForce = (error: unknown) => error instanceof ApiProblem && error.status === 409;

/** Base32 in groups of four, as authenticator apps show keys; they ignore the spaces. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)!.join(' ');

/** The new secret as the app takes it: a QR code drawn in the page (nothing is fetched) and the key to type. */
function EnrolmentKey({ enrolment }: { enrolment: SecondFactorEnrolmentResponse }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text>{t('secondFactor.scan')}</Text>
      {/* The code keeps its white quiet zone whatever the colour scheme, or phones fail to read it. */}
      <Box w="fit-content">
        <QRCodeSVG value={enrolment.otpauthUri} size={208} level="M" marginSize={4} role="img" aria-label={t('secondFactor.qrLabel')} />
      </Box>
      <Text size="sm">{t('secondFactor.manual')}</Text>
      <Code block aria-label={t('secondFactor.keyLabel')} fz="md">{grouped(enrolment.secret)}</Code>
      <Text size="sm">{t('secondFactor.shownOnce')}</Text>
    </Stack>
  );
}

function ConfirmCodeForm({ confirm, onConfirmed }: { confirm: ReturnType<typeof useConfirmSecondFactor>; onConfirmed(): void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  // A 400 always names the code: wrong, not six digits, or no secret to check it against.
  const wrongCode = confirm.error instanceof ApiProblem && confirm.error.status === 400;

  function submit(event: FormEvent) {
    event.preventDefault();
    confirm.mutate({ code: code.trim() }, { onSuccess: onConfirmed });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('secondFactor.confirm')}>
      <Stack gap="xs">
        {confirm.error && !wrongCode && !alreadyInForce(confirm.error) && <Alert color="red" role="alert">{t('form.failed')}</Alert>}
        <TextInput
          required
          label={t('secondFactor.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          maw={340}
          value={code}
          error={wrongCode ? t('secondFactor.codeWrong') : undefined}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Button type="submit" w="fit-content" loading={confirm.isPending}>{t('secondFactor.confirm')}</Button>
      </Stack>
    </form>
  );
}

/**
 * Coordinators and admins add a TOTP second factor to their own account: a new secret as a QR code and as
 * text, then a first code from the app puts it in force.
 */
export function SecondFactorScreen() {
  const { t } = useTranslation();
  const enrol = useEnrolSecondFactor();
  const confirm = useConfirmSecondFactor();
  const status = useSecondFactorStatus();
  const alreadyOn = Boolean(status.data?.inForceSince) || alreadyInForce(enrol.error) || alreadyInForce(confirm.error);
  const settled = confirm.isSuccess || alreadyOn;

  const start = () => {
    confirm.reset();
    enrol.mutate();
  };

  return (
    <Stack maw={560}>
      <Title order={2}>{t('secondFactor.title')}</Title>
      <Text>{t('secondFactor.intro')}</Text>
      {confirm.isSuccess && <Alert color="green" role="status">{t('secondFactor.enabled')}</Alert>}
      {alreadyOn && !confirm.isSuccess && <Alert role="status">{t('secondFactor.alreadyOn')}</Alert>}
      {enrol.isError && !alreadyOn && <Alert color="red" role="alert">{t('form.failed')}</Alert>}
      {!settled && enrol.data && (
        <>
          <EnrolmentKey enrolment={enrol.data} />
          {/* Once confirmed, the secret leaves memory with the enrolment's state. */}
          <ConfirmCodeForm confirm={confirm} onConfirmed={() => enrol.reset()} />
        </>
      )}
      {!settled && (
        <Button variant={enrol.data ? 'subtle' : 'filled'} w="fit-content" loading={enrol.isPending} onClick={start}>
          {t(enrol.data ? 'secondFactor.restart' : 'secondFactor.start')}
        </Button>
      )}
    </Stack>
  );
}
