import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { freePort, RunningService, stopService } from '../tools/service-process';
import { KorgooStack } from './support/korgoo-stack';

const ROOT = join(__dirname, '..');
const COMMITTED = join(ROOT, 'apps/web/src/api/openapi.json');
const run = promisify(execFile);

/** The gateway's OpenAPI document: clean under Redocly's recommended rules, and the one the web app is typed from. */
describe('the OpenAPI document', () => {
  let gateway: RunningService;
  let url: string;
  let document: Record<string, unknown>;

  beforeAll(async () => {
    const port = await freePort();
    gateway = await new KorgooStack().launchAlone('gateway', port);
    url = `http://127.0.0.1:${port}`;
    document = (await request(url).get('/api/docs-json').expect(200)).body;
  });

  afterAll(async () => {
    if (gateway) await stopService(gateway);
  });

  it('passes redocly lint with the recommended ruleset and no errors', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'korgoo-openapi-'));
    const file = join(folder, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    try {
      const cli = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
      const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
      const result = await run(process.execPath, [cli, 'lint', '--extends', 'recommended', '--format', 'summary', file], { env })
        .catch((failure: { stdout: string; stderr: string }) => failure);
      const report = `${result.stdout}\n${result.stderr}`;
      expect(report).not.toMatch(/^error /m);
      expect(report).toMatch(/valid/i);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('documents a summary, security and an error body for every operation', () => {
    const paths = document.paths as Record<string, Record<string, { summary?: string; security?: unknown[]; responses: Record<string, unknown> }>>;
    const operations = Object.values(paths).flatMap((methods) => Object.values(methods));
    expect(operations.length).toBeGreaterThanOrEqual(35);
    for (const operation of operations) {
      expect(operation.summary).toBeTruthy();
      expect(operation.security).toBeDefined();
      expect(Object.keys(operation.responses).some((status) => status.startsWith('4'))).toBe(true);
    }
  });

  it('is the document the web app’s types were generated from (npm run web:api regenerates them)', () => {
    expect(document).toEqual(JSON.parse(readFileSync(COMMITTED, 'utf8')));
  });
});
