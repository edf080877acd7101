import { createHmac } from 'node:crypto';
import { connect, ConnectionOptions, NatsConnection } from '@nats-io/transport-node';
// Relative, not @korgoo/messaging: global-setup loads this file, and jest maps no paths there.
import { NatsUser } from '../../libs/messaging/src/nats-users';

/**
 * The tests' NATS runs with users, as production does: every service process connects as its own user with
 * the permissions generated from SERVICE_MESSAGING (see nats-namespaces.ts), so a suite fails if a service
 * says or hears anything its deployment could not. global-setup starts the run's server; these helpers find
 * it from the environment it leaves (KORGOO_TEST_NATS_*).
 */

/** The tests' own user plays the police registry, a forger and an observer, so it may say and hear anything. */
const HARNESS = 'harness';

export const testNatsUrl = (): string => process.env.KORGOO_TEST_NATS_URL!;

/** Passwords follow from the run's secret, so any suite derives them without a shared file. */
export function natsPassword(user: string, secret = process.env.KORGOO_TEST_NATS_SECRET!): string {
  return createHmac('sha256', secret).update(user).digest('base64url');
}

/** A namespace's services each have a user of their own: `<namespace>-<service>`. */
export const natsUserOf = (service: string, namespace: string): string => `${namespace}-${service}`;

export function harnessUser(secret: string): NatsUser {
  return { user: HARNESS, password: JSON.stringify(natsPassword(HARNESS, secret)) };
}

/** The environment a service process of this namespace starts with: its own NATS user. */
export function serviceNatsEnv(service: string, namespace: string): { NATS_USER: string; NATS_PASSWORD: string } {
  const user = natsUserOf(service, namespace);
  return { NATS_USER: user, NATS_PASSWORD: natsPassword(user) };
}

export function harnessCredentials(): { user: string; password: string } {
  return { user: HARNESS, password: natsPassword(HARNESS) };
}

export async function connectAsHarness(servers = testNatsUrl(), options: Partial<ConnectionOptions> = {}): Promise<NatsConnection> {
  const { user, password } = harnessCredentials();
  return connect({ servers, user, pass: password, ...options });
}
