import fc from 'fast-check';
import { PublishedTable, suppressSmallCounts, withMargins } from './suppression';

/**
 * An independent check of what an attacker can solve: the hidden cells are unknowns of the linear system
 * "each row and column of the table with its margins sums to its total"; a hidden cell is derivable exactly
 * when its unit vector lies in the row space of that system (Gaussian elimination, ranks compared).
 */
function derivableHiddenCells(published: PublishedTable, rows: number, columns: number): Array<[number, number]> {
  const shown = [
    ...published.cells.map((row, i) => [...row, published.rowTotals[i]]),
    [...published.columnTotals, published.grandTotal],
  ];
  const unknowns: Array<[number, number]> = [];
  shown.forEach((row, i) => row.forEach((cell, j) => cell.shown !== 'value' && unknowns.push([i, j])));
  const index = new Map(unknowns.map(([i, j], k) => [`${i},${j}`, k]));
  const equations: number[][] = [];
  const equation = (cells: Array<[number, number, number]>) => {
    const coefficients = new Array(unknowns.length).fill(0);
    for (const [i, j, sign] of cells) {
      const k = index.get(`${i},${j}`);
      if (k !== undefined) coefficients[k] = sign;
    }
    equations.push(coefficients);
  };
  for (let i = 0; i <= rows; i++) equation(Array.from({ length: columns + 1 }, (_, j) => [i, j, j === columns ? -1 : 1]));
  for (let j = 0; j <= columns; j++) equation(Array.from({ length: rows + 1 }, (_, i) => [i, j, i === rows ? -1 : 1]));
  const base = rank(equations);
  return unknowns.filter((_, k) => rank([...equations, unknowns.map((__, m) => (m === k ? 1 : 0))]) === base);
}

function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  let r = 0;
  for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot], m[r]];
    for (let i = 0; i < m.length; i++) {
      if (i === r || Math.abs(m[i][c]) < 1e-9) continue;
      const f = m[i][c] / m[r][c];
      m[i] = m[i].map((v, k) => v - f * m[r][k]);
    }
    r++;
  }
  return r;
}

/** The published table with its margins, as a reader sees it. */
const shownWithMargins = (published: PublishedTable) => [
  ...published.cells.map((row, i) => [...row, published.rowTotals[i]]),
  [...published.columnTotals, published.grandTotal],
];

/**
 * An independent check of bounds combined over the whole table: whether some table the reader cannot tell from
 * the published one (same shown counts and totals, every `<5` 1 to 4, every hidden count at least 1) gives the
 * `<5` at (i, j) another value. If one does, one also does that moves each hidden count by at most one (the
 * difference of two such tables splits into unit cycles), so a search of the body's hidden counts within one of
 * their values, the margins following, is complete.
 */
function smallCellHasAnotherValue(published: PublishedTable, full: number[][], at: [number, number]): boolean {
  const rows = full.length - 1;
  const columns = full[0].length - 1;
  const shown = shownWithMargins(published);
  const fits = (cell: (typeof shown)[number][number], value: number, truth: number) =>
    cell.shown === 'value' ? value === truth : value >= 1 && (cell.shown !== 'small' || value <= 4);
  const unknowns: Array<[number, number]> = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) if (shown[i][j].shown !== 'value') unknowns.push([i, j]);
  const body = full.slice(0, rows).map((row) => row.slice(0, columns));
  const search = (k: number): boolean => {
    if (k === unknowns.length) {
      const candidate = withMargins(body);
      if (candidate[at[0]][at[1]] === full[at[0]][at[1]]) return false;
      return candidate.every((row, i) => row.every((value, j) => fits(shown[i][j], value, full[i][j])));
    }
    const [i, j] = unknowns[k];
    const truth = full[i][j];
    for (const value of [truth - 1, truth, truth + 1]) {
      if (!fits(shown[i][j], value, truth)) continue;
      body[i][j] = value;
      if (search(k + 1)) return true;
    }
    body[i][j] = truth;
    return false;
  };
  return search(0);
}

/** Random tables up to `side` × `side`, with many counts under 5 among larger ones up to `largest`. */
const tables = (side: number, largest: number) =>
  fc
    .record({ rows: fc.integer({ min: 1, max: side }), columns: fc.integer({ min: 1, max: side }) })
    .chain(({ rows, columns }) =>
      fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: largest })), { minLength: columns, maxLength: columns }), {
        minLength: rows,
        maxLength: rows,
      }),
    );
const table = tables(6, 40);

describe('small-number suppression', () => {
  it('leaves no hidden cell that the published cells and totals determine', () => {
    fc.assert(
      fc.property(table, (counts) => {
        const published = suppressSmallCounts(counts);
        expect(derivableHiddenCells(published, counts.length, counts[0].length)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('never shows a count from 1 to 4, never hides a zero, and shows every other cell it does not need to hide as is', () => {
    fc.assert(
      fc.property(table, (counts) => {
        const published = suppressSmallCounts(counts);
        const full = withMargins(counts);
        const shown = shownWithMargins(published);
        // A table whose bounds would pin a `<5` even with every count hidden is withheld: all `x`.
        const withheld = shown.flat().every((cell) => cell.shown === 'complement' || (cell.shown === 'value' && cell.value === 0));
        shown.forEach((row, i) =>
          row.forEach((cell, j) => {
            if (full[i][j] >= 1 && full[i][j] <= 4) expect(cell.shown).toBe(withheld ? 'complement' : 'small');
            if (cell.shown === 'value') expect(cell.value).toBe(full[i][j]);
            if (cell.shown === 'small') expect(full[i][j]).toBeLessThan(5);
            // Never a hidden zero: a line whose total leaves nothing for its hidden cells would reveal them.
            if (cell.shown !== 'value') expect(full[i][j]).toBeGreaterThan(0);
          }),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('leaves every <5 at least two values a row or column total allows, knowing <5 is 1-4 and a hidden partner at least 1', () => {
    fc.assert(
      fc.property(table, (counts) => {
        const published = suppressSmallCounts(counts);
        const shown = shownWithMargins(published);
        const lines = [...shown, ...shown[0].map((_, j) => shown.map((row) => row[j]))];
        for (const line of lines) {
          const total = line[line.length - 1];
          const cells = line.slice(0, -1);
          if (total.shown !== 'value') continue;
          const rest = total.value - cells.reduce((sum, cell) => sum + (cell.shown === 'value' ? cell.value : 0), 0);
          cells.forEach((cell, k) => {
            if (cell.shown !== 'small') return;
            const others = cells.filter((other, m) => m !== k && other.shown !== 'value');
            const most = others.some((other) => other.shown === 'complement') ? Infinity : others.length * 4;
            const possible = [1, 2, 3, 4].filter((value) => rest - value >= others.length && rest - value <= most);
            expect(possible.length).toBeGreaterThanOrEqual(2);
          });
        }
      }),
      { numRuns: 400 },
    );
  });

  it('leaves every <5 another value some table agreeing with everything published allows, bounds of all lines combined', () => {
    // Small enough for the plain search.
    const small = tables(3, 12);
    fc.assert(
      fc.property(small, (counts) => {
        const published = suppressSmallCounts(counts);
        const full = withMargins(counts);
        shownWithMargins(published).forEach((row, i) =>
          row.forEach((cell, j) => {
            if (cell.shown === 'small') expect({ at: [i, j], another: smallCellHasAnotherValue(published, full, [i, j]) }).toEqual({ at: [i, j], another: true });
          }),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('publishes a table without small counts unchanged', () => {
    const published = suppressSmallCounts([
      [12, 0],
      [7, 30],
    ]);
    expect(published.cells.flat().every((cell) => cell.shown === 'value')).toBe(true);
    expect(published.grandTotal).toEqual({ value: 49, shown: 'value' });
  });

  it.each([
    [[[1, 1], [1, 1]]],
    [[[1, 1, 1, 1]]],
  ])('withholds %j whole: four counts of at least 1 under a total below 5 are each 1', (counts) => {
    const published = suppressSmallCounts(counts);
    const everyCell = [...published.cells.flat(), ...published.rowTotals, ...published.columnTotals, published.grandTotal];
    expect(everyCell.map((cell) => cell.shown)).toEqual(everyCell.map(() => 'complement'));
  });

  it('hides a partner for a lone small cell so the row total cannot give it away', () => {
    const published = suppressSmallCounts([
      [3, 20, 9],
      [11, 15, 8],
    ]);
    expect(published.cells[0][0].shown).toBe('small');
    expect(published.cells[0].filter((cell) => cell.shown !== 'value').length).toBeGreaterThanOrEqual(2);
    expect(published.columnTotals[0].shown).toBe('value');
  });
});
