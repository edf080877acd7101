import { EntityManager } from 'typeorm';
import { GatheredWrite, GatheredWrites } from './gathered-writes';

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
