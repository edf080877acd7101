import { TransformationType } from 'class-transformer';
import { getMetadataStorage, ValidationArguments, ValidationTypes, ValidatorConstraintInterface } from 'class-validator';
import type { ConstraintMetadata } from 'class-validator/types/metadata/ConstraintMetadata';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { transformerMetadata } from './transformer-metadata';

/**
 * `plain` as the instance of `contract` that `plainToInstance` would make of it, when `validateSync` with
 * `CONTRACT_VALIDATION` would find nothing wrong with that instance; otherwise null, and the caller asks the
 * libraries, which also say what is wrong. Every event is checked by its publisher and again by each consumer, and
 * in profiles under load most of each check was the libraries' generic work: the error tree the validator builds
 * for every property of every object, and the transformer's metadata lookups for every key. This answers from the
 * same rules, types and constraint functions, and answers null for anything it does not model (a key the
 * transformer treats apart, a property it transforms, exposes or excludes, a nested field holding a scalar, promised
 * values, sets and maps, a constraint that answers with a promise). The spec beside `contractSample` holds it to the
 * libraries on every contract.
 *
 * `validateSync` skips asynchronous constraints, and so does this. A caller whose library check is `validate`,
 * which runs them, says so (`asynchronous`): a contract with any such constraint is then left to the library.
 */
export function quickContract<T extends object>(contract: new () => T, plain: object, { asynchronous = false } = {}): T | null {
  const instance = instantiate(contract, plain);
  return instance !== UNMODELLED && passesContract(instance, asynchronous) ? (instance as T) : null;
}

/** What the transformer would do with a value is not modelled here: the libraries decide. */
const UNMODELLED = Symbol('unmodelled');

/**
 * An instance of `contract` holding `plain`'s fields, nested contracts made instances too; `plain` is left as it
 * was, its untyped values shared rather than copied (the message they came from is read once).
 */
function instantiate(contract: new () => object, plain: object): object | typeof UNMODELLED {
  if (transformedApart(contract)) return UNMODELLED;
  const record = plain as Record<string, unknown>;
  const instance = new contract() as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    // `constructor`, `__proto__`, `toString`…: keys the transformer skips or guards.
    if (key in instance && !Object.hasOwn(instance, key)) return UNMODELLED;
    const type = nestedType(contract, key, instance, plain);
    if (type === UNMODELLED) return UNMODELLED;
    const value = type === undefined ? untypedValue(record[key]) : instantiateAll(type, record[key]);
    if (value === UNMODELLED) return UNMODELLED;
    instance[key] = value;
  }
  return instance;
}

/** A nested field's value as the transformer makes it: objects as instances of `type`, lists item by item, scalars kept. */
function instantiateAll(type: new () => object, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (!Array.isArray(value)) return instantiate(type, value);
  const items = value.map((item) => instantiateAll(type, item));
  return items.includes(UNMODELLED) ? UNMODELLED : items;
}

/** Per class: whether the transformer treats any of its properties apart. A class's decorators all run where it is declared. */
const apart = new WeakMap<Function, boolean>();

/** `@Transform`, `@Expose`, `@Exclude` on the class or its properties: what the transformer makes is not modelled here. */
function transformedApart(contract: Function): boolean {
  let answer = apart.get(contract);
  if (answer === undefined) {
    const names = new Set(getMetadataStorage().getTargetValidationMetadatas(contract, undefined as unknown as string, false, false).map((rule) => rule.propertyName));
    answer =
      transformerMetadata.getStrategy(contract) !== 'none' ||
      [...names].some(
        (name) =>
          transformerMetadata.findTransformMetadatas(contract, name, TransformationType.PLAIN_TO_CLASS).length > 0 ||
          transformerMetadata.findExposeMetadata(contract, name) !== undefined ||
          transformerMetadata.findExcludeMetadata(contract, name) !== undefined,
      );
    apart.set(contract, answer);
  }
  return answer;
}

const NOT_A_CONTRACT: unknown[] = [String, Number, Boolean, Date, Object, Array, Map, Set, Promise, Buffer];

/** The contract a field nests, undefined for a field without one. */
function nestedType(contract: Function, key: string, instance: object, plain: object): (new () => object) | typeof UNMODELLED | undefined {
  const metadata = transformerMetadata.findTypeMetadata(contract, key);
  if (!metadata) return undefined;
  const type = metadata.typeFunction?.({ newObject: instance, object: plain, property: key }) as (new () => object) | undefined;
  if (metadata.options?.discriminator || metadata.reflectedType === Map || !type || NOT_A_CONTRACT.includes(type)) return UNMODELLED;
  return type;
}

/**
 * An untyped field's value, which the transformer copies: JSON is kept as it is, unless an object in it has a key
 * the transformer would leave out of its copy (one an empty object inherits: `constructor`, `toString`…).
 */
function untypedValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.every((item) => untypedValue(item) !== UNMODELLED) ? value : UNMODELLED;
  if (Object.getPrototypeOf(value) !== Object.prototype) return UNMODELLED;
  const record = value as Record<string, unknown>;
  const plain = Object.keys(record).every((key) => !(key in Object.prototype) && untypedValue(record[key]) !== UNMODELLED);
  return plain ? value : UNMODELLED;
}

/** Whether `validateSync(instance, CONTRACT_VALIDATION)` would find nothing wrong. */
function passesContract(instance: object, asynchronous: boolean): boolean {
  const rules = rulesOf(instance);
  if (rules === null || (asynchronous && rules.asynchronous)) return false;
  const record = instance as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!rules.allowed.has(key)) return false;
  for (const property of rules.properties) {
    const value = record[property.name];
    if (!conditionsHold(property.conditions, instance, value)) continue;
    for (const check of property.checks) if (!checkPasses(check, instance, value)) return false;
    if (property.nested && !nestedPasses(value, asynchronous)) return false;
  }
  return true;
}

function conditionsHold(conditions: PropertyRules['conditions'], object: object, value: unknown): boolean {
  for (const condition of conditions) if (!condition(object, value)) return false;
  return true;
}

interface Check {
  metadata: ValidationMetadata;
  /**
   * The constraints' validators, taken from the library's container once (it finds one by walking every
   * constraint it has made); asynchronous ones left out, as a synchronous validation skips them.
   */
  validators: ValidatorConstraintInterface[];
}

interface PropertyRules {
  name: string;
  /** `@IsOptional`, `@ValidateIf`: the property is checked only when every one holds. */
  conditions: Array<(object: object, value: unknown) => boolean>;
  checks: Check[];
  nested: boolean;
}

interface ClassRules {
  /** Properties with any rule: the whitelist. */
  allowed: Set<string>;
  properties: PropertyRules[];
  /** Some constraint answers asynchronously, which `validate` runs and `validateSync` skips. */
  asynchronous: boolean;
}

/** Rules made once per list of metadata, which the process keeps per class (see `rememberValidationMetadata`). */
const compiled = new WeakMap<ValidationMetadata[], ClassRules | null>();

/** null: the library's answer is needed (no rules at all, which it refuses, or a kind of rule not modelled here). */
function rulesOf(instance: object): ClassRules | null {
  // The same lookup the library makes for an object validated without groups.
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(instance.constructor, undefined as unknown as string, false, false);
  let rules = compiled.get(metadatas);
  if (rules === undefined) compiled.set(metadatas, (rules = compile(metadatas)));
  return rules;
}

function compile(metadatas: ValidationMetadata[]): ClassRules | null {
  if (metadatas.length === 0) return null;
  const byName = new Map<string, PropertyRules>();
  let asynchronous = false;
  for (const metadata of metadatas) {
    let property = byName.get(metadata.propertyName);
    if (!property) byName.set(metadata.propertyName, (property = { name: metadata.propertyName, conditions: [], checks: [], nested: false }));
    switch (metadata.type) {
      case ValidationTypes.CONDITIONAL_VALIDATION:
        property.conditions.push(metadata.constraints[0] as (object: object, value: unknown) => boolean);
        break;
      case ValidationTypes.IS_DEFINED:
      case ValidationTypes.CUSTOM_VALIDATION: {
        const constraints = getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls);
        asynchronous ||= constraints.some((constraint) => constraint.async);
        property.checks.push({ metadata, validators: validatorsOf(constraints) });
        break;
      }
      case ValidationTypes.NESTED_VALIDATION:
        property.nested = true;
        break;
      case ValidationTypes.WHITELIST:
        break;
      default:
        return null;
    }
  }
  return { allowed: new Set(byName.keys()), properties: [...byName.values()], asynchronous };
}

function validatorsOf(constraints: ConstraintMetadata[]): ValidatorConstraintInterface[] {
  return constraints.filter((constraint) => !constraint.async).map((constraint) => constraint.instance);
}

function checkPasses({ metadata, validators }: Check, object: object, value: unknown): boolean {
  if (metadata.validateIf && !metadata.validateIf(object, value)) return true;
  const args: ValidationArguments = {
    targetName: object.constructor?.name,
    property: metadata.propertyName,
    object,
    value,
    constraints: metadata.constraints,
  };
  for (const validator of validators) {
    if (!metadata.each || !(Array.isArray(value) || value instanceof Set || value instanceof Map)) {
      if (!holds(validator.validate(value, args))) return false;
    } else if (!Array.isArray(value) || !value.every((item) => holds(validator.validate(item, args)))) {
      return false;
    }
  }
  return true;
}

/** A promise is left to the library: a synchronous validation would not wait for it. */
function holds(answer: unknown): boolean {
  return Boolean(answer) && !(answer instanceof Promise);
}

function nestedPasses(value: unknown, asynchronous: boolean): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!nestedPasses(value[i], asynchronous)) return false;
    return true;
  }
  if (value instanceof Set || value instanceof Map || value instanceof Promise) return false;
  return value instanceof Object && passesContract(value, asynchronous);
}
