import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CourtDecisionRecordedResponse,
  OrderChangeAccepted,
  OrderExtendedResponse,
  OrderPage,
  OrderProgressResponse,
  OrderUnitAssignedResponse,
} from './dto/order-progress.response';
import { ApiProblems } from '../http/openapi';
import type { Response } from 'express';
import { AssessmentDetail, ProgrammeReader, QuerySubjects } from '@korgoo/contracts';
import { ScreeningRequest } from './dto/screening.request';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import type { Actor } from '@korgoo/contracts';
import { AuthGuard, CurrentActor, Roles } from '../auth/auth.guard';
import { orderLookupScope } from '../auth/scope';
import { ScopeFirst } from '../auth/scope-first';
import { AuditTrail } from '../audit/audit-trail';
import { RegisteredOrderResponse, RegisterProtectionOrderRequest } from './dto/register-protection-order.request';
import { AssignOrderUnitRequest, CourtDecisionRequest, ExtendOrderRequest, WithdrawOrderRequest } from './dto/order-changes.request';
import { AssignOrderUnit } from './assign-order-unit';
import { CorrectScreening } from './correct-screening';
import { ExtendOrder } from './extend-order';
import { RecordCourtDecision } from './record-court-decision';
import { WithdrawOrder } from './withdraw-order';
import { ScopedOrders } from './order-scope';
import { Page, PageQuery } from '../http/page';
import { OrderListItem, OrderProgress, OrderProgressView } from './order-progress';
import { RegisterProtectionOrder } from './register-protection-order';

@ApiTags('protection orders')
@ApiBearerAuth()
@ApiProblems()
@UseGuards(AuthGuard)
@Controller('api/v1/protection-orders')
export class OrdersController {
  constructor(
    private readonly registerOrder: RegisterProtectionOrder,
    private readonly progress: OrderProgress,
    private readonly audit: AuditTrail,
    private readonly correctScreening: CorrectScreening,
    private readonly withdrawOrder: WithdrawOrder,
    private readonly extendOrder: ExtendOrder,
    private readonly courtDecision: RecordCourtDecision,
    private readonly assignUnit: AssignOrderUnit,
    private readonly orders: ScopedOrders,
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
  ) {}

  /** 201 for a new order; 200 with the same id when the identical order was posted before. */
  @ApiOperation({ summary: 'Register a protection order with its ODARA screening' })
  @ApiCreatedResponse({ type: RegisteredOrderResponse, description: 'A new order' })
  @ApiOkResponse({ type: RegisteredOrderResponse, description: 'The identical order was registered before' })
  @ApiProblems(400, 401, 403, 409, 503)
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

  /** Police see their unit's orders only; coordinators every order. */
  @ApiOperation({
    summary: 'List protection orders, newest first, a page at a time',
    description:
      'Each order with its stage, its newest referral and programme, its dates and court decision, and the perpetrator\'s ' +
      'name: a list needs no further request per order. Police get their unit\'s orders and read the programmes as police ' +
      'do (outcome, attendance marks, notices); coordinators every order.',
  })
  @ApiOkResponse({ type: OrderPage })
  @Get()
  @Roles('police', 'coordinator')
  async list(@Query() query: PageQuery, @CurrentActor() actor: Actor): Promise<Page<OrderListItem>> {
    const page = await this.orders.list(actor, query);
    return { items: await this.progress.ofPage(page.items, orderLookupScope(actor), actor.role as ProgrammeReader), nextCursor: page.nextCursor };
  }

  @ApiOperation({ summary: 'Where a protection order stands' })
  @ApiOkResponse({ type: OrderProgressResponse })
  @Get(':id')
  @Roles('police', 'coordinator')
  async show(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor): Promise<OrderProgressView> {
    const view = await this.progress.of(await this.orders.require(actor, id), orderLookupScope(actor));
    await this.audit.record(actor, 'read', 'protection_order', id);
    return view;
  }

  /** Every assessment version with its explanation: which items counted, which were unknown, why each flag. */
  @ApiOperation({ summary: 'Every risk assessment version of an order, explained' })
  @ApiOkResponse({ description: 'Assessment versions, newest last', schema: { type: 'object', properties: { assessments: { type: 'array', items: { type: 'object' } } } } })
  @Get(':id/assessments')
  @Roles('police', 'coordinator')
  async assessments(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<{ assessments: AssessmentDetail[] }> {
    await this.orders.require(actor, id);
    const reply = await this.messaging.client.request(QuerySubjects.AssessmentHistory, { orderId: id, scope: orderLookupScope(actor) });
    await this.audit.record(actor, 'read', 'risk_assessment', id);
    return reply;
  }

  /** A corrected screening: risk adds an assessment version and routing follows its priority. */
  @ApiOperation({ summary: 'Correct an order\'s screening' })
  @ApiAcceptedResponse({ type: OrderChangeAccepted })
  @Post(':id/screening-corrections')
  @ScopeFirst('order')
  @Roles('police')
  @HttpCode(202)
  async correct(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() screening: ScreeningRequest,
    @CurrentActor() actor: Actor,
  ): Promise<{ orderId: string; accepted: true }> {
    await this.correctScreening.execute(id, screening, actor);
    return { orderId: id, accepted: true };
  }

  @ApiOperation({ summary: 'Withdraw a protection order' })
  @ApiAcceptedResponse({ type: OrderChangeAccepted })
  @Post(':id/withdrawal')
  @ScopeFirst('order')
  @Roles('police')
  @HttpCode(202)
  async withdraw(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() request: WithdrawOrderRequest,
    @CurrentActor() actor: Actor,
  ): Promise<{ orderId: string; accepted: true }> {
    await this.withdrawOrder.execute(id, request, actor);
    return { orderId: id, accepted: true };
  }

  /** The programme takes the new expiry; an outcome already reached stands. */
  @ApiOperation({ summary: 'Extend a protection order to a later expiry' })
  @ApiOkResponse({ type: OrderExtendedResponse })
  @ApiProblems(400, 401, 403, 404)
  @Post(':id/extension')
  @ScopeFirst('order')
  @Roles('police')
  @HttpCode(200)
  async extend(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() request: ExtendOrderRequest,
    @CurrentActor() actor: Actor,
  ): Promise<OrderExtendedResponse> {
    const order = await this.extendOrder.execute(id, request, actor);
    return { orderId: id, expiresAt: order.expiresAt.toISOString(), firstExpiresAt: order.firstExpiresAt!.toISOString() };
  }

  /** The court's decision, up to 70 days after the order; shown in the order view. */
  @ApiOperation({ summary: 'Record the court decision on a protection order' })
  @ApiOkResponse({ type: CourtDecisionRecordedResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @Post(':id/court-decision')
  @ScopeFirst('order')
  @Roles('police')
  @HttpCode(200)
  async recordCourtDecision(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() request: CourtDecisionRequest,
    @CurrentActor() actor: Actor,
  ): Promise<CourtDecisionRecordedResponse> {
    await this.courtDecision.execute(id, request, actor);
    return { orderId: id, courtDecision: { decidedOn: request.decidedOn, reference: request.reference } };
  }

  /** For an order registered before police units: the unit its Article 72 notices go to and whose officers see it. */
  @ApiOperation({ summary: 'Give an order registered without a police unit its unit' })
  @ApiOkResponse({ type: OrderUnitAssignedResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @Put(':id/unit')
  @ScopeFirst('order')
  @Roles('coordinator')
  async assignOrderUnit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() request: AssignOrderUnitRequest,
    @CurrentActor() actor: Actor,
  ): Promise<OrderUnitAssignedResponse> {
    await this.assignUnit.execute(id, request, actor);
    return { orderId: id, unitCode: request.unitCode };
  }
}
