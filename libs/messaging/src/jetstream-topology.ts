import { JetStreamApiCodes, JetStreamApiError, jetstreamManager, JetStreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { NatsConnection, nanos } from '@nats-io/transport-node';
import { Streams, StreamName } from '@korgoo/contracts';
import { SubjectNamespace } from './namespace';

export interface StreamSettings {
  /** 1 locally, 3 in a clustered deployment. */
  replicas: number;
  duplicateWindowMs: number;
  maxAgeDays: number;
}

export const DEFAULT_STREAM_SETTINGS: StreamSettings = { replicas: 1, duplicateWindowMs: 10 * 60_000, maxAgeDays: 30 };

/**
 * Creates or updates every domain stream. Safe to run from every replica at every start: an existing stream
 * is updated in place, and losing a creation race to another replica is not an error.
 */
export async function ensureStreams(
  nc: NatsConnection,
  ns: SubjectNamespace,
  settings: StreamSettings = DEFAULT_STREAM_SETTINGS,
): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nc);
  for (const name of Object.keys(Streams) as StreamName[]) {
    const config = {
      name: ns.stream(name),
      subjects: [ns.subject(Streams[name])],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      num_replicas: settings.replicas,
      duplicate_window: nanos(settings.duplicateWindowMs),
      max_age: nanos(settings.maxAgeDays * 24 * 3_600_000),
    };
    try {
      await jsm.streams.info(config.name);
      await jsm.streams.update(config.name, config);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      try {
        await jsm.streams.add(config);
      } catch (addError) {
        if (!/already in use/i.test(String((addError as Error).message))) throw addError;
      }
    }
  }
  return jsm;
}

function isNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound;
}
