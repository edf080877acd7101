import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';

/**
 * A nested object field: required unless `optional`, a plain object (not an array or a scalar), validated
 * as `type`. `@ValidateNested` alone lets `undefined` and `[]` through.
 */
export function Nested(type: () => new () => object, options: { optional?: boolean } = {}): PropertyDecorator {
  return (target, property) => {
    if (options.optional) IsOptional()(target, property);
    else IsDefined()(target, property);
    IsObject({ message: `${String(property)} must be an object` })(target, property);
    ValidateNested()(target, property);
    Type(type)(target, property);
  };
}
