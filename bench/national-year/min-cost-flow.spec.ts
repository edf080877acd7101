import fc from 'fast-check';
import { MinCostFlow } from './min-cost-flow';

interface Edge {
  from: number;
  to: number;
  capacity: number;
  cost: number;
}

function solve(nodes: number, edges: Edge[], source = 0, sink = nodes - 1, limit?: number) {
  const network = new MinCostFlow(nodes);
  const ids = edges.map((e) => network.addEdge(e.from, e.to, e.capacity, e.cost));
  const result = network.solve(source, sink, limit);
  return { ...result, flows: ids.map((id) => network.flowOn(id)) };
}

/** Textbook successive shortest paths with Bellman-Ford and one path at a time: slow but plain. */
function reference(nodes: number, edges: Edge[], source: number, sink: number): { flow: number; cost: number } {
  const arcs: Array<{ to: number; cap: number; cost: number }> = [];
  const out: number[][] = Array.from({ length: nodes }, () => []);
  for (const e of edges) {
    out[e.from].push(arcs.length);
    arcs.push({ to: e.to, cap: e.capacity, cost: e.cost });
    out[e.to].push(arcs.length);
    arcs.push({ to: e.from, cap: 0, cost: -e.cost });
  }
  let flow = 0;
  let cost = 0;
  for (;;) {
    const dist = new Array<number>(nodes).fill(Infinity);
    const via = new Array<number>(nodes).fill(-1);
    dist[source] = 0;
    for (let round = 0; round < nodes; round++) {
      for (let u = 0; u < nodes; u++) {
        if (dist[u] === Infinity) continue;
        for (const a of out[u]) {
          if (arcs[a].cap > 0 && dist[u] + arcs[a].cost < dist[arcs[a].to]) {
            dist[arcs[a].to] = dist[u] + arcs[a].cost;
            via[arcs[a].to] = a;
          }
        }
      }
    }
    if (dist[sink] === Infinity) return { flow, cost };
    let push = Infinity;
    for (let v = sink; v !== source; v = arcs[via[v] ^ 1].to) push = Math.min(push, arcs[via[v]].cap);
    for (let v = sink; v !== source; v = arcs[via[v] ^ 1].to) {
      arcs[via[v]].cap -= push;
      arcs[via[v] ^ 1].cap += push;
    }
    flow += push;
    cost += push * dist[sink];
  }
}

/** Checks capacity limits and conservation, and that the reported cost is the flows' cost. */
function expectValidFlow(nodes: number, edges: Edge[], flows: number[], flow: number, cost: number, source = 0, sink = nodes - 1) {
  const balance = new Array<number>(nodes).fill(0);
  let total = 0;
  edges.forEach((e, i) => {
    expect(flows[i]).toBeGreaterThanOrEqual(0);
    expect(flows[i]).toBeLessThanOrEqual(e.capacity);
    balance[e.from] -= flows[i];
    balance[e.to] += flows[i];
    total += flows[i] * e.cost;
  });
  for (let v = 0; v < nodes; v++) {
    if (v === source) expect(balance[v] + flow).toBe(0);
    else if (v === sink) expect(balance[v]).toBe(flow);
    else expect(balance[v]).toBe(0);
  }
  expect(total).toBe(cost);
}

describe('MinCostFlow', () => {
  it('finds the only maximum flow of a small network and its cost', () => {
    const edges: Edge[] = [
      { from: 0, to: 1, capacity: 2, cost: 1 },
      { from: 0, to: 2, capacity: 1, cost: 2 },
      { from: 1, to: 2, capacity: 1, cost: 1 },
      { from: 1, to: 3, capacity: 1, cost: 3 },
      { from: 2, to: 3, capacity: 2, cost: 1 },
    ];
    const result = solve(4, edges);
    expect(result).toMatchObject({ flow: 3, cost: 10, flows: [2, 1, 1, 1, 2] });
  });

  it('places more orders than nearest-first greedy by sending one of them farther', () => {
    // Orders A, B; slots X, Y of one place each. A is nearer X, but B can only use X.
    // Greedy gives X to A and leaves B out; the optimum sends A to Y.
    const [s, a, b, x, y, t] = [0, 1, 2, 3, 4, 5];
    const edges: Edge[] = [
      { from: s, to: a, capacity: 1, cost: 0 },
      { from: s, to: b, capacity: 1, cost: 0 },
      { from: a, to: x, capacity: 1, cost: 1 },
      { from: a, to: y, capacity: 1, cost: 5 },
      { from: b, to: x, capacity: 1, cost: 2 },
      { from: x, to: t, capacity: 1, cost: 0 },
      { from: y, to: t, capacity: 1, cost: 0 },
    ];
    const result = solve(6, edges);
    expect(result.flow).toBe(2);
    expect(result.cost).toBe(7);
    expect(result.flows[2]).toBe(0);
    expect(result.flows[3]).toBe(1);
  });

  it('prefers the cheaper of two assignments that place the same number', () => {
    // Greedy by order: A takes X (1), then B must take Y (10): 11. Swapping costs 2 + 1 = 3.
    const edges: Edge[] = [
      { from: 0, to: 1, capacity: 1, cost: 0 },
      { from: 0, to: 2, capacity: 1, cost: 0 },
      { from: 1, to: 3, capacity: 1, cost: 1 },
      { from: 1, to: 4, capacity: 1, cost: 2 },
      { from: 2, to: 3, capacity: 1, cost: 1 },
      { from: 2, to: 4, capacity: 1, cost: 10 },
      { from: 3, to: 5, capacity: 1, cost: 0 },
      { from: 4, to: 5, capacity: 1, cost: 0 },
    ];
    expect(solve(6, edges)).toMatchObject({ flow: 2, cost: 3 });
  });

  it('maximises flow before cost: a dear path is still used', () => {
    const edges: Edge[] = [
      { from: 0, to: 1, capacity: 1, cost: 1 },
      { from: 0, to: 2, capacity: 1, cost: 1000 },
      { from: 1, to: 3, capacity: 1, cost: 0 },
      { from: 2, to: 3, capacity: 1, cost: 0 },
    ];
    expect(solve(4, edges)).toMatchObject({ flow: 2, cost: 1001 });
  });

  it('handles negative costs (SPFA potentials), infinite capacities and a flow limit', () => {
    const edges: Edge[] = [
      { from: 0, to: 1, capacity: Infinity, cost: 4 },
      { from: 0, to: 2, capacity: 2, cost: 1 },
      { from: 2, to: 1, capacity: 2, cost: -3 },
      { from: 1, to: 3, capacity: 3, cost: 2 },
    ];
    expect(solve(4, edges)).toMatchObject({ flow: 3, cost: 2 * (1 - 3 + 2) + (4 + 2) });
    expect(solve(4, edges, 0, 3, 1)).toMatchObject({ flow: 1, cost: 0 });
  });

  it('returns nothing when the sink cannot be reached', () => {
    expect(solve(3, [{ from: 0, to: 1, capacity: 5, cost: 1 }])).toMatchObject({ flow: 0, cost: 0 });
  });

  it('refuses fractional costs, unknown nodes and negative cycles', () => {
    const network = new MinCostFlow(3);
    expect(() => network.addEdge(0, 1, 1, 0.5)).toThrow(RangeError);
    expect(() => network.addEdge(0, 3, 1, 1)).toThrow(RangeError);
    expect(() => network.addEdge(0, 1, -1, 1)).toThrow(RangeError);
    network.addEdge(0, 1, 1, 1);
    network.addEdge(1, 2, 1, -3);
    network.addEdge(2, 1, 1, 1);
    expect(() => network.solve(0, 2)).toThrow('negative-cost cycle');
  });

  it('matches plain successive shortest paths on random networks', () => {
    const network = fc
      .integer({ min: 2, max: 8 })
      .chain((nodes) =>
        fc.tuple(
          fc.constant(nodes),
          fc.array(
            fc.record({
              from: fc.integer({ min: 0, max: nodes - 1 }),
              to: fc.integer({ min: 0, max: nodes - 1 }),
              capacity: fc.integer({ min: 0, max: 4 }),
              cost: fc.integer({ min: -5, max: 20 }),
            }),
            { maxLength: 24 },
          ),
        ),
      )
      // Nothing enters the source and only its edges may cost less than zero: no negative cycle.
      .map(([nodes, edges]) => [nodes, edges.filter((e) => e.from !== e.to && e.to !== 0 && (e.cost >= 0 || e.from === 0))] as const);
    fc.assert(
      fc.property(network, ([nodes, edges]) => {
        const result = solve(nodes, [...edges]);
        expect({ flow: result.flow, cost: result.cost }).toEqual(reference(nodes, [...edges], 0, nodes - 1));
        expectValidFlow(nodes, [...edges], result.flows, result.flow, result.cost);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the best assignment of orders to capacity on random bipartite graphs (brute force)', () => {
    const instance = fc.record({
      slots: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
      orders: fc.array(fc.array(fc.tuple(fc.nat(2), fc.integer({ min: 0, max: 9 })), { maxLength: 3 }), {
        minLength: 1,
        maxLength: 5,
      }),
    });
    fc.assert(
      fc.property(instance, ({ slots, orders }) => {
        const options = orders.map((o) => o.filter(([slot]) => slot < slots.length));
        // Brute force: every order takes one of its options or none; most placed, then least cost.
        let best = { placed: 0, cost: 0 };
        const pick = (i: number, used: number[], placed: number, cost: number): void => {
          if (i === options.length) {
            if (placed > best.placed || (placed === best.placed && cost < best.cost)) best = { placed, cost };
            return;
          }
          pick(i + 1, used, placed, cost);
          for (const [slot, c] of options[i]) {
            if (used[slot] >= slots[slot]) continue;
            used[slot]++;
            pick(i + 1, used, placed + 1, cost + c);
            used[slot]--;
          }
        };
        pick(0, slots.map(() => 0), 0, 0);

        const sink = 1 + options.length + slots.length;
        const edges: Edge[] = [];
        options.forEach((opts, i) => {
          edges.push({ from: 0, to: 1 + i, capacity: 1, cost: 0 });
          for (const [slot, c] of opts) edges.push({ from: 1 + i, to: 1 + options.length + slot, capacity: 1, cost: c });
        });
        slots.forEach((cap, s) => edges.push({ from: 1 + options.length + s, to: sink, capacity: cap, cost: 0 }));
        const result = solve(sink + 1, edges);
        expect({ placed: result.flow, cost: result.cost }).toEqual(best);
      }),
      { numRuns: 300 },
    );
  });
});
