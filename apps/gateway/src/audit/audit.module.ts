import { Global, Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail';

/** The audit trail, for every feature module of the gateway. */
@Global()
@Module({
  providers: [AuditTrail],
  exports: [AuditTrail],
})
export class AuditModule {}
