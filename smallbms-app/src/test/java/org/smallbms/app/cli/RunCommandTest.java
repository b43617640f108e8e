package org.smallbms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.app.store.Store;
import org.smallbms.core.bms.PersistedState;
import org.smallbms.core.settings.Setting;

class RunCommandTest {

    /** A new device started at midnight reaches its first evening's pre-alarm at about 22:00. */
    private static final String MIDNIGHT = "2026-06-01T00:00:00Z";

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
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
    @DisplayName("PROT-04 the default device (§3.3.1 from midnight) shows a pre-alarm within its first day: a minute "
            + "at the default 1440×")
    void run_defaultWorld_preAlarmWithinADay() {
        run("--speed", "max", "--data", dir.resolve("data").toString(), "--start", MIDNIGHT, "--duration", "1d");

        assertThat(out.toString()).contains("output PRE_ALARM HIGH");
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
    @DisplayName("a data directory that cannot be written: the device still runs and protects, with a storage warning")
    void run_unwritableDirectory_runsWithWarning() throws Exception {
        // A regular file where the directory's parent should be: no user, not even root, can create it.
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");

        int exit = run("--speed", "max", "--data", blocker.resolve("data").toString(), "--start", MIDNIGHT,
                "--duration", "1d");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("storage unavailable").contains("STORAGE WARNING")
                .contains("output PRE_ALARM HIGH");
    }

    @Test
    @DisplayName("SET-02 an unknown setting in --set is refused with the list of settings, and nothing starts")
    void run_unknownSetting_refused() {
        int exit = run("--data", dir.resolve("data").toString(), "--set", "colour=3");

        assertThat(exit).isEqualTo(RunCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("no setting 'colour'").contains("lowSocWarning");
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
