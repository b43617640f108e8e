package org.smallbms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.app.mqtt.EmbeddedBroker;
import picocli.CommandLine;

/**
 * {@code run}'s MQTT password kept out of the process list: from a file or the environment, against a broker that
 * asks for it; what it refuses; and that the password is never printed.
 */
class RunMqttPasswordTest {

    private static final String USER = "bms";
    private static final String PASSWORD = "s3cret-pa55";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private EmbeddedBroker guarded;

    @BeforeEach
    void aBrokerThatAsksForThePassword() throws Exception {
        guarded = EmbeddedBroker.start("127.0.0.1", 0, Optional.of(USER), Optional.of(PASSWORD));
    }

    @AfterEach
    void stopTheBroker() {
        guarded.close();
    }

    /** {@code run} for a minute of device time at full speed, with {@code environment} as its environment. */
    private int run(Map<String, String> environment, String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--port", "0", "--mqtt-port", "0", "--speed", "max",
                "--duration", "1m", "--data", dir.resolve("data").toString()));
        all.addAll(List.of(args));
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        RunCommand command = cli.getSubcommands().get("run").getCommand();
        command.environment = environment::get;
        return cli.execute(all.toArray(String[]::new));
    }

    private Path file(String name, String content, String permissions) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private void assertNoPasswordNorTrace() {
        assertThat(out.toString()).doesNotContain(PASSWORD).doesNotContain("nope-wrong");
        assertThat(err.toString()).doesNotContain(PASSWORD).doesNotContain("nope-wrong").doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    @Test
    @DisplayName("run --mqtt-password-file: the password from its one line connects to a broker that asks for it, "
            + "and is never printed")
    void passwordFile_connects_neverPrinted() throws Exception {
        Path secret = file("mqtt-password", PASSWORD + "\n", "rw-------");

        int exit = run(Map.of(), "--mqtt-url", guarded.url(), "--mqtt-user", USER, "--mqtt-password-file",
                secret.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("mqtt: " + guarded.url());
        assertThat(err.toString()).doesNotContain("note:");
        assertNoPasswordNorTrace();
    }

    @Test
    @DisplayName("run --mqtt-password-file with a wrong password: the broker refuses, exit 4, nothing printed of it")
    void passwordFileWrong_refusedByTheBroker() throws Exception {
        Path secret = file("mqtt-password", "nope-wrong\r\n", "rw-------");

        int exit = run(Map.of(), "--mqtt-url", guarded.url(), "--mqtt-user", USER, "--mqtt-password-file",
                secret.toString());

        assertThat(exit).isEqualTo(RunCommand.EXIT_STORE_UNAVAILABLE);
        assertThat(err.toString()).contains("cannot connect to the MQTT broker").contains("Nothing was started");
        assertNoPasswordNorTrace();
    }

    @Test
    @DisplayName("run --mqtt-password-file that other users may read works, with a note to chmod 600 it")
    void passwordFileReadableByOthers_noted() throws Exception {
        Path secret = file("mqtt-password", PASSWORD, "rw-r--r--");

        int exit = run(Map.of(), "--mqtt-url", guarded.url(), "--mqtt-user", USER, "--mqtt-password-file",
                secret.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("chmod 600");
        assertNoPasswordNorTrace();
    }

    @Test
    @DisplayName("run with SMALLBMS_MQTT_PASSWORD in the environment and --mqtt-user connects; the password is "
            + "never printed")
    void environment_connects() {
        int exit = run(Map.of(MqttPassword.ENV, PASSWORD), "--mqtt-url", guarded.url(), "--mqtt-user", USER);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("mqtt: " + guarded.url());
        assertNoPasswordNorTrace();
    }

    @Test
    @DisplayName("run with SMALLBMS_MQTT_PASSWORD set but no --mqtt-user ignores it: the device's own broker runs "
            + "without credentials")
    void environmentWithoutUser_ignored() {
        int exit = run(Map.of(MqttPassword.ENV, PASSWORD));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("mqtt: tcp://127\\.0\\.0\\.1:[0-9]+ \\(its own broker\\)");
        assertNoPasswordNorTrace();
    }

    @Test
    @DisplayName("run --mqtt-password still works, with a note that every user sees it in the process list")
    void passwordOption_worksWithANote() {
        int exit = run(Map.of(), "--mqtt-url", guarded.url(), "--mqtt-user", USER, "--mqtt-password", PASSWORD);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("note: --mqtt-password is seen by every user of this machine in the "
                + "process list").contains("--mqtt-password-file").contains(MqttPassword.ENV);
        assertThat(err.toString()).doesNotContain(PASSWORD);
    }

    @Test
    @DisplayName("run --mqtt-password-file that is missing, a directory, under a file, empty, two lines or too large "
            + "is refused naming the file, exit 2, nothing started, no trace")
    void passwordFileUnusable_refusedWithItsName() throws Exception {
        Path plain = file("plain", "x\n", "rw-------");
        List<Path> unusable = List.of(dir.resolve("missing"), Files.createDirectory(dir.resolve("a-directory")),
                plain.resolve("child"), file("empty", "", "rw-------"), file("empty-line", "\n", "rw-------"),
                file("two-lines", PASSWORD + "\nnope-wrong\n", "rw-------"),
                file("large", "x".repeat(MqttPassword.MAX_BYTES + 1), "rw-------"));
        List<String> reasons = List.of("there is no such file", "it is a directory", "there is no such file (Not a "
                + "directory)", "is empty", "is empty", "more than one line", "larger than");
        for (int i = 0; i < unusable.size(); i++) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);

            int exit = run(Map.of(MqttPassword.ENV, PASSWORD), "--mqtt-url", guarded.url(), "--mqtt-user", USER,
                    "--mqtt-password-file", unusable.get(i).toString());

            assertThat(exit).as(unusable.get(i).toString()).isEqualTo(RunCommand.EXIT_BAD_INPUT);
            assertThat(err.toString()).as(unusable.get(i).toString()).contains("--mqtt-password-file "
                    + unusable.get(i)).contains(reasons.get(i)).contains("Nothing was started");
            assertNoPasswordNorTrace();
            assertThat(dir.resolve("data")).doesNotExist();
        }
    }

    @Test
    @DisplayName("run --mqtt-user with no password anywhere, or a password with no user, or both password options, "
            + "is refused with what to give, exit 2")
    void userAndPasswordMismatch_refused() throws Exception {
        Path secret = file("mqtt-password", PASSWORD, "rw-------");

        assertThat(run(Map.of(), "--mqtt-url", guarded.url(), "--mqtt-user", USER))
                .isEqualTo(RunCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--mqtt-user needs its password").contains("--mqtt-password-file")
                .contains(MqttPassword.ENV);

        err.getBuffer().setLength(0);
        assertThat(run(Map.of(), "--mqtt-password-file", secret.toString())).isEqualTo(RunCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--mqtt-user and --mqtt-password-file go together");

        err.getBuffer().setLength(0);
        assertThat(run(Map.of(), "--mqtt-user", USER, "--mqtt-password", PASSWORD, "--mqtt-password-file",
                secret.toString())).isEqualTo(RunCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("both given");
        assertNoPasswordNorTrace();
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
