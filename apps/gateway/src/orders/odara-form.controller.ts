import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OdaraFormResponse } from './dto/odara-form.response';
import { ApiProblems } from '../http/openapi';
import { QuerySubjects } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import { AuthGuard } from '../auth/auth.guard';

/** The ODARA form in Kyrgyz, Russian and English, as the risk service defines it, for clients to render. */
@ApiTags('odara')
@ApiBearerAuth()
@ApiProblems()
@UseGuards(AuthGuard)
@Controller('api/v1/odara')
export class OdaraFormController {
  constructor(@Inject(MESSAGING) private readonly messaging: MessagingRuntime) {}

  @ApiOperation({ summary: 'The ODARA screening form in Kyrgyz, Russian and English' })
  @ApiOkResponse({ type: OdaraFormResponse })
  @Get('form')
  async form(): Promise<object> {
    const { form } = await this.messaging.client.request(QuerySubjects.OdaraForm, {});
    return form;
  }
}
