import { BadRequestException, ValidationError } from '@nestjs/common';
import { FieldProblem, flattenValidationErrors } from '@korgoo/contracts';

/** Every 400 names each field and the rule it broke, in one shape for all endpoints. */
export function invalidFields(problems: FieldProblem[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: problems.map((problem) => `${problem.field}: ${problem.rules.join('; ')}`),
    problems,
  });
}

export function invalidField(field: string, rule: string): BadRequestException {
  return invalidFields([{ field, rules: [rule] }]);
}

export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  return invalidFields(flattenValidationErrors(errors as Parameters<typeof flattenValidationErrors>[0]));
}
