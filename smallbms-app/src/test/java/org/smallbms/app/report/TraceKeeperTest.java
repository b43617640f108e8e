package org.smallbms.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.app.report.ReportTrace.Run;
import org.smallbms.core.event.Event;

/** The report's trace stays bounded whatever comes, and the report says what it left out. */
class TraceKeeperTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    private static Sample sample(long seconds, boolean high) {
        return new Sample(seconds, 50, 50, 13.2, seconds % 7 - 3, 3.3, 3.31, 20, 20, high, !high, high, Double.NaN);
    }

    private static Event code(long seconds, String value) {
        return new Event(START.plusSeconds(seconds), Event.Kind.CODE, "W-B01", value, "test");
    }

    @Test
    @DisplayName("a million samples where ten were planned, every output changing at every sample: the points and "
            + "runs kept stay within their bounds, the points are every stride-th sample and the runs cover the run")
    void sample_farMoreThanPlannedAndFlapping_staysBounded() {
        TraceKeeper keeper = new TraceKeeper(10, 1_000_000);
        for (long t = 0; t < 1_000_000; t++) {
            keeper.sample(sample(t, t % 2 == 0));
        }

        ReportTrace trace = keeper.trace();
        assertThat(trace.samples()).isEqualTo(1_000_000);
        assertThat(trace.points()).hasSizeBetween(ReportTrace.MAX_POINTS / 2, ReportTrace.MAX_POINTS);
        assertThat(Long.bitCount(trace.stride())).as("a power of two times the planned stride of 1").isEqualTo(1);
        for (int i = 0; i < trace.points().size(); i++) {
            assertThat(trace.points().get(i).seconds()).isEqualTo(i * trace.stride());
        }
        assertThat(trace.amps().min()).isEqualTo(-3);
        assertThat(trace.amps().max()).isEqualTo(3);
        for (List<Run> runs : List.of(trace.atc(), trace.atd(), trace.preAlarm())) {
            assertThat(runs).hasSizeBetween(1, ReportTrace.MAX_RUNS);
            assertThat(runs.get(0).fromSeconds()).isLessThanOrEqualTo(1);
            assertThat(runs.get(runs.size() - 1).toSeconds()).isGreaterThanOrEqualTo(999_999);
        }
    }

    @Test
    @DisplayName("the samples planned give the stride a list of every sample would: all of them under 3000, every "
            + "(n / 1500)-th above")
    void sample_asPlanned_strideIsSamplesOverChartPoints() {
        TraceKeeper few = new TraceKeeper(2999, 2999);
        TraceKeeper many = new TraceKeeper(10_000, 10_000);
        for (long t = 0; t < 10_000; t++) {
            if (t < 2999) {
                few.sample(sample(t, true));
            }
            many.sample(sample(t, true));
        }

        assertThat(few.trace().points()).hasSize(2999);
        assertThat(many.trace().stride()).isEqualTo(6);
        assertThat(many.trace().points()).hasSize(1667);
        assertThat(many.trace().atc()).containsExactly(new Run(0, 10_000));
    }

    @Test
    @DisplayName("a hundred thousand events: the table keeps the first 500 and counts the rest, the timeline the "
            + "first 200 codes raised, and monitor events are neither")
    void event_manyEvents_keepsTheFirstAndCountsTheRest() {
        TraceKeeper keeper = new TraceKeeper(1, 1);
        for (long t = 0; t < 100_000; t++) {
            keeper.event(code(t, t % 2 == 0 ? "active" : "cleared"));
            keeper.event(new Event(START.plusSeconds(t), Event.Kind.MONITOR, "soc", "50", "test"));
        }

        ReportTrace trace = keeper.trace();
        assertThat(trace.events()).hasSize(ReportTrace.TABLE_EVENTS).allMatch(e -> e.kind() == Event.Kind.CODE);
        assertThat(trace.events().get(499).at()).isEqualTo(START.plusSeconds(499));
        assertThat(trace.eventsLeftOut()).isEqualTo(100_000 - ReportTrace.TABLE_EVENTS);
        assertThat(trace.marks()).hasSize(ReportTrace.MARKS).allMatch(e -> e.value().equals("active"));
        assertThat(trace.marks().get(199).at()).isEqualTo(START.plusSeconds(398));
    }

    @Test
    @DisplayName("the report says how many events its table left out, and lists the codes raised by name, the same "
            + "for the same run")
    void write_eventsLeftOut_saysHowManyAndCodesInOrder() throws Exception {
        TraceKeeper keeper = new TraceKeeper(1, 600);
        keeper.sample(sample(0, true));
        for (long t = 0; t < 501 + 41; t++) {
            keeper.event(code(t, "active"));
        }
        Summary summary = new Summary("s", 1, 600, 1, 50, 40, "50 %", "", 3.2, 3.4, 0, 0, 0,
                Map.of("W-B01", 1, "A-B01", 2, "E-B09", 3), 0, 0, List.of());
        StringWriter html = new StringWriter();

        ReportHtml.write(html, "s", "d", summary, keeper.trace(), START);

        assertThat(html.toString()).contains("… and 42 more events, left out here: every event is in events.jsonl",
                "A-B01 × 2, E-B09 × 3, W-B01 × 1");
    }
}
