import { RecentActiveLoad } from './active-load';

describe('active referrals per centre, counted at most once a second', () => {
  let elapsed = 0;
  let reads = 0;
  let stored = new Map<string, number>();
  const read = async () => {
    reads++;
    return new Map(stored);
  };

  beforeEach(() => {
    elapsed = 0;
    reads = 0;
    stored = new Map([['naryn-asylzat', 2]]);
  });

  it('reads once within the age and again after it', async () => {
    const load = new RecentActiveLoad(read, 1_000, () => elapsed);
    expect((await load.counts(null)).get('naryn-asylzat')).toBe(2);
    stored.set('naryn-asylzat', 5);
    elapsed = 999;
    expect((await load.counts(null)).get('naryn-asylzat')).toBe(2);
    elapsed = 1_000;
    expect((await load.counts(null)).get('naryn-asylzat')).toBe(5);
    expect(reads).toBe(2);
  });

  it('adds this replica’s own proposals to the count it holds, until the next read replaces it', async () => {
    const load = new RecentActiveLoad(read, 1_000, () => elapsed);
    await load.counts(null);
    load.added('naryn-asylzat');
    load.added('osh-ak-jurok');
    const counts = await load.counts(null);
    expect([counts.get('naryn-asylzat'), counts.get('osh-ak-jurok')]).toEqual([3, 1]);
    elapsed = 1_500;
    expect((await load.counts(null)).get('osh-ak-jurok')).toBeUndefined();
  });

  it('reads on every routing with an age of 0', async () => {
    const load = new RecentActiveLoad(read, 0, () => elapsed);
    await load.counts(null);
    await load.counts(null);
    expect(reads).toBe(2);
  });

  it('adds nothing before its first read', async () => {
    const load = new RecentActiveLoad(read, 1_000, () => elapsed);
    load.added('naryn-asylzat');
    expect((await load.counts(null)).get('naryn-asylzat')).toBe(2);
  });
});
