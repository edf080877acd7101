import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';
import { quickContract } from './contract-check';

/** A rule's own arguments by name: its bounds, or the values it allows. Never the submitted value. */
export type ConstraintParams = Record<string, number | string | (number | string)[]>;

export interface FieldProblem {
  field: string;
  rules: string[];
  /** Each rule's name beside it, where the rules have names (a validation constraint such as `isInt`, an owner's refusal rule). */
  codes?: string[];
  /** By rule name, the arguments of the rules that have numbers or a list, for a screen to say them in its reader's language. */
  params?: Record<string, ConstraintParams>;
}

/** The constraints whose arguments a reader needs, each argument's name in the order the decorator takes them. */
const CONSTRAINT_ARGUMENTS: Record<string, string[]> = {
  min: ['min'],
  max: ['max'],
  minLength: ['min'],
  maxLength: ['max'],
  arrayMinSize: ['min'],
  arrayMaxSize: ['max'],
  isIn: ['values'],
};

/** Raised when a payload breaks its contract; names each field and the rule it broke. */
export class ContractViolation extends Error {
  constructor(
    readonly contract: string,
    readonly problems: FieldProblem[],
  ) {
    super(`${contract}: ${problems.map((p) => `${p.field} ${p.rules.join(', ')}`).join('; ')}`);
  }
}

/** Needs each error's target (class-validator keeps it unless told not to): the rules' arguments are on its class. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [problemOf(error, field, error.constraints)] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function problemOf(error: ValidationError, field: string, constraints: Record<string, string>): FieldProblem {
  const codes = Object.keys(constraints);
  const params = Object.fromEntries(codes.flatMap((code) => {
    const named = constraintParams(error, code);
    return named ? [[code, named]] : [];
  }));
  return { field, rules: Object.values(constraints), codes, ...(Object.keys(params).length > 0 ? { params } : {}) };
}

/** The arguments the decorator of `code` on the error's property was given, by name. */
function constraintParams(error: ValidationError, code: string): ConstraintParams | undefined {
  const names = CONSTRAINT_ARGUMENTS[code];
  const target = error.target?.constructor;
  if (!names || !target) return undefined;
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((rule) => rule.propertyName === error.property && rule.name === code);
  if (!metadata?.constraints) return undefined;
  return Object.fromEntries(names.map((name, index) => [name, metadata.constraints[index] as ConstraintParams[string]]));
}

type ContractClass<T> = new () => T;

/** Nothing unknown, nothing undeclared: what `quickContract` answers for. */
export const CONTRACT_VALIDATION = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

/** Turns plain JSON into a validated instance of its contract class, or throws ContractViolation. */
export function parseContract<T extends object>(contract: ContractClass<T>, plain: unknown): T {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    throw new ContractViolation(contract.name, [{ field: '(body)', rules: ['must be a JSON object'] }]);
  }
  const quick = quickContract(contract, plain);
  if (quick) return quick;
  const instance = plainToInstance(contract, plain, { enableImplicitConversion: false });
  const errors = validateSync(instance, CONTRACT_VALIDATION);
  if (errors.length > 0) throw new ContractViolation(contract.name, flattenValidationErrors(errors));
  return instance;
}
