import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { unsafeField } from './unsafe-input';
import { invalidField } from './problems';

/** Refuses such input with a 400 naming the field, before validation, handlers or the database see it. */
@Injectable()
export class RejectUnsafeInput implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const found = unsafeField(value, metadata.type === 'body' ? '' : (metadata.data ?? metadata.type));
    if (found) throw invalidField(found.field, found.rule);
    return value;
  }
}
