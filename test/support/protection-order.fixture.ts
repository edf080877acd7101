import { IN_POPULATION_CONTEXT } from '../../libs/contracts/src/screening.spec-fixture';

/** A complete, valid order as a police officer would post it; tests override what they exercise. */
export function protectionOrderBody(overrides: Record<string, unknown> = {}, now = new Date()) {
  const issuedAt = new Date(now.getTime() - 3_600_000);
  const expiresAt = new Date(issuedAt.getTime() + 30 * 24 * 3_600_000);
  return {
    orderNumber: `TPO-${now.getUTCFullYear()}-${Math.floor(Math.random() * 1e9)}`,
    issuingUnit: 'Октябрь РИИБ',
    issuedAt: issuedAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    perpetrator: { fullName: 'Асанов Бакыт Үмөтбекович', birthYear: 1986, sex: 'male', language: 'ky', location: { settlementCode: 'bishkek' } },
    screening: {
      items: {
        priorDomesticAssault: 'yes',
        priorNonDomesticAssault: 'no',
        priorCustody30Days: 'no',
        priorConditionalReleaseFailure: 'no',
        threatToHarmOrKill: 'yes',
        confinement: 'no',
        victimFearsFutureAssault: 'yes',
        moreThanOneChild: 'yes',
        victimChildFromPriorPartner: 'no',
        violenceAgainstOthers: 'unknown',
        substanceAbuse: 'yes',
        assaultedVictimWhilePregnant: 'no',
        barriersToSupport: 'yes',
      },
      context: { ...IN_POPULATION_CONTEXT },
      immediateDanger: {
        critical: { usedOrThreatenedWeapon: 'no', threatenedToKill: 'no', believesMightKill: 'no' },
        further: { triedToChoke: 'no', unemployed: 'yes' },
        officerBelievesHighDanger: false,
      },
    },
    ...overrides,
  };
}
