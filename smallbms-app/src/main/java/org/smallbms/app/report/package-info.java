/**
 * What an accelerated simulation leaves behind: {@code events.jsonl}, {@code timeseries.csv}, {@code summary.json}
 * and {@code report.html} (charts as inline SVG, readable offline). {@link org.smallbms.app.report.Recorder} watches
 * a run; the writers turn what it kept into files. Times are seconds since the start of the run; voltages in V,
 * currents in A (positive charging), energies in Wh, temperatures in °C, SoC in percent.
 */
package org.smallbms.app.report;
