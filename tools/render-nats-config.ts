import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { natsPasswordVariable, renderNatsAuthorization } from '@korgoo/messaging';

/**
 * `npm run render:nats`: writes the NATS users and permissions generated from SERVICE_MESSAGING to
 * deploy/base/nats-auth.conf (the kustomize NATS cluster and docker-compose both include it). Passwords stay
 * environment references, filled from a Secret (Kubernetes) or the compose file (development).
 */
const ROOT = join(__dirname, '..', '..');
export const NATS_AUTH_FILE = join('deploy', 'base', 'nats-auth.conf');

export function deploymentNatsAuthorization(): string {
  return renderNatsAuthorization('korgoo', (service) => `$${natsPasswordVariable(service)}`);
}

if (require.main === module) {
  writeFileSync(join(ROOT, NATS_AUTH_FILE), deploymentNatsAuthorization());
  console.log(`wrote ${NATS_AUTH_FILE}`);
}
