package org.smallbms.app.report;

import java.util.ArrayList;
import java.util.List;
import org.smallbms.app.report.ReportTrace.Range;
import org.smallbms.app.report.ReportTrace.Run;
import org.smallbms.core.event.Event;

/**
 * Keeps what {@code report.html} draws while a run streams past, in memory bounded by {@link ReportTrace}'s limits
 * however long the run. A mutable accumulator with one owner, the {@link Recorder}.
 *
 * <p>The charts draw every {@code stride}-th sample, and the stride has to be known from the first sample on: it is
 * worked out from the samples the run is planned to take, which gives the points a list of every sample would give.
 * Should more samples come, the stride doubles and every other point is dropped, so the bound holds whatever comes.
 */
final class TraceKeeper {

    private final long spanSeconds;
    private long samples;
    private long stride;
    private final List<Sample> points = new ArrayList<>();
    private double voltsMin = Double.MAX_VALUE;
    private double voltsMax = -Double.MAX_VALUE;
    private double ampsMin = Double.MAX_VALUE;
    private double ampsMax = -Double.MAX_VALUE;
    private double cellsMin = Double.MAX_VALUE;
    private double cellsMax = -Double.MAX_VALUE;
    private final Lane atc;
    private final Lane atd;
    private final Lane preAlarm;
    private final List<Event> marks = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private long eventsLeftOut;

    /**
     * @param plannedSamples how many samples the run will take
     * @param spanSeconds how long the run is: the timeline's end
     */
    TraceKeeper(long plannedSamples, long spanSeconds) {
        this.stride = Math.max(1, plannedSamples / ReportTrace.CHART_POINTS);
        this.spanSeconds = Math.max(1, spanSeconds);
        // Runs closer than a ten-thousandth of the run (a tenth of a pixel of the report's charts) are the first to
        // be drawn as one, and only once an output has more runs than MAX_RUNS.
        long firstGap = Math.max(1, this.spanSeconds / 10_000);
        atc = new Lane(firstGap);
        atd = new Lane(firstGap);
        preAlarm = new Lane(firstGap);
    }

    void sample(Sample sample) {
        if (samples % stride == 0) {
            points.add(sample);
            if (points.size() >= ReportTrace.MAX_POINTS) {
                thin();
            }
        }
        samples++;
        voltsMin = Math.min(voltsMin, sample.volts());
        voltsMax = Math.max(voltsMax, sample.volts());
        ampsMin = Math.min(ampsMin, sample.amps());
        ampsMax = Math.max(ampsMax, sample.amps());
        cellsMin = Math.min(cellsMin, Math.min(sample.minCellVolts(), sample.maxCellVolts()));
        cellsMax = Math.max(cellsMax, Math.max(sample.minCellVolts(), sample.maxCellVolts()));
        atc.level(sample.seconds(), sample.atc());
        atd.level(sample.seconds(), sample.atd());
        preAlarm.level(sample.seconds(), sample.preAlarm());
    }

    /** More samples than planned: every other point goes, and the stride doubles. */
    private void thin() {
        int kept = 0;
        for (int i = 0; i < points.size(); i += 2) {
            points.set(kept++, points.get(i));
        }
        points.subList(kept, points.size()).clear();
        stride *= 2;
    }

    void event(Event event) {
        if (event.kind() == Event.Kind.MONITOR) {
            return;
        }
        if (events.size() < ReportTrace.TABLE_EVENTS) {
            events.add(event);
        } else {
            eventsLeftOut++;
        }
        boolean condition = event.kind() == Event.Kind.CODE || event.kind() == Event.Kind.STATE;
        if (condition && event.value().equals("active") && marks.size() < ReportTrace.MARKS) {
            marks.add(event);
        }
    }

    /** What the report draws of the run so far; an output still high runs to the end of the span. */
    ReportTrace trace() {
        return new ReportTrace(samples, points, stride, new Range(voltsMin, voltsMax), new Range(ampsMin, ampsMax),
                new Range(cellsMin, cellsMax), atc.runs(spanSeconds), atd.runs(spanSeconds),
                preAlarm.runs(spanSeconds), marks, events, eventsLeftOut);
    }

    /** One output's high runs, with at most {@link ReportTrace#MAX_RUNS} kept. */
    private static final class Lane {

        private final long firstGap;
        private final List<Run> runs = new ArrayList<>();
        private boolean high;
        private long from;
        /** Runs no further apart than this many seconds are one; 0 (every run apart) until the list first fills. */
        private long gap;

        Lane(long firstGap) {
            this.firstGap = firstGap;
        }

        void level(long seconds, boolean isHigh) {
            if (isHigh && !high) {
                high = true;
                from = seconds;
            } else if (!isHigh && high) {
                high = false;
                if (runs.size() >= ReportTrace.MAX_RUNS) {
                    coarsen();
                }
                add(runs, new Run(from, seconds), gap);
            }
        }

        /** Merges runs over ever wider gaps until the list is half full; a gap as long as the run merges them all. */
        private void coarsen() {
            List<Run> merged;
            do {
                gap = gap == 0 ? firstGap : gap > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : gap * 2;
                merged = new ArrayList<>();
                for (Run run : runs) {
                    add(merged, run, gap);
                }
            } while (merged.size() > ReportTrace.MAX_RUNS / 2);
            runs.clear();
            runs.addAll(merged);
        }

        private static void add(List<Run> runs, Run run, long gap) {
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && gap > 0 && run.fromSeconds() - last.toSeconds() <= gap) {
                runs.set(runs.size() - 1, new Run(last.fromSeconds(), run.toSeconds()));
            } else {
                runs.add(run);
            }
        }

        List<Run> runs(long end) {
            List<Run> all = new ArrayList<>(runs);
            if (high) {
                add(all, new Run(from, end), gap);
            }
            return all;
        }
    }
}
