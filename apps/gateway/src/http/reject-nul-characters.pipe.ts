import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { nulCharacterPath } from './nul-characters';
import { invalidField } from './problems';

/** Refuses such input with a 400 naming the field, before validation, handlers or the database see it. */
@Injectable()
export class RejectNulCharacters implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const field = nulCharacterPath(value, metadata.type === 'body' ? '' : (metadata.data ?? metadata.type));
    if (field) throw invalidField(field, `${field} must not contain NUL characters`);
    return value;
  }
}
