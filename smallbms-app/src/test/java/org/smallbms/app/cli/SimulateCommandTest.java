package org.smallbms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smallbms simulate} and {@code smallbms check} run in-process; their files are parsed and checked. */
class SimulateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    @DisplayName("CLS-01 the report of a classic system charts what its SmartShunt shows beside the batteries' own "
            + "SoC, and the time series carries it; a system without a monitor charts the batteries' alone")
    void simulate_classicWithSmartShunt_reportChartsTheMonitorsSoc() throws IOException {
        Path classic = dir.resolve("classic");
        assertThat(run("simulate", "classic-3.3.1-solar-batteryprotect", "--out", classic.toString(), "--duration",
                "2d", "--interval", "10m")).isZero();
        String html = Files.readString(classic.resolve("report.html"));
        String socChart = html.substring(html.indexOf("<h2>State of charge"), html.indexOf("<h2>Bank voltage"));
        assertThat(socChart).contains("what the battery monitor shows (blue)", "stroke=\"#36c\"", "stroke=\"#2a7\"");
        assertThat(html).contains("battery monitor shows").doesNotContain("BMS shows");
        assertThat(out.toString()).contains("battery monitor shows");
        JsonNode summary = JSON.readTree(classic.resolve("summary.json").toFile());
        assertThat(summary.get("finalBmsSoc").asText()).isEqualTo("none");
        assertThat(summary.get("finalMonitorSoc").asText()).matches("\\d+\\.\\d %");
        List<String> rows = Files.readAllLines(classic.resolve("timeseries.csv"));
        assertThat(rows.get(0)).endsWith(",monitor_soc_percent");
        assertThat(rows.get(rows.size() - 1)).matches(".*,\\d+\\.\\d$");

        Path ng = dir.resolve("ng");
        assertThat(run("simulate", "ng-3.3.1-solar-batteryprotect", "--out", ng.toString(), "--duration", "1d",
                "--interval", "10m")).isZero();
        String ngHtml = Files.readString(ng.resolve("report.html"));
        String ngChart = ngHtml.substring(ngHtml.indexOf("<h2>State of charge"), ngHtml.indexOf("<h2>Bank voltage"));
        assertThat(ngChart).doesNotContain("battery monitor", "#36c").contains("stroke=\"#2a7\"");
        assertThat(ngHtml).contains("BMS shows").doesNotContain("battery monitor shows");
        assertThat(JSON.readTree(ng.resolve("summary.json").toFile()).get("finalMonitorSoc").asText()).isEmpty();
    }

    @Test
    @DisplayName("SYS-05 simulate writes four files: events with t, kind, name, value and cause; a time series; a "
            + "summary; an offline HTML report; the reserve's end is a finding")
    void simulate_residualDrain_writesFourFiles() throws IOException {
        int exit = run("simulate", "residual-drain", "--out", dir.toString(), "--interval", "10m");

        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
            events.add(JSON.readTree(line));
        }
        assertThat(events).allSatisfy(e -> assertThat(e.fieldNames()).toIterable()
                .contains("t", "kind", "name", "value", "cause"));
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("output");
            assertThat(e.get("name").asText()).isEqualTo("ATD");
            assertThat(e.get("value").asText()).isEqualTo("FLOATING");
        });
        assertThat(events).anySatisfy(e -> assertThat(e.get("name").asText()).isEqualTo("A-B01"));
        List<String> csv = Files.readAllLines(dir.resolve("timeseries.csv"));
        assertThat(csv.get(0)).startsWith("t_s,soc_percent");
        assertThat(csv).hasSize(1 + 14 * 24 * 6);
        assertThat(csv.get(2).split(",", -1)).hasSize(13);
        JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.get("simulatedSeconds").asLong()).isEqualTo(14 * 86_400L);
        assertThat(summary.get("codes").get("A-B01").asInt()).isEqualTo(1);
        assertThat(summary.get("atdOffSeconds").asLong()).isGreaterThan(10 * 86_400L);
        assertThat(summary.has("preAlarmOnSeconds")).as("the pre-alarm's time is on-time, named so").isTrue();
        assertThat(summary.has("secondsOff")).isFalse();
        assertThat(summary.get("findings").toString()).contains("reserve exhausted");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<svg", "polyline", "A-B01", "State of charge").doesNotContain("<script", "src=",
                "href=");
        assertThat(out.toString()).contains("Codes: A-B01 ×1", "Finding: reserve exhausted", "report.html");
    }

    @Test
    @DisplayName("simulate --duration and --seed override the file; the same seed gives the same events")
    void simulate_durationAndSeed_deterministic() throws IOException {
        Path first = dir.resolve("a");
        Path second = dir.resolve("b");
        run("simulate", "ng-3.3.1-solar-batteryprotect", "--out", first.toString(), "--duration", "1d6h", "--seed",
                "9");
        run("simulate", "ng-3.3.1-solar-batteryprotect", "--out", second.toString(), "--duration", "1d6h", "--seed",
                "9");

        assertThat(JSON.readTree(first.resolve("summary.json").toFile()).get("simulatedSeconds").asLong())
                .isEqualTo(30 * 3600L);
        assertThat(Files.readAllLines(first.resolve("events.jsonl")))
                .isEqualTo(Files.readAllLines(second.resolve("events.jsonl")));
    }

    @Test
    @DisplayName("a malformed scenario is refused with its line and field; nothing runs and no file is written")
    void simulate_malformed_refusedNothingWritten() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "name: bad\nbatteries: {model: ng-12v8-100ah, colour: red}\n");
        Path target = dir.resolve("never");

        int exit = run("simulate", file.toString(), "--out", target.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("bad.yaml:2: batteries.colour: unknown field \"colour\"",
                "Nothing was run");
        assertThat(target).doesNotExist();
    }

    @Test
    @DisplayName("SYS-01 check: a shipped example passes with exit 0; an MPPT without its cable fails with exit 1 and "
            + "the fix")
    void check_goodAndBadDesigns() throws IOException {
        assertThat(run("check", "ng-3.3.1-solar-batteryprotect")).isZero();
        assertThat(out.toString()).contains("0 error(s)");

        Path file = dir.resolve("mppt.yaml");
        Files.writeString(file, """
                name: mppt
                batteries: {model: ng-12v8-100ah}
                components:
                  - {name: solar, type: solar-charger, panelWatts: 200, maxAmps: 15,
                     control: {output: charge-disconnect}}
                """);
        StringWriter second = new StringWriter();
        int exit = Main.execute(new PrintWriter(second, true), new PrintWriter(err, true), "check", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(second.toString()).contains("ERROR   SYS-01  Appendix A  solar:", "fix:",
                "VE.Direct non-inverting remote on/off cable", "1 error(s)");
    }

    @Test
    @DisplayName("check on a file that does not exist exits 2 with the reason")
    void check_missingFile_exit2() {
        assertThat(run("check", dir.resolve("none.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("none.yaml: no such file", "Nothing was checked.");
    }

    @Test
    @DisplayName("simulate --batteries writes each battery at every sample: in parallel, their currents add up to the "
            + "bank's of the same row")
    void simulate_batteries_eachBatteryEveryRow() throws IOException {
        int exit = run("simulate", "off-grid-cloudy-week", "--out", dir.toString(), "--duration", "1d", "--interval",
                "1h", "--batteries");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("batteries.csv");
        List<String> bank = Files.readAllLines(dir.resolve("timeseries.csv"));
        List<String> batteries = Files.readAllLines(dir.resolve("batteries.csv"));
        assertThat(batteries.get(0)).isEqualTo("t_s,battery,soc_percent,amps,min_cell_volts,max_cell_volts,celsius");
        assertThat(batteries).hasSize(1 + 2 * (bank.size() - 1));
        for (int row = 1; row < bank.size(); row++) {
            String[] whole = bank.get(row).split(",");
            String[] first = batteries.get(2 * row - 1).split(",");
            String[] second = batteries.get(2 * row).split(",");
            assertThat(first[0]).isEqualTo(whole[0]).isEqualTo(second[0]);
            assertThat(List.of(first[1], second[1])).containsExactly("HQ24010001", "HQ24010002");
            assertThat(Double.parseDouble(first[3]) + Double.parseDouble(second[3])).as("row %s", whole[0])
                    .isCloseTo(Double.parseDouble(whole[4]), org.assertj.core.api.Assertions.within(0.003));
            assertThat(Math.min(Double.parseDouble(first[4]), Double.parseDouble(second[4])))
                    .isCloseTo(Double.parseDouble(whole[5]), org.assertj.core.api.Assertions.within(0.0001));
        }
    }
}
