import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Where `npm run build` puts the web app, relative to this file in dist/apps/gateway/src/http. */
export const WEB_APP_FOLDER = join(__dirname, '..', '..', '..', '..', 'web');

const SERVER_PATHS = /^\/(api|health|metrics)(\/|$)/;

/**
 * The browser app at `/` on the API's own origin (no CORS, one deployment). Any other GET that asks for a
 * page gets index.html, so a reload on a screen works; the API, /health and /metrics are never shadowed.
 */
export function serveWebApp(app: INestApplication, folder = WEB_APP_FOLDER): boolean {
  const index = join(folder, 'index.html');
  if (!existsSync(index)) return false;
  const express = app as NestExpressApplication;
  express.useStaticAssets(folder, { index: false, maxAge: '1h' });
  express.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || SERVER_PATHS.test(request.path) || !request.accepts('html')) return next();
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(index);
  });
  return true;
}
