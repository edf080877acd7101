import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { SERVICE_MESSAGING } from '@korgoo/contracts';
import { deploymentNatsAuthorization, NATS_AUTH_FILE } from '../tools/render-nats-config';
import { OFF_THE_PATH, SERVICES } from '../tools/service-process';

/**
 * What `kubectl kustomize deploy/base` would render, read offline: every resource file, with the JSON-patch
 * additions the kustomization applies by kind and its replacements from the site's values (here the committed
 * example's). Enough to hold the manifests to the security rules below.
 */
type Manifest = { kind: string; metadata: { name: string; labels?: Record<string, string> }; spec?: any; data?: Record<string, string> };

const BASE = join(__dirname, 'base');
const kustomization = parse(readFileSync(join(BASE, 'kustomization.yaml'), 'utf8'));

function render(): Manifest[] {
  const manifests: Manifest[] = (kustomization.resources as string[]).flatMap((file) =>
    parseAllDocuments(readFileSync(join(BASE, file), 'utf8')).map((doc) => doc.toJS() as Manifest),
  );
  for (const patch of kustomization.patches ?? []) {
    const operations = parse(readFileSync(join(BASE, patch.path), 'utf8')) as Array<{ op: string; path: string; value: unknown }>;
    for (const manifest of manifests.filter((m) => m.kind === patch.target.kind)) {
      for (const operation of operations) {
        expect(operation.op).toBe('add');
        const keys = operation.path.split('/').slice(1).map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
        const parent = keys.slice(0, -1).reduce((node: any, key) => node[key], manifest);
        parent[keys[keys.length - 1]] = operation.value;
      }
    }
  }
  for (const replacement of kustomization.replacements ?? []) {
    const [, key] = replacement.source.fieldPath.split('.');
    expect(replacement.source).toMatchObject({ kind: 'ConfigMap', name: 'korgoo-site', fieldPath: `data.${key}` });
    for (const target of replacement.targets) {
      const manifest = manifests.find((m) => m.kind === target.select.kind && m.metadata.name === target.select.name)!;
      for (const fieldPath of target.fieldPaths as string[]) {
        const keys = fieldPath.split('.');
        const parent = keys.slice(0, -1).reduce((node: any, part) => node?.[part], manifest);
        expect(parent?.[keys[keys.length - 1]]).toBeDefined();
        parent[keys[keys.length - 1]] = siteValues[key];
      }
    }
  }
  return manifests;
}

/** The korgoo-site ConfigMap's values: site.env is the site's own, never committed; its example stands in. */
function readSiteValues(): Record<string, string> {
  const generator = kustomization.configMapGenerator.find((g: { name: string }) => g.name === 'korgoo-site');
  expect(generator.envs).toEqual(['site.env']);
  const lines = readFileSync(join(BASE, 'site.env.example'), 'utf8').split('\n');
  return Object.fromEntries(lines.filter((line) => /^[A-Z_]+=/.test(line)).map((line) => line.split('=', 2)));
}

const siteValues = readSiteValues();

const manifests = render();
const workloads = manifests.filter((m) => m.kind === 'Deployment' || m.kind === 'StatefulSet');
const deployments = manifests.filter((m) => m.kind === 'Deployment');
const jobs = manifests.filter((m) => m.kind === 'Job');
const named = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);

describe('deploy/base', () => {
  it('has every service and NATS', () => {
    expect(deployments.map((d) => d.metadata.name)).toEqual(expect.arrayContaining(['gateway', 'risk', 'matching', 'notification']));
    expect(named('StatefulSet', 'nats')).toBeDefined();
  });

  it.each([...workloads, ...jobs].map((w) => [w.kind, w.metadata.name, w] as const))('%s %s runs non-root, read-only, without capabilities', (_kind, _name, workload) => {
    const pod = workload.spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(pod.automountServiceAccountToken).toBe(false);
    for (const container of pod.containers) {
      expect(container.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
    }
  });

  it.each(workloads.map((w) => [w.kind, w.metadata.name, w] as const))('%s %s has liveness apart from readiness', (_kind, _name, workload) => {
    for (const container of workload.spec.template.spec.containers) {
      expect(container.readinessProbe).toBeDefined();
      expect(container.livenessProbe).toBeDefined();
      expect(container.livenessProbe).not.toEqual(container.readinessProbe);
    }
  });

  it('gives the services off the way to the centre\'s inbox a quarter of the others\' CPU weight, as docker-compose.yml does', () => {
    // A pod's CPU weight on its node follows its request.
    const millicores = (quantity: string) => (quantity.endsWith('m') ? Number(quantity.slice(0, -1)) : Number(quantity) * 1000);
    const requested = (name: string) => millicores(named('Deployment', name)!.spec.template.spec.containers[0].resources.requests.cpu);
    const onThePath = SERVICES.filter((name) => !OFF_THE_PATH.has(name));
    expect(new Set(onThePath.map(requested)).size).toBe(1);
    for (const name of OFF_THE_PATH) expect(requested(name) * 4).toBe(requested(onThePath[0]));
  });

  it('lets a service liveness probe see the process only, and readiness the database and NATS', () => {
    for (const deployment of deployments) {
      const [container] = deployment.spec.template.spec.containers;
      expect(container.livenessProbe.httpGet.path).toBe('/health/live');
      expect(container.readinessProbe.httpGet.path).toBe('/health');
    }
  });

  it('keeps secrets in a generated Secret that every service reads, never in a ConfigMap', () => {
    expect(kustomization.secretGenerator).toEqual([
      { name: 'korgoo-secrets', envs: ['secrets.env'] },
      { name: 'korgoo-nats-users', envs: ['nats-users.env'] },
      { name: 'korgoo-database-logins', envs: ['database-logins.env'] },
    ]);
    const example = readFileSync(join(BASE, 'secrets.env.example'), 'utf8');
    expect(example).toMatch(/^JWT_SECRET=/m);
    for (const configMap of manifests.filter((m) => m.kind === 'ConfigMap')) {
      expect(Object.keys(configMap.data ?? {}).filter((key) => /SECRET|PASSWORD|TOKEN|DATABASE_URL/.test(key))).toEqual([]);
    }
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
    for (const deployment of deployments) {
      expect(deployment.spec.template.spec.containers[0].envFrom).toContainEqual({ secretRef: { name: 'korgoo-secrets' } });
    }
  });

  it('denies all traffic by default and admits from outside only the gateway and the SMS webhook', () => {
    const policies = manifests.filter((m) => m.kind === 'NetworkPolicy');
    expect(named('NetworkPolicy', 'default-deny')?.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    const fromOutside = policies.filter((p) =>
      (p.spec.ingress ?? []).some((rule: any) =>
        (rule.from ?? []).some((peer: any) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'ingress-nginx'),
      ),
    );
    expect(fromOutside.map((p) => p.spec.podSelector.matchExpressions[0].values)).toEqual([['gateway', 'notification']]);
    const ingress = named('Ingress', 'korgoo')!;
    const routes = ingress.spec.rules[0].http.paths.map((p: any) => [p.path, p.backend.service.name]);
    expect(routes).toEqual([
      ['/api/v1/webhooks/sms-receipts', 'notification'],
      ['/', 'gateway'],
    ]);
    for (const deployment of deployments) expect(deployment.spec.template.metadata.labels['korgoo.kg/tier']).toBe('service');
    const serviceEgress = named('NetworkPolicy', 'services-reach-nats-and-postgres')!.spec.egress;
    expect(serviceEgress.flatMap((rule: any) => rule.ports.map((p: any) => p.port))).toEqual([4222, 5432]);
    const migrationPolicy = named('NetworkPolicy', 'migrations-reach-postgres')!.spec;
    expect(migrationPolicy.podSelector).toEqual({ matchLabels: { 'korgoo.kg/tier': 'migration' } });
    expect(migrationPolicy.egress.flatMap((rule: any) => rule.ports.map((p: any) => p.port))).toEqual([5432]);
  });

  it('lets every PostgreSQL rule reach only the site’s POSTGRES_CIDR, which a deployment must set', () => {
    expect(siteValues.POSTGRES_CIDR).toMatch(/^\d{1,3}(\.\d{1,3}){3}\/(3[0-2]|[12]\d|\d)$/);
    const postgresRules = manifests
      .filter((m) => m.kind === 'NetworkPolicy')
      .flatMap((policy) => (policy.spec.egress ?? []).map((rule: any) => ({ policy: policy.metadata.name, rule })))
      .filter(({ rule }) => (rule.ports ?? []).some((port: any) => port.port === 5432));
    expect(postgresRules.map(({ policy }) => policy).sort()).toEqual(['migrations-reach-postgres', 'services-reach-nats-and-postgres']);
    for (const { rule } of postgresRules) expect(rule.to).toEqual([{ ipBlock: { cidr: siteValues.POSTGRES_CIDR } }]);
    // Nothing else holds an address of its own: no placeholder left, no network wider than the site's.
    const policiesText = JSON.stringify(manifests.filter((m) => m.kind === 'NetworkPolicy'));
    expect(policiesText).not.toMatch(/SITE_POSTGRES_CIDR|10\.0\.0\.0\/8/);
    expect(readFileSync(join(__dirname, '..', '.gitignore'), 'utf8')).toMatch(/^deploy\/base\/site\.env$/m);
  });

  it('spreads NATS over nodes and keeps two servers through voluntary disruptions', () => {
    const nats = named('StatefulSet', 'nats')!;
    expect(nats.spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).toEqual([
      { labelSelector: { matchLabels: { app: 'nats' } }, topologyKey: 'kubernetes.io/hostname' },
    ]);
    expect(named('PodDisruptionBudget', 'nats')?.spec).toEqual({ minAvailable: 2, selector: { matchLabels: { app: 'nats' } } });
  });

  it('connects each service to PostgreSQL as its own login; only its migration Job holds the schema owner', () => {
    const example = readFileSync(join(BASE, 'database-logins.env.example'), 'utf8');
    const script = readFileSync(join(BASE, 'database-roles.sql'), 'utf8');
    expect(readFileSync(join(BASE, 'secrets.env.example'), 'utf8')).not.toMatch(/DATABASE_URL/);
    const login = (service: string, name: string) => ({
      name,
      valueFrom: { secretKeyRef: { name: 'korgoo-database-logins', key: `${service.toUpperCase()}_${name}` } },
    });
    expect(jobs.map((job) => job.metadata.name).sort()).toEqual(deployments.map((d) => `migrate-${d.metadata.name}`).sort());
    for (const deployment of deployments) {
      const service: string = deployment.metadata.name;
      const env = deployment.spec.template.spec.containers[0].env;
      expect(env).toContainEqual(login(service, 'DATABASE_URL'));
      expect(env).toContainEqual({ name: 'MIGRATIONS', value: 'verify' });
      expect(env.map((variable: { name: string }) => variable.name)).not.toContain('DATABASE_OWNER_URL');
      const job = named('Job', `migrate-${service}`)!;
      const [migrate] = job.spec.template.spec.containers;
      expect(migrate.command).toEqual(['node', 'dist/tools/migrate.js']);
      expect(migrate.env).toEqual([{ name: 'SERVICE', value: service }, login(service, 'DATABASE_URL'), login(service, 'DATABASE_OWNER_URL')]);
      expect(migrate.envFrom).toEqual([{ configMapRef: { name: 'korgoo-config' } }]);
      expect(job.spec.template.metadata.labels['korgoo.kg/tier']).toBe('migration');
      for (const name of ['DATABASE_URL', 'DATABASE_OWNER_URL']) {
        expect(example).toMatch(new RegExp(`^${service.toUpperCase()}_${name}=postgres://korgoo_${service}_(app|owner):`, 'm'));
      }
      expect(script).toContain(`CREATE ROLE korgoo_${service}_app LOGIN PASSWORD :'${service}_app_pw' IN ROLE korgoo_${service};`);
      expect(script).toContain(`CREATE SCHEMA ${service} AUTHORIZATION korgoo_${service}_owner;`);
    }
  });

  it('runs NATS with the users generated from SERVICE_MESSAGING, each service under its own', () => {
    expect(readFileSync(join(__dirname, '..', NATS_AUTH_FILE), 'utf8')).toBe(deploymentNatsAuthorization());
    expect(kustomization.configMapGenerator).toContainEqual({ name: 'nats-auth', files: ['nats-auth.conf'] });
    expect(named('ConfigMap', 'nats-config')?.data?.['nats.conf']).toContain('include "auth/nats-auth.conf"');
    const example = readFileSync(join(BASE, 'nats-users.env.example'), 'utf8');
    for (const service of Object.keys(SERVICE_MESSAGING)) expect(example).toMatch(new RegExp(`^${service.toUpperCase()}_NATS_PASSWORD=`, 'm'));
    for (const deployment of deployments) {
      const env = deployment.spec.template.spec.containers[0].env;
      expect(env).toContainEqual({
        name: 'NATS_PASSWORD',
        valueFrom: { secretKeyRef: { name: 'korgoo-nats-users', key: `${deployment.metadata.name.toUpperCase()}_NATS_PASSWORD` } },
      });
    }
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { cpu_shares?: number }>;
  };

  it('runs every service, and gives those off the way to the centre\'s inbox a smaller CPU weight than the others', () => {
    expect(SERVICES.filter((name) => !compose.services[name])).toEqual([]);
    const weighted = SERVICES.filter((name) => compose.services[name].cpu_shares !== undefined);
    expect(weighted).toEqual(SERVICES.filter((name) => OFF_THE_PATH.has(name)));
    for (const name of weighted) expect(compose.services[name].cpu_shares).toBeLessThan(1024);
  });
});
