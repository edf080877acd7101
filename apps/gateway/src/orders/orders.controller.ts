import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor } from '../auth/account.entity';
import { AuthGuard, CurrentActor, Roles } from '../auth/auth.guard';
import { AuditTrail } from '../audit/audit-trail';
import { RegisteredOrderResponse, RegisterProtectionOrderRequest } from './dto/register-protection-order.request';
import { OrderProgress, OrderProgressView } from './order-progress';
import { RegisterProtectionOrder } from './register-protection-order';

@ApiTags('protection orders')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/v1/protection-orders')
export class OrdersController {
  constructor(
    private readonly registerOrder: RegisterProtectionOrder,
    private readonly progress: OrderProgress,
    private readonly audit: AuditTrail,
  ) {}

  /** 201 for a new order; 200 with the same id when the identical order was posted before. */
  @Post()
  @Roles('police')
  async register(
    @Body() request: RegisterProtectionOrderRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegisteredOrderResponse> {
    const registered = await this.registerOrder.execute(request, actor);
    response.status(registered.created ? 201 : 200);
    return registered;
  }

  @Get(':id')
  @Roles('police', 'coordinator', 'admin')
  async show(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor): Promise<OrderProgressView> {
    const view = await this.progress.of(id);
    await this.audit.record(actor, 'read', 'protection_order', id);
    return view;
  }
}
