package org.smallbms.sim.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.event.Event;
import org.smallbms.sim.battery.Battery;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.scenario.Scenarios;

/**
 * The protection's behaviour and the physics under it, pinned: every shipped scenario and four seeded 30-day closed
 * loops run as they did when the streams under {@code src/test/resources/.../differential/} were recorded, event for
 * event, causes included, and figure for figure, to the last bit of every double the time series is made of. A
 * change to how the code is written (a rule table in place of code, a system split into parts, a fast path beside a
 * readable one) must leave every stream as it was; a change of behaviour shows here first, with the first event or
 * hour that differs, and is recorded again on purpose:
 * {@code mvn -pl smallbms-sim -am test -Dtest=ProtectionDifferentialTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsmallbms.record=true}, from the project root.
 */
class ProtectionDifferentialTest {

    private static final String RESOURCE = "/org/smallbms/sim/differential/";
    private static final Path SOURCE = Path.of("src", "test", "resources", "org", "smallbms", "sim", "differential");

    /** A run to pin: its name and how to make it. */
    record Case(String name, ScenarioSource source) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Makes a scenario. */
    interface ScenarioSource {
        Scenario get() throws ScenarioException;
    }

    static Stream<Case> shipped() {
        List<Case> cases = new ArrayList<>();
        for (String name : Scenarios.BUILT_IN) {
            cases.add(new Case(name, () -> Scenarios.builtIn(name)));
        }
        return cases.stream();
    }

    static Stream<Case> loops() {
        List<Case> cases = new ArrayList<>();
        // Four 30-day closed loops of ClosedLoopPropertyTest's random systems, with fixed draws.
        double[][] draws = {{12, 1.5, 200, 60}, {25, 4, 60, 10}, {0.5, 0.2, 400, 95}, {18, 2.5, 120, 35}};
        List<List<Integer>> hours = List.of(List.of(5, 30, 200, 480), List.of(1, 2, 3, 700, 719),
                List.of(100, 101, 350), List.of(20, 40, 60, 80, 400, 600));
        for (int i = 0; i < draws.length; i++) {
            double[] d = draws[i];
            List<Integer> h = hours.get(i);
            int seed = 1_000 + i * 7_919;
            cases.add(new Case("closed-loop-30d-" + (i + 1), () -> Scenarios.parse(ClosedLoopPropertyTest.yaml(d[0],
                    d[1], d[2], d[3], h, seed), "closed-loop-" + seed)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    @DisplayName("PROT-10 the shipped scenarios give the same events, causes included, and the same time series, bit "
            + "for bit, as when they were recorded")
    void shippedScenarios_sameEventsAsRecorded(Case run) throws Exception {
        sameEventsAsRecorded(run);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loops")
    @Tag("slow")
    @DisplayName("PROT-10 four seeded 30-day closed loops give the same events, causes included, and the same time "
            + "series, bit for bit, as when they were recorded")
    void thirtyDayLoops_sameEventsAsRecorded(Case run) throws Exception {
        sameEventsAsRecorded(run);
    }

    private static void sameEventsAsRecorded(Case run) throws Exception {
        SeriesPrint series = new SeriesPrint();
        List<String> events = new ArrayList<>();
        for (Event event : Run.of(run.source().get(), series).events()) {
            // One line an event: a cause never spans lines, but if one did the file would still read back.
            events.add(event.toString().replace('\n', ' '));
        }
        sameAsRecorded(run.name(), ".events.gz", "event", events);
        sameAsRecorded(run.name(), ".series.gz", "line of the time series", series.lines());
    }

    private static void sameAsRecorded(String name, String suffix, String what, List<String> lines)
            throws IOException {
        List<String> recorded = Boolean.getBoolean("smallbms.record") ? record(name + suffix, lines)
                : recorded(name + suffix);
        for (int i = 0; i < Math.min(lines.size(), recorded.size()); i++) {
            assertThat(lines.get(i)).as(name + ": " + what + " " + (i + 1) + " of " + recorded.size()
                    + " recorded").isEqualTo(recorded.get(i));
        }
        assertThat(lines).as(name + ": as many lines as recorded (" + what + ")").hasSameSizeAs(recorded);
    }

    /**
     * The physics of a run, to the last bit: every simulated hour a line of the figures the time series and the
     * report are made of, each written so that it reads back to the same double, and at the end one line with a
     * fingerprint of those figures at every tick, so a difference between the hourly lines shows too.
     */
    static final class SeriesPrint implements Simulation.Observer {

        private final List<String> lines = new ArrayList<>();
        private long ticks;
        private long print = 1;

        @Override
        public void tick(Instant at, BmsState bms, SimulatedSystem world) {
            ticks++;
            List<Battery> batteries = world.bank().batteries();
            double[] figures = new double[13 + 2 * batteries.size()];
            figures[0] = world.soc();
            figures[1] = world.bank().stepVolts();
            figures[2] = world.bankAmps();
            figures[3] = world.bmsAmps();
            figures[4] = world.minCellVolts();
            figures[5] = world.maxCellVolts();
            figures[6] = world.ambientCelsius();
            figures[7] = world.irradiance();
            figures[8] = world.chargedJoules();
            figures[9] = world.dischargedJoules();
            figures[10] = world.bmsJoules();
            figures[11] = world.bank().heatJoules();
            figures[12] = bms.socPermille().orElse(-1);
            for (int i = 0; i < batteries.size(); i++) {
                figures[13 + 2 * i] = batteries.get(i).soc();
                figures[14 + 2 * i] = batteries.get(i).celsius();
            }
            List<Placement> placements = world.placements();
            double[] components = new double[2 * placements.size()];
            for (int i = 0; i < placements.size(); i++) {
                components[2 * i] = world.componentAmps(i);
                components[2 * i + 1] = world.componentJoules(i);
            }
            for (double figure : figures) {
                print = print * 1_000_003L + Double.doubleToLongBits(figure);
            }
            for (double figure : components) {
                print = print * 1_000_003L + Double.doubleToLongBits(figure);
            }
            if (at.getEpochSecond() % 3600 == 0 && at.getNano() == 0) {
                StringBuilder line = new StringBuilder(at.toString());
                for (double figure : figures) {
                    line.append(' ').append(figure);
                }
                for (double figure : components) {
                    line.append(' ').append(figure);
                }
                lines.add(line.toString());
            }
        }

        List<String> lines() {
            List<String> all = new ArrayList<>(lines);
            all.add("ticks " + ticks + " fingerprint " + Long.toHexString(print));
            return all;
        }
    }

    private static List<String> recorded(String file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = ProtectionDifferentialTest.class.getResourceAsStream(RESOURCE + file)) {
            assertThat(in).as(file + " has no recorded stream; record it with -Dsmallbms.record=true").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                    StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Writes the stream into the source tree, for the next runs to compare with, and returns it. */
    private static List<String> record(String file, List<String> events) throws IOException {
        Files.createDirectories(SOURCE);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(SOURCE.resolve(file)));
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (String event : events) {
                writer.write(event);
                writer.write('\n');
            }
        }
        return events;
    }
}
