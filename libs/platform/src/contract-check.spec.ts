import 'reflect-metadata';
import fc from 'fast-check';
import { Expose, plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Validate,
  validate,
  validateSync,
  ValidateIf,
  ValidateNested,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import {
  CONTRACT_VALIDATION,
  envelopeContract,
  EventPayloadClasses,
  EventSubject,
  QueryRequestClasses,
  quickContract,
} from '@korgoo/contracts';
import { contractSample, sampleEvent } from './contract-sample';
import { rememberValidationMetadata } from './validation-metadata';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

rememberValidationMetadata();

/** Every contract `parseContract` checks: each event in its envelope and each request, with a valid sample. */
const CONTRACTS: Array<{ name: string; contract: new () => object; sample: Json }> = [
  ...(Object.keys(EventPayloadClasses) as EventSubject[]).map((subject) => ({
    name: subject,
    contract: envelopeContract(EventPayloadClasses[subject]),
    sample: sampleEvent(subject) as Json,
  })),
  ...Object.entries(QueryRequestClasses).map(([subject, contract]) => ({
    name: subject,
    contract: contract as new () => object,
    sample: contractSample(contract as new () => object) as Json,
  })),
];

function libraryAccepts(contract: new () => object, plain: Json): boolean {
  return validateSync(plainToInstance(contract, structuredClone(plain) as object), CONTRACT_VALIDATION).length === 0;
}

/** What the quick check made, compared with what the transformer makes: the same fields and the same classes throughout. */
function quickAccepts(contract: new () => object, plain: Json): boolean {
  const before = JSON.stringify(plain);
  const made = quickContract(contract, plain as object);
  expect(JSON.stringify(plain)).toBe(before);
  if (made === null) return false;
  const library = plainToInstance(contract, structuredClone(plain) as object);
  expect(made).toEqual(library);
  expect(classesOf(made)).toEqual(classesOf(library));
  return true;
}

function inheritedKeys(value: Json): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap(inheritedKeys);
  return Object.entries(value).flatMap(([key, item]) => [...(key in Object.prototype ? [key] : []), ...inheritedKeys(item)]);
}

function classesOf(value: unknown, path = '$'): string[] {
  if (value === null || typeof value !== 'object') return [];
  const own = `${path}: ${value.constructor?.name}`;
  return [own, ...Object.entries(value).flatMap(([key, item]) => classesOf(item, `${path}.${key}`))];
}

/** Every place inside a JSON value (the value itself is an object, as `parseContract` requires before it checks). */
function pathsOf(value: Json, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const children = Array.isArray(value) ? value.map((item, i) => pathsOf(item, [...path, i])) : Object.entries(value).map(([k, v]) => pathsOf(v, [...path, k]));
  return [...(Array.isArray(value) ? value.map((_, i) => [...path, i]) : Object.keys(value).map((k) => [...path, k])), ...children.flat()];
}

/** A copy of `value` with the place at `path` replaced (`undefined` removes it), or an unknown key added to an object there. */
function mutated(value: Json, path: Path, change: { kind: 'replace' | 'remove' | 'add'; replacement: Json; key: string }): Json {
  const copy = structuredClone(value);
  const parent = path.slice(0, -1).reduce<any>((node, step) => node[step], copy);
  const last = path[path.length - 1];
  if (change.kind === 'remove') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (change.kind === 'add' && parent[last] !== null && typeof parent[last] === 'object' && !Array.isArray(parent[last])) {
    parent[last][change.key] = change.replacement;
  } else {
    parent[last] = change.replacement;
  }
  return copy;
}

/** Values a field of the wrong shape, or of the right shape at an edge, may hold. */
const replacement: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, '', 'x', ' ', 0, -1, 1.5, 1e12, true, false, [], {}, [null], [{}], ['x'], '00000000-0000-4000-8000-000000000000', '2026-01-01T00:00:00.000Z', 'not-a-date', 'ky', 'male'),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

describe('the quick contract check', () => {
  it("accepts every event's sample without asking the library, and agrees with it on every request's sample", () => {
    const events = CONTRACTS.filter(({ name }) => name in EventPayloadClasses);
    expect(events.filter(({ contract, sample }) => !quickAccepts(contract, sample)).map(({ name }) => name)).toEqual([]);
    const disagreeing = CONTRACTS.filter(({ contract, sample }) => quickAccepts(contract, sample) !== libraryAccepts(contract, sample));
    expect(disagreeing.map(({ name }) => name)).toEqual([]);
  });

  it('accepts only what the libraries accept, and all of it but keys an object inherits, with one field changed, removed or added', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: CONTRACTS.length - 1 }),
        fc.nat(),
        fc.constantFrom('replace' as const, 'remove' as const, 'add' as const),
        replacement,
        fc.oneof(fc.constantFrom('extra', 'constructor', '__proto__', 'toString'), fc.string({ maxLength: 8 })),
        (which, where, kind, value, key) => {
          const { contract, sample } = CONTRACTS[which];
          const paths = pathsOf(sample);
          const plain = mutated(sample, paths[where % paths.length], { kind, replacement: value, key });
          const quick = quickAccepts(contract, plain);
          const library = libraryAccepts(contract, plain);
          if (quick) expect(library).toBe(true);
          // The transformer drops `toString` or `constructor` from what it copies; such a message is left to it.
          else if (library) expect(inheritedKeys(plain)).not.toEqual([]);
        },
      ),
      { numRuns: 4_000 },
    );
  });

  it('agrees with the libraries on a field checked only under a condition, as request bodies have', () => {
    // The shape of a decline or a programme's closing: a note required for "other", checked whenever given.
    class Decline {
      @IsIn(['full', 'other'])
      reason!: string;

      @ValidateIf((o: Decline) => o.reason === 'other' || o.note !== undefined)
      @IsString()
      @IsNotEmpty()
      @MaxLength(5)
      note?: string;

      @IsOptional()
      @IsString()
      by?: string;
    }
    const field = (values: Json[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
    fc.assert(
      fc.property(field(['full', 'other', '', 1]), field(['', 'ok', 'too long', 5, null]), field(['x', 3, null]), (reason, note, by) => {
        const plain = Object.fromEntries(Object.entries({ reason, note, by }).filter(([, value]) => value !== undefined)) as Json;
        expect(quickAccepts(Decline, plain)).toBe(libraryAccepts(Decline, plain));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves to the transformer a class it treats apart, at any depth', () => {
    class Trimmed {
      @IsString()
      @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
      name!: string;
    }
    class Renamed {
      @IsString()
      @Expose({ name: 'label' })
      name!: string;
    }
    class Holder {
      @ValidateNested()
      @Type(() => Renamed)
      renamed!: Renamed;
    }
    expect(quickContract(Trimmed, { name: ' x ' })).toBeNull();
    expect(plainToInstance(Trimmed, { name: ' x ' }).name).toBe('x');
    expect(quickContract(Holder, { renamed: { name: 'x' } })).toBeNull();
  });

  it('leaves a contract with an asynchronous rule to the library when the caller runs such rules', async () => {
    @ValidatorConstraint({ name: 'knownLater', async: true })
    class KnownLater implements ValidatorConstraintInterface {
      validate(value: unknown) {
        return Promise.resolve(value === 'known');
      }
    }
    class Asked {
      @IsString()
      @Validate(KnownLater)
      name!: string;
    }
    class Outer {
      @ValidateNested()
      @Type(() => Asked)
      asked!: Asked;
    }
    // `validateSync` skips the rule, and so does the quick check; `validate` runs it and refuses.
    expect(quickContract(Asked, { name: 'unknown' })).toEqual(plainToInstance(Asked, { name: 'unknown' }));
    expect(await validate(plainToInstance(Asked, { name: 'unknown' }), CONTRACT_VALIDATION)).not.toEqual([]);
    expect(quickContract(Asked, { name: 'unknown' }, { asynchronous: true })).toBeNull();
    expect(quickContract(Outer, { asked: { name: 'unknown' } }, { asynchronous: true })).toBeNull();
  });

  it('leaves to the libraries a class without rules, which they refuse', () => {
    class Undeclared {
      name = 'x';
    }
    expect(quickContract(Undeclared, { name: 'y' })).toBeNull();
    expect(validateSync(plainToInstance(Undeclared, { name: 'y' }), CONTRACT_VALIDATION)).not.toEqual([]);
  });
});
