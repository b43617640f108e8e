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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smallbms.core.event.Event;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.scenario.Scenarios;

/**
 * The protection's behaviour, pinned: every shipped scenario and four seeded 30-day closed loops run as they did when
 * the streams under {@code src/test/resources/.../differential/} were recorded, event for event, causes included. A
 * change to how the rules are written (a table in place of code) must leave every stream as it was; a change of
 * behaviour shows here first, with the first event that differs, and is recorded again on purpose:
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
    @DisplayName("PROT-10 the shipped scenarios give the same events, causes included, as when they were recorded")
    void shippedScenarios_sameEventsAsRecorded(Case run) throws Exception {
        sameEventsAsRecorded(run);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loops")
    @Tag("slow")
    @DisplayName("PROT-10 four seeded 30-day closed loops give the same events, causes included, as when they were "
            + "recorded")
    void thirtyDayLoops_sameEventsAsRecorded(Case run) throws Exception {
        sameEventsAsRecorded(run);
    }

    private static void sameEventsAsRecorded(Case run) throws Exception {
        List<String> events = new ArrayList<>();
        for (Event event : Run.of(run.source().get()).events()) {
            // One line an event: a cause never spans lines, but if one did the file would still read back.
            events.add(event.toString().replace('\n', ' '));
        }
        List<String> recorded = Boolean.getBoolean("smallbms.record") ? record(run.name(), events)
                : recorded(run.name());
        for (int i = 0; i < Math.min(events.size(), recorded.size()); i++) {
            assertThat(events.get(i)).as(run.name() + ": event " + (i + 1) + " of " + recorded.size()
                    + " recorded").isEqualTo(recorded.get(i));
        }
        assertThat(events).as(run.name() + ": as many events as recorded").hasSameSizeAs(recorded);
    }

    private static List<String> recorded(String name) throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = ProtectionDifferentialTest.class.getResourceAsStream(RESOURCE + name + ".events.gz")) {
            assertThat(in).as(name + " has no recorded stream; record it with -Dsmallbms.record=true").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                    StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Writes the stream into the source tree, for the next runs to compare with, and returns it. */
    private static List<String> record(String name, List<String> events) throws IOException {
        Files.createDirectories(SOURCE);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(SOURCE.resolve(name + ".events.gz")));
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (String event : events) {
                writer.write(event);
                writer.write('\n');
            }
        }
        return events;
    }
}
