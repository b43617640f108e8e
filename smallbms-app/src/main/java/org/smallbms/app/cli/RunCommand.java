package org.smallbms.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallbms.app.runtime.ControlLoop;
import org.smallbms.app.runtime.DeviceClock;
import org.smallbms.app.runtime.Persistence;
import org.smallbms.app.runtime.Request;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.app.store.Store;
import org.smallbms.app.store.StoreRefusedException;
import org.smallbms.app.store.StoreUnavailableException;
import org.smallbms.app.store.StoreWriter;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.Command;
import org.smallbms.core.settings.Setting;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.system.World;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code smallbms run}: the live device. A virtual smallBMS NG wired into its system, on the wall clock at the chosen
 * speed, keeping its settings, SoC, history and event log in the data directory; a status line and each event on the
 * terminal. Ctrl-C or SIGTERM stops it cleanly: the loop stops, the state is saved, the file is closed.
 */
@CommandLine.Command(name = "run", mixinStandardHelpOptions = true, description = {
    "Runs a live virtual smallBMS NG with its system, by default the manual's §3.3.1 example (one 12.8 V/100 Ah",
    "Lithium NG battery, solar on Charge disconnect, DC loads behind a BatteryProtect on Load disconnect), on the wall",
    "clock, by default 1440× faster: a minute of your time is a day of the device's, so the sun charges, the evening",
    "loads drain, and the pre-alarm and the load disconnect come within a minute. Settings, SoC, history and events",
    "are kept in the data directory and survive a restart or a power cut. Ctrl-C stops it."})
public final class RunCommand implements Callable<Integer> {

    /** A user's error in an option: nothing was started. */
    static final int EXIT_BAD_INPUT = 2;
    /** The data file is corrupt or not ours: nothing was started and the file was not touched. */
    static final int EXIT_STORE_REFUSED = 3;
    /** The shipped example a device runs when no scenario is named: manual §3.3.1. */
    static final String DEFAULT_SCENARIO = "ng-3.3.1-solar-batteryprotect";
    /** The line printed once the device runs: tools that start it wait for this. */
    public static final String RUNNING = "running";

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE|NAME", defaultValue = DEFAULT_SCENARIO, description = "The "
            + "system the device is wired into: a scenario file, or the name of a shipped example (default "
            + "${DEFAULT-VALUE}). Its schedule runs from the start; see docs/scenarios.md.")
    String scenario;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1440", description = "Device seconds per wall "
            + "second, 1 (real time) and up, or 'max' for as fast as the CPU allows (default ${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--start", paramLabel = "INSTANT", description = "The device clock at start, as "
            + "2026-06-01T18:00:00Z: the time of day sets the sun (default: now; a restarted device never goes back "
            + "before its last saved time).")
    Instant startAt;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "smallbms-data", description = "Data directory "
            + "(default ./${DEFAULT-VALUE}); a new one starts a new device.")
    Path data;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the battery's cell spread (default "
            + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Change a setting once running, in the unit of "
            + "its schema (mV, ‰ of capacity, min, %, 0/1), e.g. --set lowSocWarning=25. Repeatable.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--mode", paramLabel = "on|off", description = "Switch Mode on or off once running (REM-03).")
    String mode;

    @Option(names = "--set-soc", paramLabel = "PERCENT", description = "Set the SoC once running (MON-05).")
    Double setSoc;

    @Option(names = "--duration", paramLabel = "D", description = "Stop after this much device time: 90s, 30m, "
            + "12h, 3d (default: run until stopped).")
    String duration;

    @Option(names = "--status-every", paramLabel = "S", defaultValue = "5", description = "Without a console, a "
            + "status line at least every S wall seconds and whenever outputs or codes change (default "
            + "${DEFAULT-VALUE}).")
    int statusEvery;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Options options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        }
        Scenario system;
        try {
            system = ScenarioArgument.read(scenario);
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            err.println("Nothing was started.");
            err.flush();
            return EXIT_BAD_INPUT;
        }
        Instant wallNow = startAt != null ? startAt : Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Store store = null;
        Optional<Store.Saved> saved = Optional.empty();
        Instant start = wallNow;
        String serial = "unsaved";
        Persistence persistence;
        try {
            store = Store.open(data, wallNow);
            saved = store.load();
            start = store.latestDeviceTime().map(t -> t.plusSeconds(1).truncatedTo(ChronoUnit.SECONDS))
                    .filter(t -> t.isAfter(wallNow)).orElse(wallNow);
            serial = store.identity().serial();
            persistence = new StoreWriter(store, saved.map(s -> s.state().settings().pin()).orElse(
                    Bms.initial().settings().pin()));
        } catch (StoreRefusedException e) {
            if (store != null) {
                store.close();
            }
            err.println(e.getMessage());
            err.flush();
            return EXIT_STORE_REFUSED;
        } catch (StoreUnavailableException | SQLException e) {
            if (store != null) {
                store.close();
            }
            String warning = "storage unavailable (" + e.getMessage() + "): the device runs, but nothing it does "
                    + "will survive a restart";
            LOG.warn(warning);
            persistence = Persistence.none(warning);
        }
        BmsState initial = saved.isPresent() ? Bms.restore(saved.get().state(), start) : Bms.initial();
        DeviceClock clock = options.speed() == null ? DeviceClock.virtual(start)
                : DeviceClock.scaled(start, options.speed());
        // A restarted device's battery continues where the BMS left it, when the BMS knows where that was, and the
        // scenario's initial settings and SoC are not given again over the stored ones.
        World world = saved.isEmpty() ? system.newWorld(seed) : system.resumedWorld(seed,
                initial.socPermille().map(p -> p / 10.0).orElse(system.initialSocPercent()));
        ControlLoop loop = new ControlLoop(initial, world, clock, ControlLoop.DEFAULT_TICK, persistence, serial);
        ConsoleReporter reporter = new ConsoleReporter(out, loop.snapshots(), System.console() != null,
                Duration.ofSeconds(Math.max(1, statusEvery)));
        loop.addListener(reporter);
        // Once the first tick has seen the batteries, so that a set SoC knows the bank's capacity.
        loop.addListener(once(snapshot -> {
            for (Command command : options.commands()) {
                loop.submit(new Request.ToBms(command)).thenAccept(reply -> {
                    if (!reply.accepted()) {
                        err.println("refused: " + reply.message());
                        err.flush();
                    }
                });
            }
        }));
        options.duration().ifPresent(d -> loop.stopAt(loop.snapshots().get().at().plus(d)));

        Thread loopThread = new Thread(loop, "control-loop");
        Persistence kept = persistence;
        Runnable shutdown = once(() -> {
            loop.stop();
            join(loopThread);
            // The loop checkpoints as it stops; this covers a stop that came before the loop ever started.
            kept.checkpoint(loop.snapshots().get().bms().persisted(), loop.snapshots().get().at());
            reporter.stop();
            if (kept instanceof StoreWriter writer) {
                writer.close();
            }
            out.println("stopped at " + StatusText.clock(loop.snapshots().get().at()) + " device time"
                    + (kept instanceof StoreWriter ? "; state saved" : ""));
            out.flush();
        });
        Thread hook = new Thread(shutdown, "shutdown");
        // Before "running" is printed: whoever stops the device after reading it finds the hook in place.
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("smallBMS NG " + serial + ", data " + (store == null ? "not kept" : "in " + store.file()) + ": "
                + saved.map(s -> "restored (SoC " + s.state().monitor().socText() + ", saved at "
                + StatusText.clock(s.at()) + ")").orElse("a new device"));
        persistence.status().warning().ifPresent(out::println);
        out.println(RUNNING + " at " + clock.describe() + " from " + StatusText.clock(start) + " device time; "
                + "Ctrl-C stops");
        out.flush();

        reporter.start();
        loopThread.start();
        join(loopThread);
        shutdown.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down (SIGTERM, Ctrl-C): the hook has done the same work.
        }
        return 0;
    }

    private static Runnable once(Runnable action) {
        Consumer<Snapshot> first = once(snapshot -> action.run());
        return () -> first.accept(null);
    }

    /** The action on the first call only; later calls do nothing. */
    private static <T> Consumer<T> once(Consumer<T> action) {
        return new Consumer<>() {
            private boolean done;

            @Override
            public synchronized void accept(T value) {
                if (!done) {
                    done = true;
                    action.accept(value);
                }
            }
        };
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The options, checked.
     *
     * @param speed device seconds per wall second; null for as fast as possible
     * @param commands the commands to apply once running, in order
     * @param duration how long to run, in device time; empty for until stopped
     */
    private record Options(Double speed, List<Command> commands, Optional<Duration> duration) {
    }

    private Options options() {
        Double x = null;
        if (!"max".equalsIgnoreCase(speed)) {
            try {
                x = Double.parseDouble(speed.endsWith("x") || speed.endsWith("×") ? speed.substring(0,
                        speed.length() - 1) : speed);
            } catch (NumberFormatException e) {
                x = Double.NaN;
            }
            if (!(x >= 1 && x <= 1_000_000)) {
                throw new IllegalArgumentException("--speed = " + speed + " is not allowed: give a number from 1 "
                        + "(real time) to 1000000, or 'max'");
            }
        }
        List<Command> commands = new ArrayList<>();
        if (mode != null) {
            if (!mode.equalsIgnoreCase("on") && !mode.equalsIgnoreCase("off")) {
                throw new IllegalArgumentException("--mode = " + mode + " is not allowed: give on or off");
            }
            commands.add(new Command.SetMode(mode.equalsIgnoreCase("on")));
        }
        for (String assignment : settings) {
            commands.add(settingChange(assignment));
        }
        if (setSoc != null) {
            commands.add(new Command.SetSoc((int) Math.round(setSoc * 10)));
        }
        return new Options(x, commands, duration == null ? Optional.empty() : Optional.of(parseDuration(duration)));
    }

    private static Command settingChange(String assignment) {
        int eq = assignment.indexOf('=');
        String key = eq < 0 ? assignment : assignment.substring(0, eq);
        for (Setting setting : Setting.values()) {
            if (setting.key().equals(key)) {
                try {
                    return new Command.ChangeSetting(setting, Integer.parseInt(assignment.substring(eq + 1).strip()));
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    throw new IllegalArgumentException("--set " + assignment + ": the value is not a whole number "
                            + "in the setting's unit (" + setting.unit().name().toLowerCase(Locale.ROOT) + ")");
                }
            }
        }
        List<String> keys = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            keys.add(setting.key());
        }
        throw new IllegalArgumentException("--set " + assignment + ": there is no setting '" + key + "'; the "
                + "settings are " + String.join(", ", keys));
    }

    static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            Duration d = switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> null;
            };
            if (d != null && !d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // Falls through to the message below.
        }
        throw new IllegalArgumentException("--duration = " + text + " is not a duration: write a positive whole "
                + "number with s, m, h or d, e.g. 90s, 30m, 12h, 3d");
    }
}
