import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddFacilitatorForm } from './AddFacilitatorForm';
import { FacilitatorView, useAddFacilitator, useCorrectFacilitator, useRemoveFacilitator, useSetFacilitatorActive, useSetWeeklyAvailability } from './api';
import { ChangeProblem } from './ChangeProblem';
import { DetailsForm } from './DetailsForm';
import { FacilitatorsTable } from './FacilitatorsTable';
import { LeavePanel } from './LeavePanel';
import { RemoveFacilitatorConfirm } from './RemoveFacilitatorConfirm';
import { SessionsCoverNote } from './SessionsCoverNote';
import { WeekForm } from './WeekForm';

/** The centre's facilitators: who they are, whether they take new work, their usual week and their leave, and corrections
 * of who they are on record as. */
export function FacilitatorsSection({ centreId, facilitators }: { centreId: string; facilitators: FacilitatorView[] }) {
  const { t } = useTranslation();
  const add = useAddFacilitator(centreId);
  const activity = useSetFacilitatorActive();
  const week = useSetWeeklyAvailability();
  const correction = useCorrectFacilitator();
  const removal = useRemoveFacilitator();
  const [editing, setEditing] = useState<string | null>(null);
  const [onLeave, setOnLeave] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  // A new form after each facilitator added, so the next starts empty.
  const [added, setAdded] = useState(0);
  const edited = facilitators.find((facilitator) => facilitator.id === editing);
  const away = facilitators.find((facilitator) => facilitator.id === onLeave);
  const corrected = facilitators.find((facilitator) => facilitator.id === correcting);
  const removed = facilitators.find((facilitator) => facilitator.id === removing);
  const closeWeek = () => {
    setEditing(null);
    week.reset();
  };
  const closeRemoval = () => {
    setRemoving(null);
    removal.reset();
  };
  const closeCorrection = () => {
    setCorrecting(null);
    correction.reset();
  };
  return (
    <Stack>
      <Title order={4}>{t('directory.facilitators')}</Title>
      <FacilitatorsTable facilitators={facilitators} pending={activity.isPending}
        onEditWeek={(facilitatorId) => {
          week.reset();
          setEditing(facilitatorId);
        }}
        onOpenLeave={setOnLeave}
        onCorrect={(facilitatorId) => {
          correction.reset();
          setCorrecting(facilitatorId);
        }}
        onSetActive={(facilitatorId, active) => activity.mutate({ facilitatorId, active })}
        onRemove={(facilitatorId) => {
          removal.reset();
          setRemoving(facilitatorId);
        }} />
      <ChangeProblem error={activity.error} />
      <SessionsCoverNote cover={activity.data?.facilitator.sessionsCover} />
      <SessionsCoverNote cover={week.data?.facilitator.sessionsCover} />
      {removed && (
        <RemoveFacilitatorConfirm key={removed.id} name={removed.displayName} error={removal.error} pending={removal.isPending}
          onCancel={closeRemoval} onConfirm={() => removal.mutate(removed.id, { onSuccess: () => setRemoving(null) })} />
      )}
      {edited && (
        <>
          <WeekForm key={edited.id} facilitator={edited} error={week.error} pending={week.isPending} onClose={closeWeek}
            onSave={(weekly) => week.mutate({ facilitatorId: edited.id, weekly }, { onSuccess: () => setEditing(null) })} />
          <ChangeProblem error={week.error} />
        </>
      )}
      {corrected && (
        <>
          <DetailsForm key={corrected.id} facilitator={corrected} error={correction.error} pending={correction.isPending}
            onClose={closeCorrection}
            onSave={(changes) => correction.mutate({ facilitatorId: corrected.id, changes }, { onSuccess: closeCorrection })} />
          <ChangeProblem error={correction.error} />
        </>
      )}
      {away && <LeavePanel key={away.id} facilitator={away} onClose={() => setOnLeave(null)} />}
      <ChangeProblem error={add.error} />
      <AddFacilitatorForm key={added} error={add.error} pending={add.isPending}
        onAdd={(facilitator) => add.mutate(facilitator, { onSuccess: () => setAdded((count) => count + 1) })} />
    </Stack>
  );
}
