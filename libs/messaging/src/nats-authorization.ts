import {
  CommandSubjects,
  HistoryStreamName,
  HistoryStreams,
  MessagingParticipant,
  QuerySubjects,
  SERVICE_MESSAGING,
  StreamName,
  Streams,
  streamOf,
} from '@korgoo/contracts';
import { SubjectNamespace } from './namespace';
import { NatsPermissions, NatsUser, renderNatsUsers } from './nats-users';

/** Replies to a service's own requests (and JetStream's publish acknowledgements) arrive under this prefix. */
export function inboxPrefix(service: string): string {
  return `_INBOX_${service}`;
}

/**
 * What one service's NATS user may publish and subscribe to, from SERVICE_MESSAGING: its own events and
 * dead letters, the requests it sends to the owners it asks, the requests addressed to it, and for each event
 * it consumes exactly its own durable on that event's stream (create, info, pull, acknowledge), and consumers on
 * the history stream it reads. Replies to requests it answers are allowed by `allow_responses`, so no one may
 * publish into another's inbox.
 */
export function servicePermissions(service: MessagingParticipant, namespace: string): NatsPermissions {
  const ns = new SubjectNamespace(namespace);
  const entry = SERVICE_MESSAGING[service];
  const histories = Object.keys(HistoryStreams) as HistoryStreamName[];
  const streams = [...(Object.keys(Streams) as StreamName[]), ...histories].map((name) => ns.stream(name));
  // A history stream's reader replays it from the start with a short-lived consumer of its own.
  const replays = histories
    .filter((name) => HistoryStreams[name].reader === service)
    .flatMap((name) => ['CREATE', 'INFO', 'MSG.NEXT', 'DELETE'].map((action) => `$JS.API.CONSUMER.${action}.${ns.stream(name)}.>`));
  const asked = entry.asks.map((owner) =>
    owner === 'dead-letters' ? [ns.subject('query.dead-letters.>'), ns.subject('command.dead-letters.>')] : [ns.subject(`query.${owner}.>`), ns.subject(`command.${owner}.>`)],
  );
  const consumers = entry.consumes.flatMap((subject) => {
    const stream = ns.stream(streamOf(subject));
    const durable = ns.durable(service, subject);
    return [
      `$JS.API.CONSUMER.CREATE.${stream}.${durable}.${ns.subject(subject)}`,
      `$JS.API.CONSUMER.INFO.${stream}.${durable}`,
      `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
      `$JS.ACK.${stream}.${durable}.>`,
    ];
  });
  return {
    publish: [
      ...entry.publishes.map((domain) => ns.subject(`${domain}.>`)),
      ns.subject(`deadletter.${service}.>`),
      ...asked.flat(),
      '$JS.API.INFO',
      // Every replica makes sure the streams exist with the configured settings.
      ...streams.flatMap((stream) => ['INFO', 'CREATE', 'UPDATE'].map((action) => `$JS.API.STREAM.${action}.${stream}`)),
      ...consumers,
      ...replays,
    ],
    subscribe: [
      `${inboxPrefix(service)}.>`,
      ns.subject(`query.${service}.>`),
      ns.subject(`command.${service}.>`),
      // Each service's dead-letter desk answers under its own name (see MessagingRuntime.start).
      ns.subject(`${QuerySubjects.DeadLetterList}.${service}`),
      ns.subject(`${CommandSubjects.DeadLetterReplay}.${service}`),
    ],
  };
}

/** Each service's user in one namespace, named by `user` (the service's own name unless told otherwise). */
export function serviceNatsUsers(
  namespace: string,
  password: (service: MessagingParticipant) => string,
  user: (service: MessagingParticipant) => string = (service) => service,
  extra: (service: MessagingParticipant) => Partial<NatsPermissions> = () => ({}),
): NatsUser[] {
  return (Object.keys(SERVICE_MESSAGING) as MessagingParticipant[]).map((service) => {
    const permissions = servicePermissions(service, namespace);
    const more = extra(service);
    return {
      user: user(service),
      password: password(service),
      permissions: {
        publish: [...permissions.publish, ...(more.publish ?? [])],
        subscribe: [...permissions.subscribe, ...(more.subscribe ?? [])],
      },
    };
  });
}

/**
 * The deployment's `authorization` block: one user per service, named after it. `password` gives the text to
 * write for each (an environment reference such as `$GATEWAY_NATS_PASSWORD` in deployments).
 */
export function renderNatsAuthorization(namespace: string, password: (service: MessagingParticipant) => string): string {
  return `# Generated from SERVICE_MESSAGING (libs/contracts) by \`npm run render:nats\`; do not edit by hand.
${renderNatsUsers(serviceNatsUsers(namespace, password))}`;
}

/** The environment variable a deployment passes a service's NATS password in: GATEWAY_NATS_PASSWORD. */
export function natsPasswordVariable(service: string): string {
  return `${service.toUpperCase()}_NATS_PASSWORD`;
}
