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
  // What the last deactivation or new week did to booked sessions; cleared when the admin turns to anything else.
  const [cover, setCover] = useState<FacilitatorView['sessionsCover']>();
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
          setCover(undefined);
          week.reset();
          setEditing(facilitatorId);
        }}
        onOpenLeave={(facilitatorId) => {
          setCover(undefined);
          setOnLeave(facilitatorId);
        }}
        onCorrect={(facilitatorId) => {
          setCover(undefined);
          correction.reset();
          setCorrecting(facilitatorId);
        }}
        onSetActive={(facilitatorId, active) => {
          setCover(undefined);
          activity.mutate({ facilitatorId, active }, { onSuccess: (answer) => setCover(answer.facilitator.sessionsCover) });
        }}
        onRemove={(facilitatorId) => {
          setCover(undefined);
          removal.reset();
          setRemoving(facilitatorId);
        }} />
      <ChangeProblem error={activity.error} />
      <SessionsCoverNote cover={cover} />
      {removed && (
        <RemoveFacilitatorConfirm key={removed.id} name={removed.displayName} error={removal.error} pending={removal.isPending}
          onCancel={closeRemoval} onConfirm={() => removal.mutate(removed.id, { onSuccess: () => setRemoving(null) })} />
      )}
      {edited && (
        <>
          <WeekForm key={edited.id} facilitator={edited} error={week.error} pending={week.isPending} onClose={closeWeek}
            onSave={(weekly) => week.mutate({ facilitatorId: edited.id, weekly }, {
              onSuccess: (answer) => {
                closeWeek();
                setCover(answer.facilitator.sessionsCover);
              },
            })} />
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
