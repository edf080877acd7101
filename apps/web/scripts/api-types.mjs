// Regenerates the web app's API types from the gateway's OpenAPI document. With a URL (a running
// `npm start`: http://127.0.0.1:3000/api/docs-json) it first refreshes the committed document.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('../src/api', import.meta.url));
const source = process.argv[2];
if (source) {
  const document = await (await fetch(source)).json();
  writeFileSync(`${folder}/openapi.json`, `${JSON.stringify(document, null, 2)}\n`);
}
execFileSync(
  'npx',
  ['swagger-typescript-api', 'generate', '-p', `${folder}/openapi.json`, '-o', folder, '-n', 'korgoo-api.ts', '--no-client', '--enum-style', 'union', '--silent'],
  { stdio: 'inherit' },
);
