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
 */
export function suppressSmallCounts(counts: readonly (readonly number[])[]): PublishedTable {
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  const full = withMargins(counts);
  const hidden = full.map((row) => row.map((value) => value > 0 && value < SMALLEST_PUBLISHED));
  const primary = hidden.map((row) => [...row]);
  for (let bridge = findBridge(hidden); bridge; bridge = findBridge(hidden)) {
    hideCheapestRectangle(full, hidden, bridge);
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
