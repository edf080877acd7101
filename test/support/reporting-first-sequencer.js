/**
 * The integration suites share one database and NATS namespace per run, so indicator totals are exact only
 * before other suites have registered orders: the reporting suite runs first, the rest in jest's own order.
 */
const Sequencer = require('@jest/test-sequencer').default;

class ReportingFirstSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const first = (test) => (test.path.endsWith('reporting.test.ts') ? 0 : 1);
    return [...sorted].sort((a, b) => first(a) - first(b));
  }
}

module.exports = ReportingFirstSequencer;
