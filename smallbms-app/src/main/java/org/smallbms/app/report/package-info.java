/**
 * What an accelerated simulation leaves behind: {@code events.jsonl}, {@code timeseries.csv}, {@code summary.json}
 * and {@code report.html} (charts as inline SVG, readable offline). {@link org.smallbms.app.report.Recorder} watches
 * a run and streams the events and the time series as they come; the summary and the report are written at the end,
 * from its counts and from a {@link org.smallbms.app.report.ReportTrace}, bounded however long the run. Times are
 * seconds since the start of the run; voltages in V, currents in A (positive charging), energies in Wh, temperatures
 * in °C, SoC in percent.
 */
package org.smallbms.app.report;
