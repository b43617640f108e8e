/**
 * JMH benchmarks: the control step, the simulation. Run them with {@code ./bench} (see {@code docs/benchmarks.md});
 * they are never part of the test suite and never assert a time.
 */
package org.smallbms.bench;
