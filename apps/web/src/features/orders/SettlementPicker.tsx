import { ComboboxItem, ComboboxParsedItem, OptionsFilter, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { findSettlements, KNOWN_SETTLEMENTS, settlementName } from './settlements';

interface Props {
  value: string;
  error?: string;
  onChange(code: string): void;
  /** Where else the picker serves, what it asks for; the order form's wording otherwise. */
  label?: string;
  description?: string;
}

const isItem = (option: ComboboxParsedItem): option is ComboboxItem => 'value' in option;

// Mantine's own filter compares labels only; the gazetteer is searched in every spelling instead.
const bySpelling: OptionsFilter = ({ options, search, limit }) => {
  const byCode = new Map(options.filter(isItem).map((option) => [option.value, option]));
  return findSettlements(search)
    .flatMap((settlement) => byCode.get(settlement.code) ?? [])
    .slice(0, limit);
};

/** Finds the perpetrator's settlement as the officer types its Kyrgyz or Russian name; arrows and Enter choose. */
export function SettlementPicker({ value, error, onChange, label, description }: Props) {
  const { t, i18n } = useTranslation();
  const data = KNOWN_SETTLEMENTS.map((settlement) => ({ value: settlement.code, label: settlementName(settlement, i18n.language) }));
  const oblastOf = new Map(KNOWN_SETTLEMENTS.map((settlement) => [settlement.code as string, settlement.oblast]));
  return (
    <Select
      required
      searchable
      selectFirstOptionOnChange
      label={label ?? t('order.settlement')}
      description={description ?? t('order.settlementHelp')}
      nothingFoundMessage={t('order.settlementNone')}
      data={data}
      filter={bySpelling}
      limit={10}
      value={value || null}
      onChange={(code) => onChange(code ?? '')}
      error={error}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">{t(`oblast.${oblastOf.get(option.value)}`)}</Text>
        </Stack>
      )}
    />
  );
}
