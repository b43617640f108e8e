package org.smallbms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.app.readout.Container;
import org.smallbms.app.readout.Decoder;
import org.smallbms.app.readout.ReadoutKey;
import org.smallbms.app.store.Store;
import org.smallbms.core.bms.PersistedState;
import org.smallbms.core.settings.Setting;

class RunCommandTest {

    /** The port a device's own MQTT broker takes unless told otherwise. */
    private static final int MQTT_DEFAULT_PORT = 1883;

    /**
     * A new device started at midnight synchronises in the morning and raises the low SoC warning at about 05:00 the
     * next day.
     */
    private static final String MIDNIGHT = "2026-06-01T00:00:00Z";

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        // A free port for the device's MQTT broker too, unless the test gives one.
        return List.of(args).contains("--mqtt-port") ? runOnDefaultMqttPort(args)
                : runOnDefaultMqttPort(concat(args, "--mqtt-port", "0"));
    }

    private static String[] concat(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** {@code run} with MQTT's default port unless the arguments name one. */
    private int runOnDefaultMqttPort(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        // A free port for the web app each time, unless the test gives one: runs in one JVM, and CI, never contend
        // for the default 8080.
        List<String> all = new ArrayList<>(List.of("run"));
        if (!List.of(args).contains("--port")) {
            all.addAll(List.of("--port", "0"));
        }
        all.addAll(List.of(args));
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    }

    private PersistedState stored(Path data) throws Exception {
        try (Store store = Store.open(data, Instant.now())) {
            return store.load().orElseThrow().state();
        }
    }

    @Test
    @DisplayName("SET-04 HIST-04 MON-07 REM-03 stopping and starting again keeps settings, mode, history and SoC")
    void run_stopAndRestart_keepsSettingsHistoryAndSoc() throws Exception {
        Path data = dir.resolve("data");
        int first = run("--speed", "max", "--data", data.toString(), "--duration", "2h", "--set-soc", "60",
                "--set", "lowSocWarning=30", "--mode", "off");

        assertThat(first).isZero();
        assertThat(out.toString()).contains("a new device").contains("running at as fast as possible")
                .contains("state saved");
        PersistedState stopped = stored(data);
        assertThat(stopped.settings().get(Setting.LOW_SOC_WARNING)).isEqualTo(30);
        assertThat(stopped.settings().modeOn()).isFalse();
        assertThat(stopped.monitor().socKnown()).isTrue();

        int second = run("--speed", "max", "--data", data.toString(), "--duration", "2h", "--mode", "on");

        assertThat(second).isZero();
        assertThat(out.toString()).contains("restored (SoC " + stopped.monitor().socText());
        PersistedState restarted = stored(data);
        assertThat(restarted.settings().get(Setting.LOW_SOC_WARNING)).isEqualTo(30);
        assertThat(restarted.settings().modeOn()).isTrue();
        assertThat(restarted.monitor().socKnown()).isTrue();
        assertThat(restarted.history().drawnMicrocoulombs()).isGreaterThan(stopped.history().drawnMicrocoulombs());
    }

    @Test
    @DisplayName("SET-04 a restarted device keeps its stored settings and SoC: the scenario's initial ones are for a "
            + "new device only")
    void run_restartUnderScenarioWithInitialSettings_keepsStoredOnes() throws Exception {
        Path scenario = dir.resolve("initial.yaml");
        Files.writeString(scenario, """
                name: initial
                bms: {socKnown: true, settings: {lowSocWarning: 25}}
                batteries: {model: ng-12v8-100ah, soc: 80}
                """);
        Path data = dir.resolve("data");
        run("--scenario", scenario.toString(), "--speed", "max", "--data", data.toString(), "--duration", "1h",
                "--set", "lowSocWarning=30", "--set-soc", "50");
        PersistedState stopped = stored(data);
        assertThat(stopped.settings().get(Setting.LOW_SOC_WARNING)).isEqualTo(30);
        assertThat(stopped.monitor().socPermille()).isBetween(490, 500);

        int second = run("--scenario", scenario.toString(), "--speed", "max", "--data", data.toString(),
                "--duration", "1h");

        assertThat(second).isZero();
        PersistedState restarted = stored(data);
        assertThat(restarted.settings().get(Setting.LOW_SOC_WARNING)).isEqualTo(30);
        // The SoC goes on from where it stopped, not back to the scenario's 80 %.
        assertThat(restarted.monitor().socPermille()).isBetween(490, 500);
    }

    @Test
    @DisplayName("MON-02 MON-04 PROT-04 PROT-07 the default device (§3.3.1 sized for a cycle a day, from midnight) "
            + "synchronises to 100 % on its first day and raises the low SoC warning with the pre-alarm before its "
            + "second dawn, the time remaining on its status line: two minutes at the default 1440×")
    void run_defaultWorld_synchronisesThenWarnsWithinTwoDays() {
        run("--speed", "max", "--data", dir.resolve("data").toString(), "--start", MIDNIGHT, "--duration", "2d");

        String printed = out.toString();
        assertThat(printed).containsPattern("monitor +SoC +100\\.0 % +synchronised")
                .containsPattern("code +W-B07 +active").containsPattern("output +PRE_ALARM +HIGH +W-B07")
                .containsPattern("SoC \\d+\\.\\d % .* -\\d+\\.\\d A  (\\d+h )?\\d+m left  ATC");
        assertThat(printed.indexOf("synchronised")).isLessThan(printed.indexOf("W-B07"));
    }

    @Test
    @DisplayName("CLS-04 LED-03 run with a classic system shows the classic device: its LEDs and outputs, the "
            + "SmartShunt's SoC, no codes, no portal id, no MQTT")
    void classicSystem_showsTheClassic() throws Exception {
        Path scenario = dir.resolve("classic.yaml");
        java.nio.file.Files.writeString(scenario, org.smallbms.app.web.ClassicDeviceTest.CLASSIC);

        int exit = run("--scenario", scenario.toString(), "--speed", "max", "--data", dir.resolve("data").toString(),
                "--duration", "10m", "--status-every", "1");

        assertThat(exit).as(err.toString()).isZero();
        String printed = out.toString();
        assertThat(printed).contains("smallBMS with pre-alarm HQ").contains("has no Bluetooth and no communication "
                + "port").doesNotContain("portal id").doesNotContain("mqtt:");
        assertThat(printed).containsPattern("Vbat [0-9.]+ V  Load ON On  Temp or OVP Off  ATC Yes  ATD Yes  "
                + "SmartShunt [^ ]+ SoC ");
        assertThat(printed).doesNotContain("codes").doesNotContain("left");
    }

    @Test
    @DisplayName("a corrupt data file stops the start with its name and exit code 3, and is left as it was")
    void run_corruptFile_refusedUnchanged() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path file = data.resolve(Store.FILE_NAME);
        Files.writeString(file, "this is not a database, but somebody's notes\n".repeat(100));
        byte[] before = Files.readAllBytes(file);

        int exit = run("--speed", "max", "--data", data.toString(), "--duration", "1m");

        assertThat(exit).isEqualTo(RunCommand.EXIT_STORE_REFUSED);
        assertThat(err.toString()).contains(file.toString()).contains("not an SQLite database")
                .contains("move it aside");
        assertThat(out.toString()).doesNotContain("running");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    @DisplayName("a data directory that cannot be created stops the start with the reason and exit code 4: the "
            + "device never runs without its store")
    void run_uncreatableDirectory_refused() throws Exception {
        // A regular file where the directory's parent should be: no user, not even root, can create it.
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");

        int exit = run("--speed", "max", "--data", blocker.resolve("data").toString(), "--duration", "1h");

        assertThat(exit).isEqualTo(RunCommand.EXIT_STORE_UNAVAILABLE);
        assertThat(err.toString()).contains("cannot create the data directory").contains("--data");
        assertThat(out.toString()).doesNotContain("running");
    }

    @Test
    void run_mqttPortTaken_refusedWithExit4AndNothingStarted() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            int exit = run("--speed", "max", "--data", dir.resolve("data").toString(), "--duration", "1h",
                    "--mqtt-port", String.valueOf(taken.getLocalPort()));

            assertThat(exit).isEqualTo(RunCommand.EXIT_STORE_UNAVAILABLE);
            assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("--mqtt-port").contains("Nothing was started").doesNotContain("Exception");
            assertThat(out.toString()).doesNotContain("running");
        }
    }

    @Test
    @DisplayName("run on a machine whose own broker holds 1883: the device runs, its broker on a free port, and says "
            + "so")
    void run_defaultMqttPortTaken_theDeviceRunsWithItsBrokerOnAnotherPort() throws Exception {
        java.net.ServerSocket taken = null;
        try {
            taken = new java.net.ServerSocket(MQTT_DEFAULT_PORT, 50, java.net.InetAddress.getLoopbackAddress());
        } catch (java.io.IOException alreadyTaken) {
            // Taken already, by a broker of this machine's: the case itself.
        }
        try {
            int exit = runOnDefaultMqttPort("--speed", "max", "--data", dir.resolve("data").toString(), "--duration",
                    "10m");

            assertThat(exit).isZero();
            assertThat(out.toString()).contains("MQTT port " + MQTT_DEFAULT_PORT + " is taken")
                    .containsPattern("mqtt: tcp://127\\.0\\.0\\.1:\\d+ \\(its own broker\\)")
                    .doesNotContain("mqtt: tcp://127.0.0.1:" + MQTT_DEFAULT_PORT + " ");
        } finally {
            if (taken != null) {
                taken.close();
            }
        }
    }

    @Test
    void run_mqttBeyondLoopbackWithoutCredentials_refusedWithExit2() {
        int exit = run("--speed", "max", "--data", dir.resolve("data").toString(), "--duration", "1h",
                "--mqtt-bind", "0.0.0.0");

        assertThat(exit).isEqualTo(RunCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--mqtt-bind").contains("--mqtt-user");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void run_mqttUrlNoBroker_refusedWithExit4() throws Exception {
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        int exit = run("--speed", "max", "--data", dir.resolve("data").toString(), "--duration", "1h",
                "--mqtt-url", "tcp://127.0.0.1:" + free);

        assertThat(exit).isEqualTo(RunCommand.EXIT_STORE_UNAVAILABLE);
        assertThat(err.toString()).contains("cannot connect to the MQTT broker at tcp://127.0.0.1:" + free);
    }

    @Test
    void run_default_printsThePortalIdAndItsOwnBroker() {
        int exit = run("--speed", "max", "--data", dir.resolve("data").toString(), "--duration", "1h");

        assertThat(exit).isZero();
        String portal = java.util.regex.Pattern.compile("portal id ([0-9a-f]{12})").matcher(out.toString())
                .results().findFirst().orElseThrow().group(1);
        assertThat(out.toString()).containsPattern("mqtt: tcp://127\\.0\\.0\\.1:[1-9][0-9]* \\(its own broker\\), N/"
                + portal + "/battery/512/");
    }

    @Test
    @DisplayName("one process per data directory: a run on a directory in use is refused, naming the process that "
            + "holds it, and the holder's store is untouched")
    void run_directoryInUse_refusedNamingTheHolder() throws Exception {
        Path data = dir.resolve("data");
        try (Store holder = Store.open(data, Instant.now(), "smallbms run")) {
            int exit = run("--speed", "max", "--data", data.toString(), "--duration", "1h");

            assertThat(exit).isEqualTo(RunCommand.EXIT_STORE_UNAVAILABLE);
            assertThat(err.toString()).contains("in use by another smallbms")
                    .contains("process " + ProcessHandle.current().pid());
            assertThat(out.toString()).doesNotContain("running");
            assertThat(holder.load()).isEmpty();
        }
    }

    @Test
    @DisplayName("SET-02 MON-05 a start-up command the device refuses stops the start with exit code 2, before "
            + "anything runs or is stored")
    void run_refusedStartupCommand_exit2NothingRun() throws Exception {
        Path data = dir.resolve("data");
        for (String[] bad : new String[][] {{"--set", "lowSocWarning=999"}, {"--set-soc", "150"},
            {"--set-soc", "NaN"}, {"--set-soc", "-1e20"}, {"--set-soc", "Infinity"},
            {"--set", "chargedVoltage=14050.5"}, {"--set", "dischargeFloor=30"}}) {
            int exit = run("--speed", "max", "--data", data.toString(), "--duration", "1h", bad[0], bad[1]);

            assertThat(exit).as(String.join(" ", bad)).isEqualTo(RunCommand.EXIT_BAD_INPUT);
            assertThat(err.toString()).as(String.join(" ", bad)).contains("refused:").contains("not started");
            assertThat(out.toString()).doesNotContain("running");
        }
        try (Store store = Store.open(data, Instant.now())) {
            assertThat(store.load()).as("no state was ever saved").isEmpty();
        }
    }

    @Test
    @DisplayName("options out of their range are refused with the rule and exit code 2, never a stack trace")
    void run_optionsOutOfRange_refusedWithRule() {
        String[][] cases = {{"--duration", "9223372036854775807s"}, {"--duration", "365000d"},
            {"--duration", "0s"}, {"--start", "+1000000000-01-01T00:00:00Z"},
            {"--start", "+999999999-12-31T23:59:59Z"}, {"--start", "yesterday"}, {"--set-soc", "lots"},
            {"--speed", "NaN"}, {"--speed", "1e400"}, {"--set", "mode=\u001b[2J"}, {"--port", "70000"}};
        for (String[] bad : cases) {
            int exit = bad[0].equals("--speed") ? run("--data", dir.resolve("data").toString(), bad[0], bad[1])
                    : run("--speed", "max", "--data", dir.resolve("data").toString(), bad[0], bad[1]);

            assertThat(exit).as(String.join(" ", bad)).isEqualTo(RunCommand.EXIT_BAD_INPUT);
            assertThat(err.toString()).as(String.join(" ", bad)).contains(bad[0]).contains("Nothing was started")
                    .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("\u001b");
        }
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    @DisplayName("SET-01 a new device's PIN is printed once, at its first start, and never again")
    void run_newDevice_pinPrintedOnce() throws Exception {
        Path data = dir.resolve("data");
        run("--speed", "max", "--data", data.toString(), "--duration", "10m");
        java.util.regex.Matcher pin = java.util.regex.Pattern.compile("PIN ([0-9]{6}) \\(shown this once")
                .matcher(out.toString());
        assertThat(pin.find()).as(out.toString()).isTrue();
        try (Store store = Store.open(data, Instant.now())) {
            assertThat(store.identity().pin().matches(pin.group(1))).isTrue();
        }

        run("--speed", "max", "--data", data.toString(), "--duration", "10m");

        assertThat(out.toString()).doesNotContain(pin.group(1)).doesNotContain("PIN ");
        assertThat(err.toString()).doesNotContain(pin.group(1));
    }

    @Test
    @DisplayName("IR-01 run --readout-log writes one JSON line a device second, each an advertisement the device's "
            + "key decodes, and not the key")
    void run_readoutLog_oneLineADeviceSecond() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("readout.jsonl");

        int exit = run("--speed", "max", "--data", data.toString(), "--duration", "10m", "--readout-log",
                log.toString());

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(600);
        ReadoutKey key;
        try (Store store = Store.open(data, Instant.now())) {
            key = new ReadoutKey(store.identity().readoutKey());
        }
        for (String line : List.of(lines.get(0), lines.get(599))) {
            String hex = line.replaceAll(".*\"hex\":\"([0-9a-f]+)\".*", "$1");
            assertThat(Decoder.decodeBms(key, Container.parseHex(hex)).centivolts()).isPresent();
        }
        assertThat(String.join("\n", lines)).doesNotContain(key.hex());
        assertThat(err.toString()).doesNotContain("readout log");
    }

    @Test
    @DisplayName("IR-01 run --readout-log into a directory that does not exist stops the start with exit 2 before a "
            + "device is made")
    void run_readoutLogUnwritable_refused() {
        Path data = dir.resolve("data");

        int exit = run("--speed", "max", "--data", data.toString(), "--duration", "10m", "--readout-log",
                dir.resolve("missing").resolve("readout.jsonl").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("cannot write --readout-log").contains("Nothing was started");
        assertThat(data).doesNotExist();
    }

    @Test
    @DisplayName("run --help shows the options and no warnings")
    void run_help_noWarnings() {
        // picocli reports a description it cannot format (a bare % in it) on the process's standard error.
        PrintStream processErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        int exit;
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            exit = run("--help");
        } finally {
            System.setErr(processErr);
        }

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--data").contains("--set-soc").contains("synchronised to 100 %,")
                .contains("min, %, 0/1");
        assertThat(err.toString()).isEmpty();
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    @DisplayName("SET-02 an unknown setting in --set is refused with the list of settings, and nothing starts")
    void run_unknownSetting_refused() {
        int exit = run("--data", dir.resolve("data").toString(), "--set", "colour=3");

        assertThat(exit).isEqualTo(RunCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("no setting 'colour'").contains("lowSocWarning");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    @DisplayName("SET-01 the --set options are one change checked as a whole: a floor above 20 % and a warning level "
            + "above it, given together, are accepted whatever their order")
    void run_settingsTogether_checkedAsAWhole() throws Exception {
        Path data = dir.resolve("data");

        int exit = run("--speed", "max", "--data", data.toString(), "--duration", "10m", "--set", "dischargeFloor=30",
                "--set", "lowSocWarning=40");

        assertThat(exit).as(err.toString()).isZero();
        PersistedState stored = stored(data);
        assertThat(stored.settings().dischargeFloorPercent()).isEqualTo(30);
        assertThat(stored.settings().lowSocWarningPercent()).isEqualTo(40);
    }

    @Test
    @DisplayName("run serves the web app and prints its address once it listens, on this machine only by default")
    void run_printsTheWebAppAddress() throws Exception {
        int exit = run("--speed", "max", "--data", dir.resolve("data").toString(), "--duration", "1m");

        assertThat(exit).isZero();
        assertThat(out.toString()).containsPattern("web app: http://127\\.0\\.0\\.1:[0-9]+/")
                .doesNotContain("beyond this machine");
    }
}
