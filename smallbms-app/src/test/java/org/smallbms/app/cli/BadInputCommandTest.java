package org.smallbms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What a user types into {@code simulate} and {@code check} that once crashed them, ran without end or wrote where it
 * should not: each is refused with exit code 2, a message naming the file, line or field and the rule, "Nothing was
 * run." (or checked), and no stack trace.
 */
class BadInputCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private void assertNoStackTrace() {
        assertThat(out.toString() + err.toString()).doesNotContain("Exception", "\tat ", "Caused by");
    }

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    @DisplayName("Bad input: simulate --duration of Long.MAX_VALUE seconds is refused with the 100-year limit, not a "
            + "long overflow")
    void simulate_overflowingDuration_exit2WithLimit() {
        int exit = run("simulate", "residual-drain", "--duration", "9223372036854775807s", "--out",
                dir.resolve("o").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("--duration: \"9223372036854775807s\" is longer than the longest "
                + "duration allowed, 36500d (100 years)\nNothing was run.\n".replace("\n", System.lineSeparator()));
        assertThat(dir.resolve("o")).doesNotExist();
        assertNoStackTrace();
    }

    @Test
    @DisplayName("Bad input: a run whose time series would hold more than a million rows is refused with the interval "
            + "that fits")
    void simulate_tooManyRows_exit2WithInterval() {
        int exit = run("simulate", "residual-drain", "--duration", "36500d", "--out", dir.resolve("o").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--interval: 1m over 36500d makes 52,560,001 rows",
                "give --interval 52m34s or longer", "Nothing was run.");
        assertNoStackTrace();
    }

    @Test
    @DisplayName("Bad input: a bank of 100 batteries is refused at load with the chain's limit, not a stack trace "
            + "from the first tick")
    void simulate_bankAboveChain_exit2() throws IOException {
        Path file = file("big.yaml", "name: big\nduration: 1m\nbatteries: {model: ng-12v8-100ah, series: 2, "
                + "parallel: 50}\n");

        int exit = run("simulate", file.toString(), "--out", dir.resolve("o").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("big.yaml:3: batteries: series = 2 × parallel = 50 is 100 batteries",
                "at most 64", "Nothing was run.");
        assertNoStackTrace();
    }

    @Test
    @DisplayName("Bad input: a start in the year 999999999 is refused with the allowed years, not a DateTimeException")
    void simulate_startOutOfRange_exit2() throws IOException {
        Path file = file("late.yaml", "name: late\nstart: +999999999-12-31T23:59:59Z\nduration: 1m\n"
                + "batteries: {model: ng-12v8-100ah}\n");

        int exit = run("simulate", file.toString(), "--out", dir.resolve("o").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("late.yaml:2: start:", "years 1970 to 9999", "Nothing was run.");
        assertNoStackTrace();
    }

    @Test
    @DisplayName("Bad input: check and simulate of /dev/zero are refused as not a regular file, before any reading")
    void checkAndSimulate_devZero_exit2() {
        assertThat(run("check", "/dev/zero")).isEqualTo(2);
        assertThat(run("simulate", "/dev/zero")).isEqualTo(2);

        assertThat(err.toString()).contains("/dev/zero: is not a regular file", "Nothing was checked.",
                "Nothing was run.");
        assertNoStackTrace();
    }

    @Test
    @DisplayName("Bad input: an unknown shipped name lists the shipped scenarios")
    void simulate_unknownName_listsShipped() {
        int exit = run("simulate", "no-such-thing");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no-such-thing: no such file, and no shipped scenario has this name",
                "ng-3.3.1-solar-batteryprotect", "residual-drain", "Nothing was run.");
        assertNoStackTrace();
    }

    @Test
    @DisplayName("Bad input: a duplicate key and a value of the wrong type are refused by check with the line, the "
            + "field and what it takes, in the file's words")
    void check_duplicateAndWrongType_exit2InFileWords() throws IOException {
        Path duplicate = file("dup.yaml", "name: a\nname: b\nbatteries: {model: ng-12v8-100ah}\n");
        Path wrong = file("seed.yaml", "name: a\nseed: abc\nbatteries: {model: ng-12v8-100ah}\n");

        assertThat(run("check", duplicate.toString())).isEqualTo(2);
        assertThat(run("check", wrong.toString())).isEqualTo(2);

        assertThat(err.toString()).contains("dup.yaml:2: name: \"name\" is written twice here, on line 1 and on line 2",
                "seed.yaml:2: seed: expected a whole number, for example seed: 1; found the text \"abc\"")
                .doesNotContain("Coercion", "java.lang");
        assertNoStackTrace();
    }

    @Test
    @DisplayName("check --help and simulate --help show the usage and exit 0")
    void help_checkAndSimulate_usage() {
        assertThat(run("check", "--help")).isZero();
        assertThat(run("simulate", "--help")).isZero();

        assertThat(out.toString()).contains("Usage: smallbms check", "Usage: smallbms simulate", "--duration=D");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    @DisplayName("Bad input: a name with ../ never leaves the working directory: the default folder is one plain name")
    void defaultOut_pathInName_onePlainFolder() {
        assertThat(SimulateCommand.defaultOut("x/../../pwned")).isEqualTo(Path.of("simulation-x-..-..-pwned"));
        assertThat(SimulateCommand.defaultOut("../..")).isEqualTo(Path.of("simulation-scenario"));
        assertThat(SimulateCommand.defaultOut("/etc/cron.d/x")).isEqualTo(Path.of("simulation-etc-cron.d-x"));
        assertThat(SimulateCommand.defaultOut("\u001b[31mred")).isEqualTo(Path.of("simulation-31mred"));
        assertThat(SimulateCommand.defaultOut("ng-3.3.1-solar-batteryprotect"))
                .isEqualTo(Path.of("simulation-ng-3.3.1-solar-batteryprotect"));
        assertThat(SimulateCommand.defaultOut("a".repeat(500)).toString()).hasSize("simulation-".length() + 64);
        for (String name : new String[] {"x/../../pwned", "../..", "/etc/cron.d/x", "..", ".", "C:\\x", "a\u0000b"}) {
            Path folder = SimulateCommand.defaultOut(name);
            assertThat(folder.getNameCount()).as(name).isEqualTo(1);
            assertThat(folder.toString()).as(name).matches("simulation-[A-Za-z0-9][A-Za-z0-9._-]*");
        }
    }

    @Test
    @DisplayName("Bad input: terminal escapes in a scenario's name and its components' names are printed escaped by "
            + "check and simulate")
    void checkAndSimulate_escapesInNames_printedEscaped() throws IOException {
        Path file = file("esc.yaml", """
                name: "\\e[31mred\\e]0;title\\a"
                duration: 1m
                batteries: {model: ng-12v8-100ah}
                components: [{name: "\\e[2Jhouse", type: dc-load, demand: [{amps: 1}]}]
                """);

        assertThat(run("check", file.toString())).isZero();
        assertThat(run("simulate", file.toString(), "--out", dir.resolve("o").toString())).isZero();

        assertThat(out.toString()).contains("\\e[31mred\\e]0;title\\u0007: 1 × Lithium NG",
                "\\e[2Jhouse: \\e[2Jhouse (DC load) is not controlled", "\\e[31mred\\e]0;title\\u0007: 1m of virtual")
                .doesNotContain("\u001b", "\u0007");
    }

    @Test
    @DisplayName("Bad input: an exception no one expected in simulate is one line and exit 1 for the user, not a "
            + "stack trace; other commands keep picocli's report")
    void unexpectedErrors_inSimulate_oneLineExit1() throws Exception {
        CommandLine cli = Main.commandLine();
        StringWriter captured = new StringWriter();
        cli.getSubcommands().get("simulate").setErr(new PrintWriter(captured, true));

        int exit = new UnexpectedErrors().handleExecutionException(new ArithmeticException("long overflow"),
                cli.getSubcommands().get("simulate"), null);

        assertThat(exit).isEqualTo(1);
        assertThat(captured.toString()).isEqualTo("smallbms simulate: internal error (ArithmeticException: long "
                + "overflow); this is a bug in smallbms, please report it with the command line (and the scenario "
                + "file, if there is one)." + System.lineSeparator());
        StringWriter fromRun = new StringWriter();
        cli.getSubcommands().get("run").setErr(new PrintWriter(fromRun, true));
        assertThat(new UnexpectedErrors().handleExecutionException(new IllegalStateException("bug\u001b[2J"),
                cli.getSubcommands().get("run"), null)).isEqualTo(1);
        assertThat(fromRun.toString()).startsWith("smallbms run: internal error (IllegalStateException: bug\\e[2J)")
                .doesNotContain("\tat ");
    }

    @Test
    @DisplayName("an option picocli cannot take is refused with exit 2, the user's text escaped and where the options "
            + "are listed")
    void unknownOption_escapedExit2() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "run", "--colour\u001b[2J");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--colour\\e[2J").doesNotContain("\u001b")
                .contains("'smallbms run --help' lists the options");
    }
}
