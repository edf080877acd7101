/**
 * The integration suites share one database and NATS namespace per run, so indicator totals are exact only
 * before other suites have registered orders: the reporting suite runs first. The rest run in the order of
 * their paths, the same in every run: suites share the demo centres' few programmes (and some move their
 * services' clocks, which lets earlier suites' proposals lapse), so an order learnt from earlier runs'
 * durations and failures, jest's default, would make one run's outcome depend on the run before it.
 */
const Sequencer = require('@jest/test-sequencer').default;

class ReportingFirstSequencer extends Sequencer {
  sort(tests) {
    const rank = (test) => (test.path.endsWith('reporting.test.ts') ? 0 : 1);
    return [...tests].sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

module.exports = ReportingFirstSequencer;
