/**
 * How the device writes a figure in text: volts, amps, degrees Celsius and percent ({@link Figures}), and the digits
 * beneath them ({@link Decimals}). One place decides how a volt figure is written, so an event's cause, the CLI's
 * status line, a report and a design check say the same value the same way; each caller picks the decimals its
 * figure deserves (a cell reading to the millivolt, a bank voltage to the centivolt, a nominal voltage to the
 * decivolt).
 *
 * <p>Every form writes exactly what {@code String.format(Locale.ROOT, "%.Nf")} writes for the same double, so the
 * text of simulated event streams does not depend on which helper wrote it. Depends on the JDK only.
 */
package org.smallbms.core.text;
