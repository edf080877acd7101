import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'pino';
import { KorgooConfig } from '@korgoo/config';
import { Logger as NestLogger, PinoLogger } from 'nestjs-pino';
import { outlastTheProxy } from './keep-alive';
import { requestLogParams } from './request-log';
import { rememberValidationMetadata } from './validation-metadata';

/**
 * Starts one service: HTTP for health, metrics (and the API on the gateway), graceful shutdown on SIGTERM
 * and SIGINT so in-flight messages finish and committed events are published before the process exits.
 */
export async function runService(
  rootModule: Type<unknown>,
  config: KorgooConfig,
  log: Logger,
  configure?: (app: INestApplication) => void,
): Promise<INestApplication> {
  rememberValidationMetadata();
  process.on('unhandledRejection', (reason) => log.error({ err: String(reason) }, 'unhandled rejection'));
  // NestJS's own lines go through the same pino logger, with the request's id when written inside a request.
  const params = requestLogParams(log);
  const app = await NestFactory.create(rootModule, { logger: new NestLogger(new PinoLogger(params), params), bufferLogs: false });
  app.enableShutdownHooks();
  configure?.(app);
  outlastTheProxy(app.getHttpServer());
  await app.listen(config.httpPort, '0.0.0.0');
  log.info({ port: config.httpPort, namespace: config.namespace }, 'service ready');
  return app;
}
