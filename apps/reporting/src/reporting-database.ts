import type { ServiceDatabase } from '@korgoo/platform';
import { CreateReportingSchema1766000000000 } from './migrations/1766000000000-create-reporting-schema';
import { GroupPlaces1766200000000 } from './migrations/1766200000000-group-places';
import { PairHours1766300000000 } from './migrations/1766300000000-pair-hours';
import { PersonRef1766100000000 } from './migrations/1766100000000-person-ref';
import { PublicEditions1766400000000 } from './migrations/1766400000000-public-editions';

/** The reporting service's schema: its entities and migrations, in order. */
export const REPORTING_DATABASE: ServiceDatabase = {
  schema: 'reporting',
  entities: [],
  migrations: [CreateReportingSchema1766000000000, PersonRef1766100000000, GroupPlaces1766200000000, PairHours1766300000000, PublicEditions1766400000000],
};
