import { useTranslation } from 'react-i18next';
import { ChangeProblem } from './ChangeProblem';
import { ConfirmChange } from './ConfirmChange';

interface Props {
  name: string;
  error: unknown;
  pending: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Removing a facilitator cannot be undone, so it waits for the admin to confirm; the directory refuses it, saying
 * why, while they have sessions ahead, a group slot or an outreach point (deactivating them is the way then).
 */
export function RemoveFacilitatorConfirm({ name, error, pending, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <ConfirmChange label={t('directory.removeFacilitatorOf', { name })} question={t('directory.confirmRemoveFacilitator', { name })}
      color="red" pending={pending} onConfirm={onConfirm} onCancel={onCancel}>
      <ChangeProblem error={error} />
    </ConfirmChange>
  );
}
