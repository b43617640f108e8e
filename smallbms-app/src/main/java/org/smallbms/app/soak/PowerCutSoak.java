package org.smallbms.app.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.smallbms.app.store.Store;
import org.smallbms.app.store.StoreRefusedException;
import org.smallbms.app.store.StoreUnavailableException;
import org.smallbms.core.bms.PersistedState;
import org.smallbms.core.history.History;
import org.smallbms.core.settings.Setting;

/**
 * Cuts the power of a running device again and again and checks its data directory after each cut, on a copy of
 * the files taken before anything else opens them (so the check itself never writes to the device's file):
 * <ul>
 *   <li>the database passes SQLite's full {@code PRAGMA integrity_check} and opens (no corrupt store);</li>
 *   <li>SET-04: the setting the device was told to change holds the old or the new value, and every other setting
 *       its default;</li>
 *   <li>HIST-04: no history counter goes back;</li>
 *   <li>MON-07: once known the SoC stays known; it moved no more than the largest current of the system allows in
 *       the device time between two checkpoints; and the checkpoint is at most a minute (plus a tick) older than the
 *       newest event the device logged;</li>
 *   <li>no leaks: the killed processes left no copy of SQLite's native library in their temp folder.</li>
 * </ul>
 * Each run of the device changes {@code lowSocWarning} to the other of two values, so a cut can fall before, during
 * or after that write. One data directory serves every cut, as one device serves its owner.
 */
public final class PowerCutSoak {

    /** The largest current of the default world, charging or discharging (loads 28 A, sun 15 A), with margin. */
    static final double MAX_AMPS = 40;
    /** MON-07: a minute of integration may be lost, plus the tick in which the checkpoint fell due. */
    static final Duration MAX_LOSS = Duration.ofSeconds(61);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int[] WARNING_LEVELS = {20, 25};
    private static final int CAPACITY_AMP_HOURS = 100;

    private final Path data;
    private final Random random;
    private final Duration maxDelay;
    private final PrintWriter progress;

    /**
     * @param data the data directory every run of the device uses
     * @param random where the moments of the cuts come from
     * @param maxDelay the longest time a device runs after it says it is running
     * @param progress where a line per ten cuts goes
     */
    public PowerCutSoak(Path data, Random random, Duration maxDelay, PrintWriter progress) {
        this.data = data;
        this.random = random;
        this.maxDelay = maxDelay;
        this.progress = progress;
    }

    /**
     * What the checks found.
     *
     * @param kills how many cuts were made to a running device: fewer than asked when a violation or a device that
     *     did not start ended the soak early
     * @param violations every broken promise
     * @param socKnownAtEnd whether the last saved state knew its SoC (the SoC checks were not vacuous)
     * @param drawnMilliampHoursAtEnd the history's Ah drawn at the end (the history checks were not vacuous)
     */
    public record Result(int kills, List<String> violations, boolean socKnownAtEnd, long drawnMilliampHoursAtEnd) {
        public Result {
            violations = List.copyOf(violations);
        }
    }

    /** What a check saw, for the next check to compare with. */
    private record Seen(int warning, History history, boolean socKnown, int socPermille, Instant savedAt) {
    }

    /** Starts and kills the device {@code kills} times, or until the first violation. */
    public Result run(int kills) throws IOException, InterruptedException {
        List<String> violations = new ArrayList<>();
        int cuts = 0;
        Seen seen = null;
        int expected = Setting.LOW_SOC_WARNING.defaultFor(org.smallbms.core.bank.SystemVoltage.V12);
        for (int k = 0; k < kills && violations.isEmpty(); k++) {
            int next = WARNING_LEVELS[k % WARNING_LEVELS.length];
            List<String> command = new ArrayList<>(javaCommand());
            command.addAll(List.of("run", "--speed", "max", "--port", "0", "--data", data.toString(),
                    "--status-every", "1",
                    "--set", Setting.LOW_SOC_WARNING.key() + "=" + next));
            if (k == 0) {
                command.addAll(List.of("--set-soc", "60"));
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CountDownLatch running = new CountDownLatch(1);
            Thread reader = drain(process, running);
            if (!running.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                violations.add("cut " + (k + 1) + ": the device did not say it was running within " + START_TIMEOUT);
                break;
            }
            // The one wait on purpose: the device runs as a real process for a random while before the cut.
            Thread.sleep(random.nextInt((int) maxDelay.toMillis() + 1));
            process.destroyForcibly().waitFor();
            cuts++;
            reader.join();
            seen = check(k + 1, seen, expected, next, violations);
            if (seen != null) {
                expected = seen.warning();
            }
            if ((k + 1) % 10 == 0) {
                progress.println((k + 1) + " cuts, " + violations.size() + " violations");
                progress.flush();
            }
        }
        List<String> leaked = leftovers();
        if (!leaked.isEmpty()) {
            violations.add("the killed devices left " + leaked.size() + " files of SQLite's native library in "
                    + tempDir() + ": " + leaked.subList(0, Math.min(3, leaked.size())));
        }
        return new Result(cuts, violations, seen != null && seen.socKnown(),
                seen == null ? 0 : seen.history().drawnMilliampHours());
    }

    private static Thread drain(Process process, CountDownLatch running) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("running")) {
                        running.countDown();
                    }
                }
            } catch (IOException e) {
                // The process was killed: its pipe closes under us.
            }
        }, "soak-drain");
        reader.start();
        return reader;
    }

    private Seen check(int cut, Seen before, int oldWarning, int newWarning, List<String> violations)
            throws IOException {
        String at = "cut " + cut + ": ";
        Path copy = copyOfStore();
        try {
            return check(at, copy, before, oldWarning, newWarning, violations);
        } finally {
            deleteTree(copy);
        }
    }

    /** The store's files as the cut left them, in a new directory beside the data directory. */
    private Path copyOfStore() throws IOException {
        Path copy = Files.createTempDirectory(data.toAbsolutePath().getParent(), data.getFileName() + "-check");
        for (String suffix : List.of("", "-wal", "-journal")) {
            Path file = data.resolve(Store.FILE_NAME + suffix);
            if (Files.exists(file)) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    /** SQLite's full check of every page and index of the copy: "ok", or what it found. */
    private static String integrity(Path copy) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.resolve(Store.FILE_NAME));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            StringBuilder verdict = new StringBuilder();
            while (rs.next()) {
                verdict.append(verdict.length() == 0 ? "" : "; ").append(rs.getString(1));
            }
            return verdict.toString();
        }
    }

    private Seen check(String at, Path copy, Seen before, int oldWarning, int newWarning, List<String> violations) {
        if (!Files.exists(copy.resolve(Store.FILE_NAME))) {
            if (before != null) {
                violations.add(at + "the database is gone");
            }
            return before;
        }
        try {
            String verdict = integrity(copy);
            if (!"ok".equals(verdict)) {
                violations.add(at + "PRAGMA integrity_check: " + verdict);
                return before;
            }
        } catch (SQLException e) {
            violations.add(at + "PRAGMA integrity_check cannot run: " + e.getMessage());
            return before;
        }
        try (Store store = Store.open(copy, Instant.now(), "smallbms soak check")) {
            Optional<Store.Saved> saved = store.load();
            if (saved.isEmpty()) {
                if (before != null) {
                    violations.add(at + "the saved state is gone");
                }
                return before;
            }
            PersistedState state = saved.get().state();
            int warning = state.settings().get(Setting.LOW_SOC_WARNING);
            if (warning != oldWarning && warning != newWarning) {
                violations.add(at + "SET-04 lowSocWarning = " + warning + " is neither the old " + oldWarning
                        + " nor the new " + newWarning);
            }
            for (Setting setting : Setting.values()) {
                int value = state.settings().get(setting);
                if (setting != Setting.LOW_SOC_WARNING && value != setting.defaultFor(state.settings().system())) {
                    violations.add(at + "SET-04 " + setting.key() + " = " + value + " changed, nobody changed it");
                }
            }
            Instant savedAt = saved.get().at();
            Instant latest = store.latestDeviceTime().orElse(savedAt);
            if (Duration.between(savedAt, latest).compareTo(MAX_LOSS) > 0) {
                violations.add(at + "MON-07 the checkpoint at " + savedAt + " is older than the newest event at "
                        + latest + " by more than " + MAX_LOSS.toSeconds() + " s");
            }
            Seen now = new Seen(warning, state.history(), state.monitor().socKnown(), state.monitor().socPermille(),
                    savedAt);
            if (before != null) {
                compare(at, before, now, violations);
            }
            return now;
        } catch (StoreRefusedException | StoreUnavailableException | SQLException e) {
            violations.add(at + "the database does not open: " + e.getMessage());
            return before;
        }
    }

    private static void compare(String at, Seen before, Seen now, List<String> violations) {
        History b = before.history();
        History n = now.history();
        if (n.drawnMicrocoulombs() < b.drawnMicrocoulombs() || n.dischargedMicrojoules() < b.dischargedMicrojoules()
                || n.chargedMicrojoules() < b.chargedMicrojoules() || n.synchronisations() < b.synchronisations()
                || n.cycles() < b.cycles() || n.deepestDischargeMilliampHours() > b.deepestDischargeMilliampHours()) {
            violations.add(at + "HIST-04 a history counter went back: " + b + " then " + n);
        }
        if (now.savedAt().isBefore(before.savedAt())) {
            violations.add(at + "the checkpoint went back in time: " + before.savedAt() + " then " + now.savedAt());
        }
        if (before.socKnown() && !now.socKnown()) {
            violations.add(at + "MON-07 the SoC was known and is unknown after the cut");
        }
        if (before.socKnown() && now.socKnown()) {
            double hours = Duration.between(before.savedAt(), now.savedAt()).toMillis() / 3_600_000.0;
            double allowed = MAX_AMPS * hours / CAPACITY_AMP_HOURS * 1000 + 1;
            int moved = Math.abs(now.socPermille() - before.socPermille());
            if (moved > allowed) {
                violations.add(at + "MON-07 the SoC moved " + moved + " ‰ in " + hours + " h of device time; "
                        + "at most " + MAX_AMPS + " A allows " + (int) allowed + " ‰");
            }
        }
    }

    /**
     * The command that starts this program's entry point with this JVM and classpath, in 64 MB of heap, with a temp
     * folder of its own that {@link #leftovers()} looks into.
     */
    List<String> javaCommand() throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        return List.of(java.toString(), "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Djava.io.tmpdir=" + Files.createDirectories(tempDir()), "-cp",
                System.getProperty("java.class.path"), "org.smallbms.app.cli.Main");
    }

    private Path tempDir() {
        return data.toAbsolutePath().resolveSibling(data.getFileName() + "-tmp");
    }

    /** What the killed devices left in their temp folder of SQLite's native library: nothing, when none leaks. */
    List<String> leftovers() throws IOException {
        if (!Files.isDirectory(tempDir())) {
            return List.of();
        }
        try (var files = Files.list(tempDir())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.contains("sqlite")).sorted().toList();
        }
    }
}
