import 'reflect-metadata';
import { envelopeContract, EventPayloadClasses, EventSubject, parseContract, RiskAssessedV1 } from '@korgoo/contracts';
import { contractSample, sampleEvent } from './contract-sample';

function accepted(subject: EventSubject): boolean {
  try {
    parseContract(envelopeContract(EventPayloadClasses[subject]), sampleEvent(subject));
    return true;
  } catch {
    return false;
  }
}

describe('contract samples', () => {
  it('fills a contract from its own rules, nested contracts included, so the validator accepts it', () => {
    const sample = contractSample(RiskAssessedV1);
    expect(sample).toMatchObject({ status: 'scored', rawScore: 0, assessmentVersion: 1, flags: ['outsideValidatedPopulation'] });
    expect(parseContract(RiskAssessedV1, sample)).toBeInstanceOf(RiskAssessedV1);
  });

  it('makes an event of every subject that its contract accepts', () => {
    const subjects = Object.keys(EventPayloadClasses) as EventSubject[];
    expect(subjects.filter((subject) => !accepted(subject))).toEqual([]);
  });
});
