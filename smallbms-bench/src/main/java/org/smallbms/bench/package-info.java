/**
 * JMH benchmarks: how long a simulation step takes (one cell; a 400-cell bank). A benchmark, never a test; the
 * figures go to {@code docs/benchmarks.md}.
 *
 * <p>Times in nanoseconds per operation. Depends on the modules it measures and JMH; nothing depends on it.
 */
package org.smallbms.bench;
