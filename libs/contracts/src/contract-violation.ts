import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

export interface FieldProblem {
  field: string;
  rules: string[];
  /** Each rule's name beside it, where the rules have names (a validation constraint such as `isInt`, an owner's refusal rule). */
  codes?: string[];
}

/** Raised when a payload breaks its contract; names each field and the rule it broke. */
export class ContractViolation extends Error {
  constructor(
    readonly contract: string,
    readonly problems: FieldProblem[],
  ) {
    super(`${contract}: ${problems.map((p) => `${p.field} ${p.rules.join(', ')}`).join('; ')}`);
  }
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, rules: Object.values(error.constraints), codes: Object.keys(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

type ContractClass<T> = new () => T;

/** Turns plain JSON into a validated instance of its contract class, or throws ContractViolation. */
export function parseContract<T extends object>(contract: ContractClass<T>, plain: unknown): T {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    throw new ContractViolation(contract.name, [{ field: '(body)', rules: ['must be a JSON object'] }]);
  }
  const instance = plainToInstance(contract, plain, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new ContractViolation(contract.name, flattenValidationErrors(errors));
  return instance;
}
