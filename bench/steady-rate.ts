/**
 * Calls `send(i)` for each i below `count`, `perSecond` of them a second on a fixed schedule whatever the answers
 * take (an open load, as users are), then waits for every answer.
 */
export async function atSteadyRate(count: number, perSecond: number, send: (i: number) => Promise<unknown>): Promise<void> {
  const started = performance.now();
  const sent: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = started + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sent.push(send(i));
  }
  await Promise.all(sent);
}
