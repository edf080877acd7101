import { classifyPgFailure, failureDetails, isInfrastructureOutage, isLockConflict, sqlState, violatedConstraint } from './pg-failure';
import { retryingInSavepoint, retryingTransaction } from './retrying';

const pgError = (code: string, message = 'failed') => Object.assign(new Error(message), { code });
/** TypeORM's QueryFailedError keeps the driver's error beside its own. */
const wrapped = (code: string) => Object.assign(new Error('query failed'), { driverError: { code } });

describe('classifyPgFailure', () => {
  it.each([
    ['40P01', 'lock_conflict'],
    ['40001', 'lock_conflict'],
    ['23505', 'unique_violation'],
    ['08006', 'outage'],
    ['57P01', 'outage'],
    ['ECONNREFUSED', 'outage'],
    ['23503', 'other'],
    ['22P02', 'other'],
  ])('%s is %s, raw or wrapped by TypeORM', (code, expected) => {
    expect(classifyPgFailure(pgError(code))).toBe(expected);
    expect(classifyPgFailure(wrapped(code))).toBe(expected);
  });

  it('knows a lost connection by its message when there is no code', () => {
    expect(isInfrastructureOutage(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isInfrastructureOutage(new Error('syntax error'))).toBe(false);
    expect(classifyPgFailure(null)).toBe('other');
    expect(sqlState('text')).toBeUndefined();
  });
});

describe('violatedConstraint', () => {
  it('names the constraint a statement broke, raw or wrapped by TypeORM', () => {
    const broken = { code: '23505', constraint: 'inbox_pkey' };
    expect(violatedConstraint(Object.assign(new Error('duplicate key'), broken))).toBe('inbox_pkey');
    expect(violatedConstraint(Object.assign(new Error('query failed'), { driverError: broken }))).toBe('inbox_pkey');
    expect(violatedConstraint(pgError('23505'))).toBeUndefined();
    expect(violatedConstraint(null)).toBeUndefined();
  });
});

describe('failureDetails', () => {
  it('names the class and the SQLSTATE, never the message', () => {
    class BookingConflict extends Error {}
    expect(failureDetails(new BookingConflict('Асанов'))).toEqual({ error: 'BookingConflict' });
    expect(failureDetails(pgError('23505', 'Key (name)=(Асанов) already exists'))).toEqual({ error: 'Error', code: '23505' });
    expect(failureDetails('text')).toEqual({ error: 'string' });
    expect(failureDetails(null)).toEqual({ error: 'object' });
  });
});

describe('retryingTransaction', () => {
  it('tries a lost race again and gives up after the attempts', async () => {
    let calls = 0;
    await expect(retryingTransaction(async () => (++calls < 3 ? Promise.reject(pgError('40P01')) : 'done'))).resolves.toBe('done');
    expect(calls).toBe(3);
    calls = 0;
    await expect(retryingTransaction(async () => (calls++, Promise.reject(pgError('40001'))), { attempts: 2 })).rejects.toThrow();
    expect(calls).toBe(2);
  });

  it('never repeats work that failed for another reason', async () => {
    let calls = 0;
    await expect(retryingTransaction(async () => (calls++, Promise.reject(pgError('23505'))))).rejects.toThrow();
    expect(calls).toBe(1);
    expect(isLockConflict(pgError('23505'))).toBe(false);
  });
});

describe('retryingInSavepoint', () => {
  it('rolls back to the savepoint before trying again, and releases it on success', async () => {
    const statements: string[] = [];
    const tx = { query: async (sql: string) => statements.push(sql) };
    let calls = 0;
    const result = await retryingInSavepoint(tx, async () => (++calls === 1 ? Promise.reject(pgError('40P01')) : calls), {
      retryable: isLockConflict,
    });
    expect(result).toBe(2);
    expect(statements).toEqual([
      'SAVEPOINT retry_attempt',
      'ROLLBACK TO SAVEPOINT retry_attempt',
      'SAVEPOINT retry_attempt',
      'RELEASE SAVEPOINT retry_attempt',
    ]);
  });
});
