import { ArrayMaxSize, IsIn, IsInt, IsString, Matches, Max, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ContractViolation, parseContract } from './contract-violation';

class Slot {
  @IsInt() @Max(4) weekday: number;
}

class Week {
  @IsString() @MaxLength(20) @Matches(/^[a-z]+$/) name: string;
  @IsIn(['ky', 'ru']) language: string;
  @ArrayMaxSize(1) @ValidateNested({ each: true }) @Type(() => Slot) slots: Slot[];
}

function problemsOf(plain: unknown) {
  try {
    parseContract(Week, plain);
  } catch (error) {
    if (error instanceof ContractViolation) return error.problems;
  }
  throw new Error('expected a contract violation');
}

describe('the problems of a payload that breaks its contract', () => {
  it('carry the arguments of the bounds and lists each field broke, by rule name, and never the value', () => {
    const problems = problemsOf({ name: 'x'.repeat(21), language: 'en', slots: [{ weekday: 9 }, { weekday: 1 }] });

    expect(problems).toEqual([
      { field: 'name', rules: ['name must be shorter than or equal to 20 characters'], codes: ['maxLength'], params: { maxLength: { max: 20 } } },
      { field: 'language', rules: ['language must be one of the following values: ky, ru'], codes: ['isIn'], params: { isIn: { values: ['ky', 'ru'] } } },
      { field: 'slots', rules: ['slots must contain no more than 1 elements'], codes: ['arrayMaxSize'], params: { arrayMaxSize: { max: 1 } } },
      { field: 'slots.0.weekday', rules: ['weekday must not be greater than 4'], codes: ['max'], params: { max: { max: 4 } } },
    ]);
  });

  it('carry no params for a rule without numbers or a list', () => {
    expect(problemsOf({ name: 'X1', language: 'ky', slots: [] })).toEqual([
      { field: 'name', rules: ['name must match /^[a-z]+$/ regular expression'], codes: ['matches'] },
    ]);
  });
});
