/**
 * JMH benchmarks. Run them with the command in {@code docs/benchmarks.md}; they are never part of the test suite.
 */
package org.smallbms.bench;
