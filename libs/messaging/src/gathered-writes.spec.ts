import { EntityManager } from 'typeorm';
import { GatheredWrite, GatheredWrites, gatheringOnly, NotOnlyGathered, writtenInOneStatement } from './gathered-writes';

describe('rows gathered for one write per transaction', () => {
  const tx = {} as EntityManager;
  const recording = (name: string, written: Array<[string, unknown[]]>): GatheredWrite<string | number> => ({
    write: async (_tx, items) => void written.push([name, items]),
  });

  it('writes each gatherer once, with its items in the order given, gatherers in the order first used', async () => {
    const written: Array<[string, unknown[]]> = [];
    const [facts, holds] = [recording('facts', written), recording('holds', written)];
    const gathered = new GatheredWrites();
    gathered.add(holds, 1);
    gathered.add(facts, 'a');
    gathered.add(holds, 2);
    gathered.add(facts, 'b');
    await gathered.flush(tx);
    expect(written).toEqual([
      ['holds', [1, 2]],
      ['facts', ['a', 'b']],
    ]);
  });

  it('writes nothing twice, and nothing when nothing was gathered', async () => {
    const written: Array<[string, unknown[]]> = [];
    const gathered = new GatheredWrites();
    await gathered.flush(tx);
    gathered.add(recording('facts', written), 'a');
    await gathered.flush(tx);
    await gathered.flush(tx);
    expect(written).toEqual([['facts', ['a']]]);
  });

  it("fails the flush with the write's own error, so the transaction rolls back", async () => {
    const gathered = new GatheredWrites();
    gathered.add({ write: async () => Promise.reject(new Error('constraint broken')) }, 'a');
    await expect(gathered.flush(tx)).rejects.toThrow('constraint broken');
  });

  it("writes what the work gathered after it finished, and returns the work's result", async () => {
    const written: Array<[string, unknown[]]> = [];
    const facts = recording('facts', written);
    const result = await GatheredWrites.around(tx, async (gathered) => {
      gathered.add(facts, 'a');
      expect(written).toEqual([]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(written).toEqual([['facts', ['a']]]);
  });

  it('writes nothing when the work fails', async () => {
    const written: Array<[string, unknown[]]> = [];
    const failing = GatheredWrites.around(tx, async (gathered) => {
      gathered.add(recording('facts', written), 'a');
      throw new Error('handler failed');
    });
    await expect(failing).rejects.toThrow('handler failed');
    expect(written).toEqual([]);
  });
});

describe('an inbox entry and the one write gathered, as one statement', () => {
  const entry = { sql: 'INSERT INTO s.inbox (event_id, consumer, subject) VALUES ($1, $2, $3)', params: ['e', 'c', 'x'] };
  const facts = writtenInOneStatement((items: string[]) => ({ sql: 'INSERT INTO s.fact (v) SELECT unnest($1::text[])', params: [items] }));

  it('runs the entry as a query of the WITH it puts before the write, its parameters numbered after the write\'s', () => {
    const gathered = new GatheredWrites();
    gathered.add(facts, 'a');
    gathered.add(facts, 'b');
    expect(gathered.after(entry)).toEqual({
      sql: 'WITH first_write AS (INSERT INTO s.inbox (event_id, consumer, subject) VALUES ($2, $3, $4)) INSERT INTO s.fact (v) SELECT unnest($1::text[])',
      params: [['a', 'b'], 'e', 'c', 'x'],
    });
  });

  it("joins the entry to the write's own WITH list", () => {
    const announced = writtenInOneStatement((items: number[]) => ({
      sql: 'WITH stored AS (INSERT INTO s.a (n) SELECT unnest($1::int[]) RETURNING n) INSERT INTO s.outbox (n) SELECT n FROM stored',
      params: [items],
    }));
    const gathered = new GatheredWrites();
    gathered.add(announced, 7);
    expect(gathered.after(entry).sql).toBe(
      'WITH first_write AS (INSERT INTO s.inbox (event_id, consumer, subject) VALUES ($2, $3, $4)), ' +
        'stored AS (INSERT INTO s.a (n) SELECT unnest($1::int[]) RETURNING n) INSERT INTO s.outbox (n) SELECT n FROM stored',
    );
  });

  it('is the entry alone when nothing was gathered', () => {
    expect(new GatheredWrites().after(entry)).toEqual(entry);
  });

  it('refuses two writes, or a write that does not say its statement', () => {
    const two = new GatheredWrites();
    two.add(facts, 'a');
    two.add(writtenInOneStatement(() => ({ sql: 'INSERT INTO s.b DEFAULT VALUES', params: [] })), 1);
    expect(() => two.after(entry)).toThrow(NotOnlyGathered);
    const opaque = new GatheredWrites();
    opaque.add({ write: async () => undefined }, 'a');
    expect(() => opaque.after(entry)).toThrow(NotOnlyGathered);
  });
});

describe('the transaction of a handler that only gathers', () => {
  class Assessment {
    score = 0;
  }
  const repository = { create: (plain: object) => Object.assign(new Assessment(), plain), find: async () => [] };
  const manager = {
    create: (_: unknown, plain: object) => Object.assign(new Assessment(), plain),
    getRepository: () => repository,
    query: async () => [],
    queryRunner: { isTransactionActive: true },
  } as unknown as EntityManager;

  it('makes entities, through the manager or a repository', () => {
    const gatherer = gatheringOnly(manager);
    expect(gatherer.getRepository(Assessment).create({ score: 3 })).toEqual(Object.assign(new Assessment(), { score: 3 }));
    expect(gatherer.create(Assessment, { score: 4 })).toEqual(Object.assign(new Assessment(), { score: 4 }));
  });

  it('has no query runner, so the manager itself stands for the statement that writes', () => {
    expect(gatheringOnly(manager).queryRunner).toBeUndefined();
  });

  it('refuses every read or write, on the manager or a repository', () => {
    const gatherer = gatheringOnly(manager);
    expect(() => gatherer.query('SELECT 1')).toThrow(NotOnlyGathered);
    expect(() => gatherer.getRepository(Assessment).find()).toThrow(NotOnlyGathered);
    expect(() => gatherer.transaction(async () => undefined)).toThrow(NotOnlyGathered);
  });
});
