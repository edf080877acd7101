import { Group, Radio, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormQuestionResponse } from '../../api/korgoo-api';
import { inLanguage } from '../../lib/in-language';

interface Props {
  question: FormQuestionResponse;
  value: unknown;
  error?: string;
  onChange(value: unknown): void;
}

/** One question of the ODARA form, in the words the risk service gives for the chosen language. */
export function ScreeningQuestion({ question, value, error, onChange }: Props) {
  const { i18n } = useTranslation();
  const label = `${question.itemNumber ? `${question.itemNumber}. ` : ''}${inLanguage(question.text, i18n.language)}`;
  const description = inLanguage(question.help, i18n.language) || undefined;
  if (question.kind === 'text') {
    return (
      <TextInput data-path={question.path} label={label} description={description} error={error} value={(value as string) ?? ''} onChange={(event) => onChange(event.currentTarget.value)} />
    );
  }
  const options = question.options;
  return (
    <Radio.Group
      data-path={question.path}
      label={label}
      description={description}
      error={error}
      value={value === undefined ? null : String(value)}
      onChange={(chosen) => onChange(options.find((option) => String(option.value) === chosen)?.value)}
    >
      <Group gap="md" mt={4}>
        {options.map((option) => (
          <Radio key={String(option.value)} value={String(option.value)} label={inLanguage(option.label, i18n.language)} />
        ))}
      </Group>
    </Radio.Group>
  );
}
