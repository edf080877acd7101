import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// The gateway serves dist/web at `/`; in development Vite proxies the API to a running `npm start`.
export default defineConfig({
  root,
  base: '/',
  build: { outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  test: { root, environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
});
