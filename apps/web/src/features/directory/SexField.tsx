import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreateFacilitatorBody } from '../../api/korgoo-api';

export type FacilitatorSex = CreateFacilitatorBody['sex'];

const SEXES: FacilitatorSex[] = ['female', 'male'];

/** A facilitator's sex: the pair rule puts a man and a woman at every session, the one of the participant's sex leading. */
export function SexField({ value, error, onChange }: { value: FacilitatorSex; error?: string; onChange(sex: FacilitatorSex): void }) {
  const { t } = useTranslation();
  return (
    <NativeSelect label={t('directory.facilitatorSex.label')} value={value} error={error}
      onChange={(event) => onChange(event.currentTarget.value as FacilitatorSex)}
      data={SEXES.map((sex) => ({ value: sex, label: t(`directory.facilitatorSex.${sex}`) }))} />
  );
}
