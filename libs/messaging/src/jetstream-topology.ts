import { JetStreamApiCodes, JetStreamApiError, jetstreamManager, JetStreamManager, RetentionPolicy, StorageType, StreamConfig } from '@nats-io/jetstream';
import { NatsConnection, nanos } from '@nats-io/transport-node';
import { HistoryStreamName, HistoryStreams, Streams, StreamName } from '@korgoo/contracts';
import { SubjectNamespace } from './namespace';

export interface StreamSettings {
  /** 1 locally, 3 in a clustered deployment. */
  replicas: number;
  duplicateWindowMs: number;
  maxAgeDays: number;
  historyMaxAgeDays: number;
}

export const DEFAULT_STREAM_SETTINGS: StreamSettings = { replicas: 1, duplicateWindowMs: 10 * 60_000, maxAgeDays: 30, historyMaxAgeDays: 2190 };

const days = (count: number) => nanos(count * 24 * 3_600_000);

/**
 * Creates or updates every domain stream and history stream. Safe to run from every replica at every start: an existing stream
 * is updated in place, and losing a creation race to another replica is not an error.
 */
export async function ensureStreams(
  nc: NatsConnection,
  ns: SubjectNamespace,
  settings: StreamSettings = DEFAULT_STREAM_SETTINGS,
): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nc);
  const common = {
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    num_replicas: settings.replicas,
    duplicate_window: nanos(settings.duplicateWindowMs),
  };
  for (const name of Object.keys(Streams) as StreamName[]) {
    await ensureStream(jsm, {
      ...common,
      name: ns.stream(name),
      subjects: [ns.subject(Streams[name])],
      max_age: days(settings.maxAgeDays),
    });
  }
  // A sourced stream first copies what its sources still hold, then every new message, for years, not days.
  for (const name of Object.keys(HistoryStreams) as HistoryStreamName[]) {
    const sources = HistoryStreams[name].sources.map((source) => ({ name: ns.stream(source) }));
    await ensureStream(jsm, { ...common, name: ns.stream(name), max_age: days(settings.historyMaxAgeDays), sources });
  }
  return jsm;
}

async function ensureStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
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

function isNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound;
}
