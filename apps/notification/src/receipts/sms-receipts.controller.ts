import { BadRequestException, Controller, HttpCode, Inject, NotFoundException, Post, Req, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { KorgooConfig } from '@korgoo/config';
import { CLOCK, KORGOO_CONFIG, SERVICE_LOG } from '@korgoo/platform';
import { Clock } from '@korgoo/platform/core';
import { SMS_GATEWAY_PROVIDER } from '../providers/http-sms-provider';
import { DeliveryReceipts } from './delivery-receipts';
import { RequestWithRawBody } from './raw-body';
import { checkReceiptSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './receipt-signature';
import { parseSmsReceipt } from './sms-receipt';

export const SMS_RECEIPTS_PATH = 'api/v1/webhooks/sms-receipts';

/**
 * Delivery receipts from the SMS gateway, served by the notification service itself: the gateway proves
 * itself with an HMAC over the raw body rather than a person's token, and the attempts it updates live here.
 */
@ApiExcludeController()
@Controller()
export class SmsReceiptsController {
  constructor(
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(SERVICE_LOG) private readonly log: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly receipts: DeliveryReceipts,
  ) {}

  @Post(SMS_RECEIPTS_PATH)
  @HttpCode(200)
  async receive(@Req() request: RequestWithRawBody): Promise<{ matched: boolean }> {
    const secret = this.config.providers.sms?.webhookSecret;
    if (!secret) throw new NotFoundException('SMS delivery receipts are not enabled');
    const rawBody = request.rawBody ?? Buffer.alloc(0);
    const check = checkReceiptSignature({
      secret,
      timestamp: header(request, TIMESTAMP_HEADER),
      signature: header(request, SIGNATURE_HEADER),
      rawBody,
      now: this.clock.now(),
    });
    if (!check.valid) {
      this.log.warn({ reason: check.reason }, 'SMS receipt refused');
      throw new UnauthorizedException('the receipt signature is invalid');
    }
    const parsed = parseSmsReceipt(rawBody);
    if ('problem' in parsed) throw new BadRequestException(parsed.problem);
    const result = await this.dataSource.transaction((tx) =>
      this.receipts.record(tx, { provider: SMS_GATEWAY_PROVIDER, ...parsed.receipt }),
    );
    this.log.info({ status: parsed.receipt.status, matched: result.matched }, 'SMS receipt recorded');
    return result;
  }
}

function header(request: RequestWithRawBody, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
