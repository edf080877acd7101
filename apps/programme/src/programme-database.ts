import type { ServiceDatabase } from '@korgoo/platform';
import { AfterTheProgramme1796400000000 } from './migrations/1796400000000-after-the-programme';
import { CreateProgrammeSchema1796000000000 } from './migrations/1796000000000-create-programme-schema';
import { DisplacedSessions1796500000000 } from './migrations/1796500000000-displaced-sessions';
import { ExcusedSessionMoves1796200000000 } from './migrations/1796200000000-excused-session-moves';
import { UnplacedOrders1796300000000 } from './migrations/1796300000000-unplaced-orders';

/** The programme service's schema: its entities and migrations, in order. */
export const PROGRAMME_DATABASE: ServiceDatabase = {
  schema: 'programme',
  entities: [],
  migrations: [
    CreateProgrammeSchema1796000000000,
    ExcusedSessionMoves1796200000000,
    UnplacedOrders1796300000000,
    AfterTheProgramme1796400000000,
    DisplacedSessions1796500000000,
  ],
};
