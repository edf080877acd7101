import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Drops one entry of a list; `label` names which, for a screen reader. */
export function RemoveButton({ label, disabled, onRemove }: { label: string; disabled: boolean; onRemove(): void }) {
  const { t } = useTranslation();
  return (
    <Button variant="subtle" color="red" size="compact-sm" disabled={disabled} onClick={onRemove} aria-label={label}>
      {t('directory.remove')}
    </Button>
  );
}
