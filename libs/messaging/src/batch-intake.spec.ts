import { BatchIntake, togetherOrAlone } from './batch-intake';

/** A unit of work the test finishes by hand, so batches are formed while workers are busy. */
function gatedHandler() {
  const batches: number[][] = [];
  const gates: Array<() => void> = [];
  const handle = (batch: number[]) =>
    new Promise<void>((resolve) => {
      batches.push(batch);
      gates.push(resolve);
    });
  const releaseAll = async () => {
    while (gates.length > 0) {
      gates.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { batches, handle, releaseAll };
}

describe('BatchIntake', () => {
  it('hands a message to a free worker at once, without waiting for a batch to fill', async () => {
    const { batches, handle, releaseAll } = gatedHandler();
    const intake = new BatchIntake(handle, { concurrency: 2, batchSize: 10 });
    await intake.push(1);
    expect(batches).toEqual([[1]]);
    await releaseAll();
    await intake.drained();
  });

  it('groups what queues up while every worker is busy, at most batchSize at a time, in arrival order', async () => {
    const { batches, handle, releaseAll } = gatedHandler();
    const intake = new BatchIntake(handle, { concurrency: 2, batchSize: 3 });
    for (let i = 1; i <= 7; i++) await intake.push(i);
    expect(batches).toEqual([[1], [2]]);
    await releaseAll();
    await intake.drained();
    expect(batches).toEqual([[1], [2], [3, 4, 5], [6, 7]]);
    expect(intake.size).toBe(0);
  });

  it('holds the producer back once concurrency × batchSize messages wait', async () => {
    const { handle, releaseAll } = gatedHandler();
    const intake = new BatchIntake(handle, { concurrency: 1, batchSize: 2 });
    await intake.push(1);
    await intake.push(2);
    let accepted = false;
    const third = intake.push(3).then(() => (accepted = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(accepted).toBe(false);
    await releaseAll();
    await third;
    expect(accepted).toBe(true);
    await releaseAll();
    await intake.drained();
  });

  it('keeps working after a batch rejects', async () => {
    const seen: number[][] = [];
    const intake = new BatchIntake(
      async (batch: number[]) => {
        seen.push(batch);
        if (batch.includes(1)) throw new Error('store unavailable');
      },
      { concurrency: 1, batchSize: 5 },
    );
    await intake.push(1);
    await intake.push(2);
    await intake.drained();
    expect(seen).toEqual([[1], [2]]);
  });
});

describe('BatchIntake with lingerMs', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('has a free worker wait lingerMs for a partial batch to grow, then take it whole', async () => {
    const { batches, handle, releaseAll } = gatedHandler();
    const intake = new BatchIntake(handle, { concurrency: 2, batchSize: 10, lingerMs: 5 });
    await intake.push(1);
    jest.advanceTimersByTime(4);
    await intake.push(2);
    expect(batches).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(batches).toEqual([[1, 2]]);
    await releaseAll();
    await intake.drained();
  });

  it('takes a batch that fills while it waits at once', async () => {
    const { batches, handle, releaseAll } = gatedHandler();
    const intake = new BatchIntake(handle, { concurrency: 2, batchSize: 3, lingerMs: 5 });
    for (let i = 1; i <= 3; i++) await intake.push(i);
    expect(batches).toEqual([[1, 2, 3]]);
    // Nothing is left waiting, so no timer takes an empty batch later.
    jest.advanceTimersByTime(5);
    expect(batches).toEqual([[1, 2, 3]]);
    await releaseAll();
    await intake.drained();
  });

  it('counts a waiting partial batch as not yet drained', async () => {
    const { batches, handle, releaseAll } = gatedHandler();
    const intake = new BatchIntake(handle, { concurrency: 1, batchSize: 10, lingerMs: 5 });
    await intake.push(1);
    let drained = false;
    const done = intake.drained().then(() => (drained = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    jest.advanceTimersByTime(5);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1]]);
    await releaseAll();
    await done;
    expect(drained).toBe(true);
  });
});

describe('togetherOrAlone', () => {
  it('handles a batch in one go when that succeeds', async () => {
    const together: number[][] = [];
    const alone: number[] = [];
    const way = await togetherOrAlone([1, 2, 3], async (items) => void together.push(items), async (item) => void alone.push(item));
    expect(way).toBe('together');
    expect(together).toEqual([[1, 2, 3]]);
    expect(alone).toEqual([]);
  });

  it('after a failed batch handles each item alone and in order, so only the poisoned one fails', async () => {
    const committed: number[] = [];
    const deadLettered: number[] = [];
    const way = await togetherOrAlone(
      [1, 2, 3, 4],
      async (items) => {
        if (items.includes(3)) throw new Error('cannot handle 3');
        committed.push(...items);
      },
      async (item) => {
        if (item === 3) deadLettered.push(item);
        else committed.push(item);
      },
    );
    expect(way).toBe('alone');
    expect(committed).toEqual([1, 2, 4]);
    expect(deadLettered).toEqual([3]);
  });

  it('takes the single-item path for a batch of one, never running it twice', async () => {
    let together = 0;
    let alone = 0;
    await togetherOrAlone([7], async () => void together++, async () => void alone++);
    expect({ together, alone }).toEqual({ together: 0, alone: 1 });
  });
});
