import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { type ConstraintParams, REFUSAL_RULES, type RefusalParams, type RefusalRule } from '@korgoo/contracts';

export class FieldProblemBody {
  @ApiProperty({ example: 'perpetrator.location.settlementCode' }) field: string;
  @ApiProperty({ type: [String], example: ['settlementCode must be a gazetteer code'] }) rules: string[];
  @ApiPropertyOptional({
    type: [String],
    example: ['matches'],
    description: 'The name of each rule beside it, where the rule has one: a validation constraint (`isInt`, `maxLength`) or an owner’s refusal rule',
  })
  codes?: string[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: {
      type: 'object',
      additionalProperties: {
        oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'number' }] } }],
      },
    },
    example: { maxLength: { max: 200 } },
    description:
      'By code, the arguments of the rules that have them: `min` and `max` (`min`, `max`, `minLength`, `maxLength`, `arrayMinSize`, `arrayMaxSize`) and the allowed `values` (`isIn`)',
  })
  params?: Record<string, ConstraintParams>;
}

/** One problem an owning service refused a change for, by its rule, for a screen to say in its reader's language. */
export class RefusalBody {
  @ApiProperty({ enum: REFUSAL_RULES, example: 'lead_not_of_group_sex' }) rule: RefusalRule;
  @ApiPropertyOptional({ example: 'groupSlots.1.leadFacilitatorId', description: 'The request field, named as in `problems`; none for the whole change' })
  field?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { facilitatorId: 'naryn-asylzat-1', weekday: 4 },
    description: 'Ids, numbers (1-based positions, hours), weekdays (1 = Monday) and language codes the rule is about',
  })
  params?: RefusalParams;
  @ApiProperty({ example: 'changes.groupSlots[1].leadFacilitatorId must be a male facilitator for a male group' }) message: string;
}

/** The one error body every endpoint answers with (Nest's shape; 400 adds the field problems). */
export class ProblemBody {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiPropertyOptional({ example: 'Bad Request' }) error?: string;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: ['orderNumber: orderNumber must be 3-40 characters: letters, digits, / or -'],
  })
  message: string | string[];
  @ApiPropertyOptional({ type: [FieldProblemBody], description: 'On 400: each field and the rules it broke' })
  problems?: FieldProblemBody[];
  @ApiPropertyOptional({ type: [RefusalBody], description: 'On 400, 403, 404 and 409 from an owner that names its rules: each problem by its rule' })
  refusals?: RefusalBody[];
  @ApiPropertyOptional({ example: 30, description: 'On 429 and 503: the seconds to wait before trying again, as in Retry-After' })
  retryAfterSeconds?: number;
}

const PROBLEMS: Record<number, string> = {
  400: 'The request broke a rule; `problems` names each field and rule',
  401: 'No valid access token',
  403: 'The account’s role or centre may not do this',
  404: 'No such resource',
  409: 'Conflicts with the current state',
  429: 'Too many attempts; `retryAfterSeconds` says when to try again',
  503: 'A service that owns the answer did not reply in time',
};

/**
 * The error responses of an operation or of every operation of a controller, all with the ProblemBody
 * schema. The default set is what any authenticated endpoint can answer.
 */
export function ApiProblems(...statuses: number[]) {
  const codes = statuses.length > 0 ? statuses : [400, 401, 403, 404, 503];
  return applyDecorators(
    ApiExtraModels(ProblemBody),
    ...codes.map((status) =>
      ApiResponse({ status, description: PROBLEMS[status], schema: { $ref: getSchemaPath(ProblemBody) } }),
    ),
  );
}
