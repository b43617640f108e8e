package org.smallbms.app.report;

import java.util.List;
import org.smallbms.core.event.Event;

/**
 * What {@code report.html} draws, of a run of any length, in bounded form: the charts' points, each chart's range over
 * every sample, each output's high runs for the timeline, the codes marked on it and the first events for the table.
 * The full record of the run is in the files streamed while it ran ({@code timeseries.csv}, {@code events.jsonl});
 * a report of a year holds no more than one of a day.
 *
 * @param samples how many samples the run took (rows of {@code timeseries.csv})
 * @param points the samples the charts draw: every {@code stride}-th, from the first
 * @param stride the step between drawn samples: {@code max(1, samples / CHART_POINTS)}, or a multiple of it by a
 *     power of two should a run take more samples than planned
 * @param volts the bank voltage's range over every sample
 * @param amps the bank current's range over every sample
 * @param cells the lowest and highest cell over every sample
 * @param atc the times the Charge disconnect output was high, as runs from sample to sample
 * @param atd the same for the Load disconnect output
 * @param preAlarm the same for the pre-alarm output
 * @param marks the first {@link #MARKS} codes and states raised ({@code active}), in order
 * @param events the first {@link #TABLE_EVENTS} events other than the monitor's, in order
 * @param eventsLeftOut how many more there were
 */
public record ReportTrace(long samples, List<Sample> points, long stride, Range volts, Range amps, Range cells,
        List<Run> atc, List<Run> atd, List<Run> preAlarm, List<Event> marks, List<Event> events, long eventsLeftOut) {

    /** The charts draw every {@code samples / CHART_POINTS}-th sample: more points than pixels make the page heavy. */
    public static final int CHART_POINTS = 1500;
    /**
     * The most points kept for the charts. A run with fewer samples draws them all; with more, a stride of at least 2
     * keeps at most {@code 1.5 CHART_POINTS}, so only a run that took more samples than planned reaches this.
     */
    public static final int MAX_POINTS = 2 * CHART_POINTS;
    /** The most high runs kept per output; beyond, runs with short gaps between them are drawn as one. */
    public static final int MAX_RUNS = 2000;
    /** Codes marked on the timeline: more labels than this overlap into a smear. */
    public static final int MARKS = 200;
    /** Events in the report's table; the rest are in {@code events.jsonl}. */
    public static final int TABLE_EVENTS = 500;

    public ReportTrace {
        points = List.copyOf(points);
        atc = List.copyOf(atc);
        atd = List.copyOf(atd);
        preAlarm = List.copyOf(preAlarm);
        marks = List.copyOf(marks);
        events = List.copyOf(events);
    }

    /**
     * A range of values: the lowest and highest seen; {@code Double.MAX_VALUE} and {@code -Double.MAX_VALUE} when
     * there was none.
     */
    public record Range(double min, double max) {
    }

    /**
     * An output high from one sample to the first sample that found it low (or the end of the run).
     *
     * @param fromSeconds since the start
     * @param toSeconds since the start
     */
    public record Run(long fromSeconds, long toSeconds) {
    }
}
