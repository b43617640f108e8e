package org.smallbms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.app.store.Store;
import picocli.CommandLine;

class PinCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int pin(String stdin, String... args) {
        PinCommand command = new PinCommand();
        command.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path device() throws Exception {
        Path data = dir.resolve("data");
        try (Store store = Store.open(data, Instant.now())) {
            store.newPin().orElseThrow();
        }
        return data;
    }

    @Test
    @DisplayName("SET-01 a local command with the data directory gives the device a new random PIN, shown once; "
            + "the old one stops working")
    void pin_random_replacesTheOldOne() throws Exception {
        Path data = device();

        int exit = pin("", "--data", data.toString());

        assertThat(exit).isZero();
        Matcher shown = Pattern.compile("the PIN is changed to ([0-9]{6})").matcher(out.toString());
        assertThat(shown.find()).as(out.toString()).isTrue();
        try (Store store = Store.open(data, Instant.now())) {
            assertThat(store.identity().pin().matches(shown.group(1))).isTrue();
        }
    }

    @Test
    @DisplayName("SET-01 a PIN read from standard input is set and never echoed; a malformed one is refused and "
            + "changes nothing")
    void pin_fromStdin_setNotEchoed_badRefused() throws Exception {
        Path data = device();

        assertThat(pin("246810\n", "--data", data.toString(), "--stdin")).isZero();
        assertThat(out.toString() + err.toString()).doesNotContain("246810");

        assertThat(pin("12ab\n", "--data", data.toString(), "--stdin")).isEqualTo(RunCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("six digits").contains("Nothing was changed").doesNotContain("12ab");
        try (Store store = Store.open(data, Instant.now())) {
            assertThat(store.identity().pin().matches("246810")).isTrue();
        }
    }

    @Test
    @DisplayName("the PIN of a running device cannot be changed behind its back: refused, naming the process")
    void pin_deviceRunning_refused() throws Exception {
        Path data = device();
        try (Store running = Store.open(data, Instant.now(), "smallbms run")) {
            int exit = pin("", "--data", data.toString());

            assertThat(exit).isEqualTo(RunCommand.EXIT_STORE_UNAVAILABLE);
            assertThat(err.toString()).contains("in use by another smallbms").contains("smallbms run");
            assertThat(running.load()).isEmpty();
        }
    }

    @Test
    @DisplayName("no device in the directory: refused, and no device is made")
    void pin_noDevice_refusedNothingMade() {
        int exit = pin("", "--data", dir.resolve("none").toString());

        assertThat(exit).isEqualTo(RunCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("there is no device");
        assertThat(dir.resolve("none")).doesNotExist();
    }
}
