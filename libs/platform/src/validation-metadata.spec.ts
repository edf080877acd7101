import 'reflect-metadata';
import { Type } from 'class-transformer';
import { getMetadataStorage, IsInt, IsString, Min, ValidateNested, validateSync } from 'class-validator';
import { rememberValidationMetadata } from './validation-metadata';

class Place {
  @IsString() settlementCode: string;
}

class Facts {
  @IsInt() @Min(1) sessionIndex: number;
}

class Moved extends Facts {
  @ValidateNested() @Type(() => Place) place: Place;
}

const failures = (value: object) =>
  validateSync(value).flatMap(function flat(e): string[] {
    return [...Object.keys(e.constraints ?? {}).map((c) => `${e.property}:${c}`), ...(e.children ?? []).flatMap(flat)];
  });

const moved = (sessionIndex: number, settlementCode: unknown) =>
  Object.assign(new Moved(), { sessionIndex, place: Object.assign(new Place(), { settlementCode }) });

describe('remembered validation metadata', () => {
  const storage = getMetadataStorage();
  const lookup = jest.spyOn(storage, 'getTargetValidationMetadatas');
  const grouping = jest.spyOn(storage, 'groupByPropertyName');
  const before = [failures(moved(0, 7)), failures(moved(2, 'naryn'))];
  rememberValidationMetadata(storage);
  rememberValidationMetadata(storage);

  it('answers as the library does, inherited and nested rules included', () => {
    expect(before).toEqual([['settlementCode:isString', 'sessionIndex:min'], []]);
    expect([failures(moved(0, 7)), failures(moved(2, 'naryn'))]).toEqual(before);
  });

  it('looks a class up once for the same options', () => {
    failures(moved(1, 'naryn'));
    lookup.mockClear();
    for (let i = 0; i < 5; i++) failures(moved(i, 'naryn'));
    expect(lookup).not.toHaveBeenCalled();
    // Other options are another answer: Moved and Place once each, then kept.
    validateSync(moved(1, 7), { strictGroups: true });
    expect(validateSync(moved(1, 7), { strictGroups: true })).toHaveLength(1);
    expect(lookup.mock.calls.map(([target, schema]) => [target.name, schema])).toEqual([
      ['Moved', undefined],
      ['Place', 'Moved'],
    ]);
  });

  it('groups a class\'s rules by property once, not for every object it validates', () => {
    failures(moved(1, 'naryn'));
    grouping.mockClear();
    for (let i = 1; i < 5; i++) expect(failures(moved(i, 'naryn'))).toEqual([]);
    expect(failures(moved(0, 7))).toEqual(before[0]);
    expect(grouping).not.toHaveBeenCalled();
  });

  it('forgets what it kept when a class is declared, so a later subclass inherits its rules', () => {
    class Late extends Facts {
      @IsString() note: string;
    }
    expect(failures(Object.assign(new Late(), { sessionIndex: 0, note: 3 }))).toEqual(['note:isString', 'sessionIndex:min']);
    class Later extends Late {}
    expect(failures(Object.assign(new Later(), { sessionIndex: 0, note: 'x' }))).toEqual(['sessionIndex:min']);
  });
});
