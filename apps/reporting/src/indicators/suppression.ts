/** Counts below this are never published: a small number in a small oblast can point at a person. */
export const SMALLEST_PUBLISHED = 5;

export type SuppressedCell =
  | { value: number; shown: 'value' }
  /** Under the threshold: shown as `<5`. */
  | { value: null; shown: 'small' }
  /** Hidden so that a small cell cannot be recovered by subtraction from a total: shown as `x`. */
  | { value: null; shown: 'complement' };

export interface PublishedTable {
  cells: SuppressedCell[][];
  rowTotals: SuppressedCell[];
  columnTotals: SuppressedCell[];
  grandTotal: SuppressedCell;
}

/**
 * Primary and secondary suppression of a table of counts published with its row, column and grand totals.
 *
 * The table with its margins is (R+1)×(C+1) cells, each row and column an equation "cells = total".
 * Hidden cells are edges of a bipartite graph between row and column equations; a hidden value can be
 * solved for exactly when its edge lies on no cycle (a bridge). So every hidden cell is put on a cycle:
 * for a bridge (i, j) we hide the cheapest rectangle (i, j) (i, j′) (i′, j) (i′, j′) of non-zero cells. Zero is
 * published: it describes nobody.
 *
 * Bounds give more away than the equations: a `<5` is 1 to 4, and a hidden partner, never zero, is at least 1.
 * So a line whose published total leaves its hidden cells only one value for a `<5` (two `<5` summing to 2)
 * gets one more hidden cell, its smallest shown count or else its total. Bounds can also combine across several
 * lines at once; `findExposedSmallCell` checks the whole table and a `<5` it finds pinned gets one more hidden
 * cell beside it.
 */
export function suppressSmallCounts(counts: readonly (readonly number[])[]): PublishedTable {
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  const full = withMargins(counts);
  const hidden = full.map((row) => row.map((value) => value > 0 && value < SMALLEST_PUBLISHED));
  const primary = hidden.map((row) => [...row]);
  // Each step hides at least one more cell, so this ends.
  for (;;) {
    const bridge = findBridge(hidden);
    if (bridge) {
      hideCheapestRectangle(full, hidden, bridge);
      continue;
    }
    const pinned = findPinnedLine(full, hidden, primary);
    if (pinned) {
      hideOneMoreIn(full, hidden, pinned);
      continue;
    }
    const exposed = findExposedSmallCell(full, hidden, primary);
    if (!exposed) break;
    if (!hideOneMoreNear(full, hidden, exposed)) {
      // Every count is hidden and the bounds still pin a `<5` (four `<5` under a `<5` total are all 1): the table
      // is withheld whole, each count an `x` that says nothing of its size.
      primary.forEach((row) => row.fill(false));
      break;
    }
  }
  const cell = (i: number, j: number): SuppressedCell =>
    !hidden[i][j] ? { value: full[i][j], shown: 'value' } : primary[i][j] ? { value: null, shown: 'small' } : { value: null, shown: 'complement' };
  return {
    cells: counts.map((row, i) => row.map((_, j) => cell(i, j))),
    rowTotals: counts.map((_, i) => cell(i, columns)),
    columnTotals: Array.from({ length: columns }, (_, j) => cell(rows, j)),
    grandTotal: cell(rows, columns),
  };
}

export function withMargins(counts: readonly (readonly number[])[]): number[][] {
  const columns = counts[0]?.length ?? 0;
  const body = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: columns + 1 }, (_, j) => body.reduce((sum, row) => sum + row[j], 0));
  return [...body, totals];
}

/** A hidden cell whose value the published cells determine, or null when there is none. */
export function findBridge(hidden: readonly (readonly boolean[])[]): [number, number] | null {
  for (let i = 0; i < hidden.length; i++) {
    for (let j = 0; j < hidden[i].length; j++) {
      if (hidden[i][j] && !connectedWithout(hidden, i, j)) return [i, j];
    }
  }
  return null;
}

/** Whether row i and column j are joined through hidden cells other than (i, j) itself. */
function connectedWithout(hidden: readonly (readonly boolean[])[], i: number, j: number): boolean {
  const rowsSeen = new Set<number>([i]);
  const columnsSeen = new Set<number>();
  const queue: Array<['row' | 'column', number]> = [['row', i]];
  while (queue.length > 0) {
    const [side, index] = queue.shift()!;
    if (side === 'row') {
      hidden[index].forEach((isHidden, column) => {
        if (!isHidden || (index === i && column === j) || columnsSeen.has(column)) return;
        columnsSeen.add(column);
        queue.push(['column', column]);
      });
    } else {
      if (index === j) return true;
      hidden.forEach((row, r) => {
        if (!row[index] || (r === i && index === j) || rowsSeen.has(r)) return;
        rowsSeen.add(r);
        queue.push(['row', r]);
      });
    }
  }
  return false;
}

function hideCheapestRectangle(full: number[][], hidden: boolean[][], [i, j]: [number, number]): void {
  let best: { cost: number; cells: Array<[number, number]> } | null = null;
  for (let r = 0; r < full.length; r++) {
    for (let c = 0; c < full[0].length; c++) {
      if (r === i || c === j) continue;
      const cells: Array<[number, number]> = [[i, c], [r, j], [r, c]];
      // A hidden zero protects nothing: a line whose published total leaves zero for its hidden cells
      // shows each of them is zero. A rectangle of non-zero cells always exists (through the margins).
      if (cells.some(([a, b]) => !hidden[a][b] && full[a][b] === 0)) continue;
      const cost = cells.reduce((sum, [a, b]) => sum + (hidden[a][b] ? 0 : full[a][b]), 0);
      if (!best || cost < best.cost) best = { cost, cells };
    }
  }
  for (const [a, b] of best!.cells) hidden[a][b] = true;
}

/** A line is a row or a column of the table with its margins: its cells, then its total. */
type Line = { cells: Array<[number, number]>; total: [number, number] };

function linesOf(full: readonly (readonly number[])[]): Line[] {
  const last = { row: full.length - 1, column: full[0].length - 1 };
  const rows = full.map((_, i): Line => ({ cells: Array.from({ length: last.column }, (__, j): [number, number] => [i, j]), total: [i, last.column] }));
  const columns = full[0].map((_, j): Line => ({ cells: Array.from({ length: last.row }, (__, i): [number, number] => [i, j]), total: [last.row, j] }));
  return [...rows, ...columns];
}

/** A line with a published total in which the bounds of its hidden cells leave some `<5` a single value. */
function findPinnedLine(full: readonly (readonly number[])[], hidden: readonly (readonly boolean[])[], primary: readonly (readonly boolean[])[]): Line | null {
  for (const line of linesOf(full)) {
    const [ti, tj] = line.total;
    const unknown = line.cells.filter(([i, j]) => hidden[i][j]);
    if (hidden[ti][tj] || unknown.length === 0) continue;
    const rest = full[ti][tj] - line.cells.reduce((sum, [i, j]) => sum + (hidden[i][j] ? 0 : full[i][j]), 0);
    const high = ([i, j]: [number, number]) => (primary[i][j] ? SMALLEST_PUBLISHED - 1 : Infinity);
    const lows = unknown.length;
    const highs = unknown.reduce((sum, cell) => sum + high(cell), 0);
    const pinned = unknown.some((cell) => primary[cell[0]][cell[1]] && Math.max(1, rest - (highs - high(cell))) === Math.min(high(cell), rest - (lows - 1)));
    if (pinned) return line;
  }
  return null;
}

function hideOneMoreIn(full: readonly (readonly number[])[], hidden: boolean[][], line: Line): void {
  const shown = line.cells.filter(([i, j]) => !hidden[i][j] && full[i][j] > 0);
  const value = ([i, j]: [number, number]) => full[i][j];
  const smallest = shown.reduce<[number, number] | null>((least, cell) => (!least || value(cell) < value(least) ? cell : least), null);
  const [i, j] = smallest ?? line.total;
  hidden[i][j] = true;
}

/**
 * A `<5` whose value the published table pins, all lines and bounds combined, or null. The table with its
 * margins is a circulation: body cell (i, j) and the grand total flow from row i to column j, a row or column
 * total from column j to row i, and every row and column conserves flow. What a reader knows is every shown
 * count, each `<5` in 1-4 and each other hidden count at least 1. The true table is one such circulation; a `<5`
 * can take another value exactly when a unit cycle through it fits those bounds, that is when, without it, the
 * hidden cells with room to move join its ends in the residual graph.
 */
export function findExposedSmallCell(
  full: readonly (readonly number[])[],
  hidden: readonly (readonly boolean[])[],
  primary: readonly (readonly boolean[])[],
): [number, number] | null {
  const rows = full.length - 1;
  const columns = full[0].length - 1;
  const rowNode = (i: number) => i;
  const columnNode = (j: number) => rows + 1 + j;
  const isMargin = (i: number, j: number) => (i === rows) !== (j === columns);
  const ends = (i: number, j: number): [number, number] => (isMargin(i, j) ? [columnNode(j), rowNode(i)] : [rowNode(i), columnNode(j)]);
  const upper = (i: number, j: number) => (primary[i][j] ? SMALLEST_PUBLISHED - 1 : Infinity);
  const lower = 1;
  const hiddenCells: Array<[number, number]> = [];
  full.forEach((row, i) => row.forEach((_, j) => hidden[i][j] && hiddenCells.push([i, j])));

  // The residual graph once: each arc remembers the cell it moves, so a search can leave that cell out.
  const arcs = new Map<number, Array<{ to: number; cell: number }>>();
  const arc = (from: number, to: number, cell: number) => arcs.set(from, [...(arcs.get(from) ?? []), { to, cell }]);
  hiddenCells.forEach(([i, j], cell) => {
    const [a, b] = ends(i, j);
    if (full[i][j] < upper(i, j)) arc(a, b, cell);
    if (full[i][j] > lower) arc(b, a, cell);
  });
  const reachable = (from: number, to: number, skip: number): boolean => {
    const seen = new Set([from]);
    const queue = [from];
    while (queue.length > 0) {
      const node = queue.shift()!;
      if (node === to) return true;
      for (const next of arcs.get(node) ?? []) {
        if (next.cell === skip || seen.has(next.to)) continue;
        seen.add(next.to);
        queue.push(next.to);
      }
    }
    return false;
  };

  for (const [cell, [i, j]] of hiddenCells.entries()) {
    if (!primary[i][j]) continue;
    const [a, b] = ends(i, j);
    // More flow through (i, j) needs a way back from its head to its tail; less needs another way forward.
    const canGrow = full[i][j] < upper(i, j) && reachable(b, a, cell);
    const canShrink = full[i][j] > lower && reachable(a, b, cell);
    if (!canGrow && !canShrink) return [i, j];
  }
  return null;
}

/** Hides the smallest shown non-zero count of the exposed cell's row or column (a total included), else of the table. */
function hideOneMoreNear(full: readonly (readonly number[])[], hidden: boolean[][], [i, j]: [number, number]): boolean {
  const candidates = (cells: Array<[number, number]>) => cells.filter(([a, b]) => !hidden[a][b] && full[a][b] > 0);
  const all = full.flatMap((row, a) => row.map((_, b): [number, number] => [a, b]));
  const near = candidates(all.filter(([a, b]) => a === i || b === j));
  const choice = (near.length > 0 ? near : candidates(all)).reduce<[number, number] | null>(
    (least, cell) => (!least || full[cell[0]][cell[1]] < full[least[0]][least[1]] ? cell : least),
    null,
  );
  if (!choice) return false;
  hidden[choice[0]][choice[1]] = true;
  return true;
}
