package org.smallbms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run}'s VE.Direct options: where it listens, and what it refuses. */
class RunVeDirectTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--port", "0", "--mqtt-port", "0", "--speed", "max", "--data",
                dir.resolve("data").toString()));
        all.addAll(List.of(args));
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    }

    @Test
    @DisplayName("run --vedirect-port 0 prints the VE.Direct address once it listens, on this machine only")
    void run_vedirectPort_printsItsAddress() {
        int exit = run("--duration", "1m", "--vedirect-port", "0");

        assertThat(exit).isZero();
        assertThat(out.toString()).containsPattern("vedirect: tcp://127\\.0\\.0\\.1:[0-9]+\\n")
                .doesNotContain("beyond this machine");
    }

    @Test
    @DisplayName("run --vedirect-port out of range is refused with the rule and exit code 2 before anything starts")
    void run_vedirectPortOutOfRange_refused() {
        int exit = run("--vedirect-port", "70000");

        assertThat(exit).isEqualTo(RunCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--vedirect-port = 70000").contains("Nothing was started")
                .doesNotContain("\tat ");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    @DisplayName("run --vedirect-tty on a device that cannot be opened is refused with its name and exit code 2")
    void run_vedirectTtyMissing_refused() {
        Path missing = dir.resolve("no-such-dir").resolve("tty");

        int exit = run("--vedirect-tty", missing.toString());

        assertThat(exit).isEqualTo(RunCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--vedirect-tty").contains(missing.toString())
                .contains("Nothing was started").doesNotContain("\tat ").doesNotContain("Exception");
    }
}
