import { EntityManager } from 'typeorm';
import { DEMO_DIRECTORY } from './demo-directory';

/** Loads the demo directory once into an empty database; the caller runs it in development only. */
export async function seedDemoDirectory(tx: EntityManager): Promise<boolean> {
  // Replicas starting together on an empty database: one seeds, the others then find it seeded.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('korgoo-matching-demo-directory'))`);
  const [{ count }] = await tx.query('SELECT count(*)::int AS count FROM matching.centre');
  if (count > 0) return false;
  for (const centre of DEMO_DIRECTORY) {
    await tx.query(
      `INSERT INTO matching.centre (id, name, settlement_code, oblast, lat, lng, status, group_capacity, demo,
         municipal, contact_channels)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, $9, $10)`,
      [
        centre.id,
        centre.name,
        centre.settlementCode,
        centre.oblast,
        centre.lat,
        centre.lng,
        centre.status,
        centre.groupCapacity,
        centre.municipal,
        JSON.stringify(centre.contactChannels),
      ],
    );
    for (const f of centre.facilitators) {
      await tx.query(
        `INSERT INTO matching.facilitator (id, centre_id, display_name, sex, languages, certified_on, active, weekly, exceptions)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [f.id, centre.id, f.displayName, f.sex, f.languages, f.certifiedOn, f.active, JSON.stringify(f.weekly), JSON.stringify(f.exceptions)],
      );
    }
    for (const slot of centre.groupSlots) {
      await tx.query(
        `INSERT INTO matching.group_slot (id, centre_id, weekday, start_time, minutes, sex, language, lead_facilitator_id,
           co_facilitator_id, min_participants, max_participants)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          slot.id,
          centre.id,
          slot.weekday,
          slot.start,
          slot.minutes,
          slot.sex,
          slot.language,
          slot.leadFacilitatorId,
          slot.coFacilitatorId,
          slot.minParticipants,
          slot.maxParticipants,
        ],
      );
    }
    for (const point of centre.outreachPoints) {
      await tx.query(
        'INSERT INTO matching.outreach_point (id, centre_id, settlement_code, facilitator_ids, windows) VALUES ($1, $2, $3, $4, $5)',
        [point.id, centre.id, point.settlementCode, point.facilitatorIds, JSON.stringify(point.windows)],
      );
    }
  }
  return true;
}
