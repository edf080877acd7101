import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import { quickContract } from '@korgoo/contracts';

/**
 * The validation pipe, with a valid JSON body answered from its class's rules by `quickContract`, as every
 * service checks its events: in the gateway's profile under load, class-validator's and class-transformer's
 * generic work on each request body was about a tenth of its CPU. Whatever the quick check does not accept or
 * model (the wrong shape, a key an object inherits, a property the transformer treats apart, a rule that answers
 * asynchronously, which this pipe runs) goes through the pipe as before, which says what is wrong.
 */
@Injectable()
export class BodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && this.toValidate(metadata) && isJsonObject(value)) {
      const quick = quickContract(metadata.metatype as new () => object, value, { asynchronous: true });
      if (quick) return quick;
    }
    return super.transform(value, metadata);
  }
}

function isJsonObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}
