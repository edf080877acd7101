import { Global, Module } from '@nestjs/common';
import { CLOCK, clockProvider } from '../clock.provider';
import { AuditTrail } from './audit-trail';

/** The audit trail and the clock, for every feature module of the gateway. */
@Global()
@Module({
  providers: [AuditTrail, clockProvider],
  exports: [AuditTrail, CLOCK],
})
export class AuditModule {}
