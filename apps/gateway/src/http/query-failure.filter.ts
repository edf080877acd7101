import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { QueryFailed } from '@korgoo/messaging';

/** A service that does not answer in time is a 503 the caller may retry, not a 500. */
@Catch(QueryFailed)
export class QueryFailedFilter implements ExceptionFilter {
  catch(failure: QueryFailed, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
    const status = failure.code === 'unavailable' ? 503 : failure.code === 'invalid_request' ? 400 : 502;
    response.status(status).json({
      statusCode: status,
      error: status === 503 ? 'Service Unavailable' : status === 400 ? 'Bad Request' : 'Bad Gateway',
      message: status === 503 ? 'a Korgoo service did not answer in time; try again' : failure.message,
    });
  }
}
