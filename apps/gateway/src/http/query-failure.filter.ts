import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { ContractViolation, FieldProblem, Refusal } from '@korgoo/contracts';
import { QueryFailed } from '@korgoo/messaging';
import { isInfrastructureOutage } from '@korgoo/platform/core';
import { invalidFields } from './problems';

const STATUS_BY_CODE: Record<QueryFailed['code'], [number, string]> = {
  unavailable: [503, 'Service Unavailable'],
  invalid_request: [400, 'Bad Request'],
  forbidden: [403, 'Forbidden'],
  not_found: [404, 'Not Found'],
  conflict: [409, 'Conflict'],
  internal: [502, 'Bad Gateway'],
};

/**
 * Maps an owner's refusal to its HTTP status; a service that does not answer is a 503 the caller may retry.
 * An owner that names its rules has them in `refusals`, and on a 400 each one at a field also in `problems`,
 * as the gateway's own validation names them.
 */
@Catch(QueryFailed)
export class QueryFailedFilter implements ExceptionFilter {
  catch(failure: QueryFailed, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
    const [status, error] = STATUS_BY_CODE[failure.code];
    const refusals = failure.refusals ?? [];
    response.status(status).json({
      statusCode: status,
      error,
      message: status === 503 ? 'a Korgoo service did not answer in time; try again' : failure.reason,
      ...(refusals.length > 0 ? { refusals } : {}),
      ...(status === 400 && refusals.some((r) => r.field) ? { problems: problemsAtFields(refusals) } : {}),
    });
  }
}

function problemsAtFields(refusals: Refusal[]): FieldProblem[] {
  const byField = new Map<string, FieldProblem>();
  for (const { field, rule, message } of refusals) {
    if (!field) continue;
    const problem = byField.get(field) ?? { field, rules: [], codes: [] };
    problem.rules.push(message);
    problem.codes!.push(rule);
    byField.set(field, problem);
  }
  return [...byField.values()];
}

/** A request the gateway built from valid input but that breaks a contract is still the caller's 400. */
@Catch(ContractViolation)
export class ContractViolationFilter implements ExceptionFilter {
  catch(violation: ContractViolation, host: ArgumentsHost) {
    host.switchToHttp().getResponse().status(400).json(invalidFields(violation.problems).getResponse());
  }
}

/** While PostgreSQL is unreachable the request did nothing; 503 tells the client to retry the same request. */
@Catch()
export class OutageFilter extends BaseExceptionFilter {
  override catch(error: unknown, host: ArgumentsHost) {
    if (!isInfrastructureOutage(error)) return super.catch(error, host);
    host.switchToHttp().getResponse().status(503).json({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'the order store is unavailable; nothing was saved, send the same request again',
    });
  }
}
