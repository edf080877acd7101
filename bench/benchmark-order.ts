const SETTLEMENTS = ['bishkek', 'osh', 'naryn', 'karakol', 'jalal-abad', 'talas', 'batken', 'tokmok', 'kara-balta', 'uzgen'];
const ANSWERS = ['yes', 'no', 'no', 'unknown'] as const;

/** A varied but valid protection order for load generation; deterministic in its index. */
export function benchmarkOrder(index: number, runId: string) {
  const answer = (k: number) => ANSWERS[(index * 7 + k * 3) % ANSWERS.length];
  const now = Date.now();
  return {
    orderNumber: `B-${runId}-${index}`,
    issuingUnit: 'Октябрь РИИБ',
    issuedAt: new Date(now - 3_600_000).toISOString(),
    expiresAt: new Date(now + 29 * 86_400_000).toISOString(),
    perpetrator: {
      fullName: 'Бенчмарк Катышуучу',
      sex: index % 20 === 0 ? 'female' : 'male',
      language: index % 3 === 0 ? 'ru' : 'ky',
      location: { settlementCode: SETTLEMENTS[index % SETTLEMENTS.length] },
    },
    screening: {
      items: {
        priorDomesticAssault: answer(1),
        priorNonDomesticAssault: answer(2),
        priorCustody30Days: answer(3),
        priorConditionalReleaseFailure: answer(4),
        threatToHarmOrKill: answer(5),
        confinement: answer(6),
        victimFearsFutureAssault: answer(7),
        moreThanOneChild: answer(8),
        victimChildFromPriorPartner: answer(9),
        violenceAgainstOthers: answer(10),
        substanceAbuse: answer(11),
        assaultedVictimWhilePregnant: answer(12),
        barriersToSupport: answer(13),
      },
      context: {
        perpetratorSex: index % 20 === 0 ? 'female' : 'male',
        victimSex: index % 20 === 0 ? 'male' : 'female',
        relationship: 'married',
        indexIncident: 'physical_contact',
        policeRecordsChecked: true,
      },
      immediateDanger: { critical: { threatenedToKill: index % 9 === 0 ? 'yes' : 'no' }, further: {}, officerBelievesHighDanger: false },
    },
  };
}
