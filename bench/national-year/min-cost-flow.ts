/**
 * Min-cost max-flow by successive shortest paths: Dijkstra on reduced costs with node potentials
 * (SPFA first when some cost is negative), then every shortest path of that length at once as a
 * blocking flow (Dinic) on the zero-reduced-cost edges, so the number of Dijkstra runs is the
 * number of distinct path costs, not the flow value. Integer capacities and costs only: reduced
 * costs are compared with zero exactly.
 */
export interface FlowResult {
  flow: number;
  cost: number;
  /** Dijkstra runs, one per distinct augmenting path cost. */
  phases: number;
}

const INITIAL_ARCS = 1024;

export class MinCostFlow {
  private readonly head: Int32Array;
  // Arc 2k is edge k, arc 2k+1 its residual twin.
  private next = new Int32Array(INITIAL_ARCS);
  private to = new Int32Array(INITIAL_ARCS);
  private capacity = new Float64Array(INITIAL_ARCS);
  private cost = new Float64Array(INITIAL_ARCS);
  private arcs = 0;
  private hasNegativeCost = false;

  constructor(readonly nodeCount: number) {
    if (!Number.isInteger(nodeCount) || nodeCount < 2) throw new RangeError('a flow network needs at least two nodes');
    this.head = new Int32Array(nodeCount).fill(-1);
  }

  get edgeCount(): number {
    return this.arcs >> 1;
  }

  /** Adds a directed edge and its residual twin; returns the edge's id. */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    for (const node of [from, to]) {
      if (!Number.isInteger(node) || node < 0 || node >= this.nodeCount) throw new RangeError(`no node ${node}`);
    }
    if (!(Number.isSafeInteger(capacity) && capacity >= 0) && capacity !== Infinity) {
      throw new RangeError('capacity must be a non-negative whole number or Infinity');
    }
    if (!Number.isSafeInteger(cost)) throw new RangeError('cost must be a whole number');
    if (cost < 0 && capacity > 0) this.hasNegativeCost = true;
    const id = this.arcs >> 1;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return id;
  }

  /** Flow on an edge after `solve`. */
  flowOn(edge: number): number {
    return this.capacity[2 * edge + 1];
  }

  solve(source: number, sink: number, limit = Infinity): FlowResult {
    if (source === sink) throw new RangeError('source and sink must differ');
    const n = this.nodeCount;
    const potential = this.initialPotentials(source);
    const dist = new Float64Array(n);
    const level = new Int32Array(n);
    const current = new Int32Array(n);
    const heap = new IndexedHeap(n);
    let flow = 0;
    let cost = 0;
    let phases = 0;

    while (flow < limit) {
      phases++;
      if (!this.shortestDistances(source, sink, potential, dist, heap)) break;
      const bound = dist[sink];
      for (let v = 0; v < n; v++) potential[v] += Math.min(dist[v], bound);
      // All shortest paths now have zero reduced cost: push along them until none is left.
      while (flow < limit && this.levels(source, sink, potential, level)) {
        current.set(this.head);
        for (;;) {
          const pushed = this.augment(source, sink, potential, level, current, limit - flow);
          if (pushed === 0) break;
          flow += pushed;
          cost += pushed * (potential[sink] - potential[source]);
          if (flow >= limit) break;
        }
      }
    }
    return { flow, cost, phases };
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    if (this.arcs === this.to.length) this.grow();
    const a = this.arcs++;
    this.to[a] = to;
    this.capacity[a] = capacity;
    this.cost[a] = cost;
    this.next[a] = this.head[from];
    this.head[from] = a;
  }

  private grow(): void {
    const size = this.to.length * 2;
    const widen = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const wider = make(size);
      wider.set(old);
      return wider;
    };
    this.next = widen(this.next, (k) => new Int32Array(k));
    this.to = widen(this.to, (k) => new Int32Array(k));
    this.capacity = widen(this.capacity, (k) => new Float64Array(k));
    this.cost = widen(this.cost, (k) => new Float64Array(k));
  }

  /** Zero when no cost is negative; otherwise Bellman-Ford distances by SPFA from the source. */
  private initialPotentials(source: number): Float64Array {
    const n = this.nodeCount;
    const potential = new Float64Array(n);
    if (!this.hasNegativeCost) return potential;
    const { head, next, to, capacity, cost } = this;
    potential.fill(Infinity);
    potential[source] = 0;
    const queued = new Uint8Array(n);
    // Arcs on the best path found so far: n or more means the path repeats a node round a negative cycle.
    const pathArcs = new Int32Array(n);
    const queue: number[] = [source];
    queued[source] = 1;
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q];
      queued[u] = 0;
      for (let a = head[u]; a !== -1; a = next[a]) {
        if (capacity[a] <= 0) continue;
        const v = to[a];
        const d = potential[u] + cost[a];
        if (d < potential[v]) {
          potential[v] = d;
          pathArcs[v] = pathArcs[u] + 1;
          if (pathArcs[v] >= n) throw new RangeError('the network has a negative-cost cycle');
          if (!queued[v]) {
            queued[v] = 1;
            queue.push(v);
          }
        }
      }
    }
    // Nodes the source cannot reach never join a path: any finite potential will do.
    for (let v = 0; v < n; v++) if (potential[v] === Infinity) potential[v] = 0;
    return potential;
  }

  /**
   * Dijkstra on reduced costs, stopping once the sink is settled. Nodes left unsettled keep a
   * distance of at least the sink's, which is all the potential update needs.
   */
  private shortestDistances(source: number, sink: number, potential: Float64Array, dist: Float64Array, heap: IndexedHeap): boolean {
    const { head, next, to, capacity, cost } = this;
    dist.fill(Infinity);
    dist[source] = 0;
    heap.clear();
    heap.set(source, 0);
    while (heap.size > 0) {
      const u = heap.popMin();
      if (u === sink) return true;
      const du = dist[u] + potential[u];
      for (let a = head[u]; a !== -1; a = next[a]) {
        if (capacity[a] <= 0) continue;
        const v = to[a];
        const d = du + cost[a] - potential[v];
        if (d < dist[v]) {
          dist[v] = d;
          heap.set(v, d);
        }
      }
    }
    return false;
  }

  /** BFS layers over zero-reduced-cost residual edges; false when the sink is not reached. */
  private levels(source: number, sink: number, potential: Float64Array, level: Int32Array): boolean {
    const { head, next, to, capacity, cost } = this;
    level.fill(-1);
    level[source] = 0;
    const queue = [source];
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q];
      // Nothing past the sink's layer can be on a shortest augmenting path.
      if (level[sink] !== -1 && level[u] >= level[sink]) break;
      const pu = potential[u];
      for (let a = head[u]; a !== -1; a = next[a]) {
        const v = to[a];
        if (level[v] !== -1 || capacity[a] <= 0 || cost[a] + pu - potential[v] !== 0) continue;
        level[v] = level[u] + 1;
        queue.push(v);
      }
    }
    return level[sink] !== -1;
  }

  /** One augmenting path in the layered graph, found without recursion; returns what it carried. */
  private augment(
    source: number,
    sink: number,
    potential: Float64Array,
    level: Int32Array,
    current: Int32Array,
    limit: number,
  ): number {
    const { next, to, capacity, cost } = this;
    const pathArcs: number[] = [];
    let u = source;
    for (;;) {
      if (u === sink) {
        let pushed = limit;
        for (const a of pathArcs) pushed = Math.min(pushed, capacity[a]);
        for (const a of pathArcs) {
          capacity[a] -= pushed;
          capacity[a ^ 1] += pushed;
        }
        return pushed;
      }
      const want = level[u] + 1;
      const pu = potential[u];
      let a = current[u];
      while (a !== -1 && !(level[to[a]] === want && capacity[a] > 0 && cost[a] + pu - potential[to[a]] === 0)) a = next[a];
      current[u] = a;
      if (a !== -1) {
        pathArcs.push(a);
        u = to[a];
        continue;
      }
      // Dead end: never come back here in this layering.
      level[u] = -1;
      if (pathArcs.length === 0) return 0;
      u = to[pathArcs.pop()! ^ 1];
    }
  }
}

/** Binary min-heap over node ids with decrease-key, so each node is in it at most once. */
class IndexedHeap {
  private readonly nodes: Int32Array;
  private readonly keys: Float64Array;
  /** Position of each node in the heap, -1 when absent. */
  private readonly position: Int32Array;
  size = 0;

  constructor(nodeCount: number) {
    this.nodes = new Int32Array(nodeCount);
    this.keys = new Float64Array(nodeCount);
    this.position = new Int32Array(nodeCount).fill(-1);
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.position[this.nodes[i]] = -1;
    this.size = 0;
  }

  /** Inserts the node or lowers its key. */
  set(node: number, key: number): void {
    let i = this.position[node];
    if (i === -1) i = this.size++;
    this.siftUp(i, node, key);
  }

  popMin(): number {
    const top = this.nodes[0];
    this.position[top] = -1;
    const last = --this.size;
    if (last > 0) this.siftDown(0, this.nodes[last], this.keys[last]);
    return top;
  }

  private siftUp(i: number, node: number, key: number): void {
    const { nodes, keys, position } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= key) break;
      nodes[i] = nodes[p];
      keys[i] = keys[p];
      position[nodes[i]] = i;
      i = p;
    }
    nodes[i] = node;
    keys[i] = key;
    position[node] = i;
  }

  private siftDown(i: number, node: number, key: number): void {
    const { nodes, keys, position } = this;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && keys[r] < keys[l] ? r : l;
      if (keys[c] >= key) break;
      nodes[i] = nodes[c];
      keys[i] = keys[c];
      position[nodes[i]] = i;
      i = c;
    }
    nodes[i] = node;
    keys[i] = key;
    position[node] = i;
  }
}
