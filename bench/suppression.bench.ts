import { suppressSmallCounts } from '../apps/reporting/src/indicators/suppression';
import { Random } from './seeded-random';

/**
 * How long the public view's suppression takes for its largest table (36 months × 10 oblast columns), for
 * tables from mostly large counts to nearly all small ones: the public view suppresses 21 such tables per request.
 */
const MONTHS = 36;
const OBLAST_COLUMNS = 10;
const TABLES = 20;

function tables(smallShare: number, seed: number): number[][][] {
  const random = new Random(seed);
  const count = () => (random.next() < smallShare ? Math.floor(random.next() * 5) : 5 + Math.floor(random.next() * 60));
  return Array.from({ length: TABLES }, () => Array.from({ length: MONTHS }, () => Array.from({ length: OBLAST_COLUMNS }, count)));
}

for (const smallShare of [0.1, 0.3, 0.6, 0.9]) {
  const inputs = tables(smallShare, 2026);
  const started = process.hrtime.bigint();
  let hidden = 0;
  for (const counts of inputs) {
    const published = suppressSmallCounts(counts);
    hidden += published.cells.flat().filter((cell) => cell.shown !== 'value').length;
  }
  const perTableMs = Number(process.hrtime.bigint() - started) / 1e6 / TABLES;
  console.log(
    `share of counts under 5: ${smallShare}  per ${MONTHS}×${OBLAST_COLUMNS} table: ${perTableMs.toFixed(1)} ms  hidden body cells: ${(hidden / TABLES).toFixed(1)} of ${MONTHS * OBLAST_COLUMNS}`,
  );
}
