import { Alert, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RefusalNamesProvider, refusalsOf, useSayRefusal } from '../../lib/refusals';
import { settlementNameOf } from '../../lib/settlement-names';
import { AddPointForm } from './AddPointForm';
import { AddSlotForm } from './AddSlotForm';
import { nameOf, pointBody, slotBody, useCentre, useChangeCentreLists } from './api';
import { CentreStatusControl } from './CentreStatusControl';
import { ChangeProblem } from './ChangeProblem';
import { ofEntry } from './entry-errors';
import { FacilitatorsSection } from './FacilitatorsSection';
import { GroupSlotsTable } from './GroupSlotsTable';
import { OutreachPointsTable } from './OutreachPointsTable';

/**
 * One centre: its status, its facilitators, its weekly group slots and outreach points; each change of a
 * list of the centre sends the whole list it changes.
 */
export function CentreDetail({ centreId }: { centreId: string }) {
  const { t, i18n } = useTranslation();
  const centre = useCentre(centreId);
  const slots = useChangeCentreLists(centreId);
  const points = useChangeCentreLists(centreId);
  const say = useSayRefusal();
  // A centre gone or another centre's is said as such; anything else may pass on a second try.
  if (centre.error) return <Alert color="red" role="alert">{refusalsOf(centre.error).map((refusal) => say(refusal)).join(' ') || t('directory.failed')}</Alert>;
  if (!centre.data) return <Loader aria-label={t('common.loading')} />;
  const { name, status, facilitators, groupSlots, outreachPoints } = centre.data;
  const kept = { groupSlots: groupSlots.map(slotBody), outreachPoints: outreachPoints.map(pointBody) };
  // Refusals name the centre's facilitators, slots and points as the tables above show them, not by their ids.
  const names = {
    facilitatorId: (id: string) => nameOf(facilitators, id),
    slotId: (id: string) => {
      const slot = groupSlots.find((candidate) => candidate.id === id);
      return slot ? `${t(`weekday.${slot.weekday}`)} ${slot.start}` : id;
    },
    pointId: (id: string) => {
      const point = outreachPoints.find((candidate) => candidate.id === id);
      return point ? settlementNameOf(point.settlementCode, i18n.language) : id;
    },
  };
  return (
    <RefusalNamesProvider value={names}>
      <Stack>
        <Title order={3}>{name}</Title>
        <CentreStatusControl centreId={centreId} name={name} status={status} />
        <FacilitatorsSection centreId={centreId} facilitators={facilitators} />
        <Title order={4}>{t('directory.groupSlots')}</Title>
        <GroupSlotsTable slots={groupSlots} facilitators={facilitators} pending={slots.isPending}
          onRemove={(id) => slots.mutate({ groupSlots: kept.groupSlots.filter((slot) => slot.id !== id) })} />
        <ChangeProblem error={slots.error} shows={ofEntry('groupSlots', groupSlots.length)} />
        <AddSlotForm facilitators={facilitators} index={groupSlots.length} error={slots.error} pending={slots.isPending}
          onAdd={(slot) => slots.mutate({ groupSlots: [...kept.groupSlots, slot] })} />
        <Title order={4}>{t('directory.outreachPoints')}</Title>
        <OutreachPointsTable points={outreachPoints} facilitators={facilitators} pending={points.isPending}
          onRemove={(id) => points.mutate({ outreachPoints: kept.outreachPoints.filter((point) => point.id !== id) })} />
        <ChangeProblem error={points.error} shows={ofEntry('outreachPoints', outreachPoints.length)} />
        <AddPointForm facilitators={facilitators} index={outreachPoints.length} error={points.error} pending={points.isPending}
          onAdd={(point) => points.mutate({ outreachPoints: [...kept.outreachPoints, point] })} />
      </Stack>
    </RefusalNamesProvider>
  );
}
