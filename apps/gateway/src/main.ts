import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { loadConfig } from '@korgoo/config';
import { createServiceLog, KorgooPlatformModule, runService } from '@korgoo/platform';
import { DeadLettersController } from './admin/dead-letters.controller';
import { AuditLogController } from './audit/audit-log.controller';
import { AuditModule } from './audit/audit.module';
import { AuditTrail } from './audit/audit-trail';
import { auditRefusals } from './audit/refusal-audit';
import { AuthModule } from './auth/auth.module';
import { hardenHttpEdge, throttlingByRouteClass } from './http/edge-hardening';
import { ContractViolationFilter, OutageFilter, QueryFailedFilter } from './http/query-failure.filter';
import { BodyValidationPipe } from './http/body-validation.pipe';
import { validationExceptionFactory } from './http/problems';
import { RejectUnsafeInput } from './http/reject-unsafe-input.pipe';
import { serveWebApp } from './http/web-app';
import { withRequestContext } from './http/request-context';
import { openSignInDoor } from './auth/sign-in-admission';
import { FieldKeysController } from './admin/field-keys.controller';
import { IndicatorRebuildController } from './admin/indicator-rebuild.controller';
import { RotateFieldKeys } from './admin/rotate-field-keys';
import { RetentionModule } from './retention/retention.module';
import { IndicatorsController } from './indicators/indicators.controller';
import { PublicIndicatorsController } from './indicators/public-indicators.controller';
import { OdaraFormController } from './orders/odara-form.controller';
import { CorrectScreening } from './orders/correct-screening';
import { NotedOrderChange } from './orders/noted-order-change';
import { ExtendOrder } from './orders/extend-order';
import { AssignOrderUnit } from './orders/assign-order-unit';
import { RecordCourtDecision } from './orders/record-court-decision';
import { WithdrawOrder } from './orders/withdraw-order';
import { ScopedOrders } from './orders/order-scope';
import { PoliceUnitsController } from './police-units/police-units.controller';
import { OrderProgress } from './orders/order-progress';
import { OrdersController } from './orders/orders.controller';
import { RegisterProtectionOrder } from './orders/register-protection-order';
import { OrderIntake } from './orders/order-intake';
import { RegisterProtectionOrderRequest } from './orders/dto/register-protection-order.request';
import { NotificationsController } from './notifications/notifications.controller';
import { ProgrammesController } from './programmes/programmes.controller';
import { ReferralsController } from './referrals/referrals.controller';
import { DirectoryModule } from './directory/directory.module';
import { ReferralActionsController } from './referrals/referral-actions.controller';
import { gatewayDatabase } from './gateway-database';
import { DataSource } from 'typeorm';

const config = loadConfig('gateway');
const log = createServiceLog(config);

@Module({
  imports: [
    // Order intake is the burst after a restart: its body's rules are warmed before the gateway reports ready.
    KorgooPlatformModule.forService(config, log, gatewayDatabase(config.retention.auditYears), { requests: [RegisterProtectionOrderRequest] }),
    ThrottlerModule.forRoot(throttlingByRouteClass(config)),
    AuditModule,
    AuthModule,
    DirectoryModule,
    RetentionModule,
  ],
  controllers: [
    OrdersController,
    OdaraFormController,
    ReferralsController,
    ReferralActionsController,
    DeadLettersController,
    NotificationsController,
    ProgrammesController,
    IndicatorsController,
    PublicIndicatorsController,
    AuditLogController,
    PoliceUnitsController,
    FieldKeysController,
    IndicatorRebuildController,
  ],
  providers: [
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    RegisterProtectionOrder,
    { provide: OrderIntake, useFactory: (db: DataSource) => new OrderIntake(db), inject: [DataSource] },
    OrderProgress,
    NotedOrderChange,
    CorrectScreening,
    WithdrawOrder,
    ExtendOrder,
    AssignOrderUnit,
    RecordCourtDecision,
    ScopedOrders,
    RotateFieldKeys,
  ],
})
class GatewayModule {}

runService(GatewayModule, config, log, (app) => {
  hardenHttpEdge(app, config);
  // Request id and address for the audit trail first, then the hook that audits every 401 and 403.
  app.use(withRequestContext);
  app.use(auditRefusals(app.get(AuditTrail), log));
  // Sign-ins are admitted ahead of the web application itself: a flood is refused at the least cost.
  openSignInDoor(app);
  app.useGlobalPipes(
    new RejectUnsafeInput(),
    new BodyValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      // The factory reads each rule's arguments (a maximum, the allowed values) off the target's class; the
      // target itself never leaves the process.
      validationError: { target: true },
      exceptionFactory: validationExceptionFactory,
    }),
  );
  // Nest tries filters from the last registered to the first: the catch-all goes first.
  app.useGlobalFilters(new OutageFilter(app.getHttpAdapter()), new QueryFailedFilter(), new ContractViolationFilter());
  // Off in production unless API_DOCS=on: the document maps every endpoint for an attacker.
  if (!config.http.apiDocs) return;
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Korgoo API')
      .setDescription('Protection orders, ODARA screenings and referrals to perpetrator programmes')
      .setVersion('1')
      .addBearerAuth()
      .addServer('/', 'This deployment (the web app and the API share one origin)')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  if (!serveWebApp(app)) log.warn('no web app build in dist/web: only the API is served');
}).catch((error) => {
  log.fatal({ err: String(error) }, 'gateway failed to start');
  process.exit(1);
});
