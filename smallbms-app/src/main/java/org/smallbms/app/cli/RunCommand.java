package org.smallbms.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallbms.app.runtime.ControlLoop;
import org.smallbms.app.runtime.DeviceClock;
import org.smallbms.app.runtime.Request;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.app.store.StorageFailure;
import org.smallbms.app.store.Store;
import org.smallbms.app.store.StoreRefusedException;
import org.smallbms.app.store.StoreUnavailableException;
import org.smallbms.app.store.StoreWriter;
import org.smallbms.core.bank.SystemVoltage;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.Command;
import org.smallbms.core.settings.Setting;
import org.smallbms.sim.scenario.Durations;
import org.smallbms.sim.scenario.Printable;
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

    /** A user's error in an option, or a start-up command the device refuses: nothing was started. */
    static final int EXIT_BAD_INPUT = 2;
    /** The data file is corrupt or not ours: nothing was started and the file was not touched. */
    static final int EXIT_STORE_REFUSED = 3;
    /** The data directory cannot be used now (in use by another process, read-only, full): nothing was started. */
    static final int EXIT_STORE_UNAVAILABLE = 4;
    /** The device stopped on an internal error (a bug): the reason is printed, the details are in a file. */
    static final int EXIT_INTERNAL_ERROR = 1;
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
            + "2026-06-01T18:00:00Z, between 1970 and 9999: the time of day sets the sun (default: now; a restarted "
            + "device never goes back before its last saved time).")
    String startAt;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "smallbms-data", description = "Data directory "
            + "(default ./${DEFAULT-VALUE}); a new one starts a new device. One process at a time uses it.")
    Path data;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the battery's cell spread (default "
            + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Change a setting once running, in the unit of "
            + "its schema (mV, ‰ of capacity, min, %, 0/1), e.g. --set lowSocWarning=25. Repeatable.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--mode", paramLabel = "on|off", description = "Switch Mode on or off once running (REM-03).")
    String mode;

    @Option(names = "--set-soc", paramLabel = "PERCENT", description = "Set the SoC once running, 0 to 100 "
            + "(MON-05).")
    String setSoc;

    @Option(names = "--duration", paramLabel = "D", description = "Stop after this much device time: 90s, 30m, "
            + "12h, 3d, 1d12h, at most 36500d (default: run until stopped).")
    String duration;

    @Option(names = "--status-every", paramLabel = "S", defaultValue = "5", description = "Without a console, a "
            + "status line at least every S wall seconds and whenever outputs or codes change (default "
            + "${DEFAULT-VALUE}).")
    int statusEvery;

    /** The first fatal error of a thread of the device; the device stops when one comes. */
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    /** The loop to stop on a fatal error, once there is one. */
    private volatile ControlLoop loop;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Options options;
        Scenario system;
        try {
            options = options();
            system = ScenarioArgument.read(scenario);
        } catch (IllegalArgumentException | ScenarioException e) {
            err.println(e.getMessage());
            err.println("Nothing was started.");
            err.flush();
            return EXIT_BAD_INPUT;
        }
        Instant wallNow = options.start().orElse(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Store store;
        Optional<Store.Saved> saved;
        try {
            store = Store.open(data, Instant.now(), "smallbms run");
        } catch (StoreRefusedException e) {
            return refuse(err, e.getMessage(), EXIT_STORE_REFUSED);
        } catch (StoreUnavailableException e) {
            return refuse(err, e.getMessage(), EXIT_STORE_UNAVAILABLE);
        }
        Instant start;
        try {
            saved = store.load();
            start = store.latestDeviceTime().map(t -> t.plusSeconds(1).truncatedTo(ChronoUnit.SECONDS))
                    .filter(t -> t.isAfter(wallNow)).orElse(wallNow);
        } catch (StoreRefusedException e) {
            store.close();
            return refuse(err, e.getMessage(), EXIT_STORE_REFUSED);
        } catch (SQLException e) {
            store.close();
            return refuse(err, "cannot read " + store.file() + ": " + StorageFailure.describe(e)
                    + ". Nothing was started.", EXIT_STORE_UNAVAILABLE);
        }
        String serial = store.identity().serial();
        out.println("smallBMS NG " + serial + ", data in " + store.file() + ": " + saved.map(s -> "restored (SoC "
                + s.state().monitor().socText() + ", saved at " + StatusText.clock(s.at()) + ")")
                .orElse("a new device"));
        // SET-01: a new device's PIN is shown this once, as the label on a real one carries it.
        store.newPin().ifPresent(pin -> out.println("PIN " + pin + " (shown this once: note it; `smallbms pin "
                + "--data " + data + "` sets a new one)"));
        out.flush();

        BmsState initial = saved.isPresent() ? Bms.restore(saved.get().state(), start) : Bms.initial();
        // A restarted device's battery continues where the BMS left it, when the BMS knows where that was, and the
        // scenario's initial settings and SoC are not given again over the stored ones.
        Supplier<World> worlds = () -> saved.isEmpty() ? system.newWorld(seed) : system.resumedWorld(seed,
                initial.socPermille().map(p -> p / 10.0).orElse(system.initialSocPercent()));
        Optional<String> refused = StartupCommands.refusal(initial, worlds.get(), start, ControlLoop.DEFAULT_TICK,
                options.commands());
        if (refused.isPresent()) {
            store.close();
            return refuse(err, "refused: " + refused.get() + " The device was not started.", EXIT_BAD_INPUT);
        }

        StoreWriter writer = new StoreWriter(store, this::fail);
        DeviceClock clock = options.speed() == null ? DeviceClock.virtual(start)
                : DeviceClock.scaled(start, options.speed());
        ControlLoop loop = new ControlLoop(initial, worlds.get(), clock, ControlLoop.DEFAULT_TICK, writer, serial);
        this.loop = loop;
        ConsoleReporter reporter = new ConsoleReporter(out, loop.snapshots(), System.console() != null,
                Duration.ofSeconds(Math.max(1, statusEvery)));
        loop.addListener(reporter);
        AtomicReference<String> lateRefusal = new AtomicReference<>();
        // Once the first tick has seen the batteries, so that a set SoC knows the bank's capacity; checked above on a
        // world of its own, so a refusal here is a surprise that stops the device all the same.
        loop.addListener(once(snapshot -> {
            for (Command command : options.commands()) {
                loop.submit(new Request.ToBms(command)).thenAccept(reply -> {
                    if (!reply.accepted() && lateRefusal.compareAndSet(null, reply.message())) {
                        loop.stop();
                    }
                });
            }
        }));
        options.duration().ifPresent(d -> loop.stopAt(loop.snapshots().get().at().plus(d)));

        Thread loopThread = new Thread(loop, "control-loop");
        Runnable shutdown = once(() -> {
            loop.stop();
            join(loopThread);
            // The loop checkpoints as it stops; this covers a stop that came before the loop ever started.
            writer.checkpoint(loop.snapshots().get().bms().persisted(), loop.snapshots().get().at());
            reporter.stop();
            writer.close();
            out.println("stopped at " + StatusText.clock(loop.snapshots().get().at()) + " device time; "
                    + (writer.complete() ? "state saved" : "state NOT saved: " + writer.status().warning()
                    .orElse("the store could not take it") + lastSaved(writer)));
            out.flush();
        });
        Thread hook = new Thread(shutdown, "shutdown");
        // Before "running" is printed: whoever stops the device after reading it finds the hook in place.
        Runtime.getRuntime().addShutdownHook(hook);
        out.println(RUNNING + " at " + clock.describe() + " from " + StatusText.clock(start) + " device time; "
                + "Ctrl-C stops");
        out.flush();

        reporter.start();
        loopThread.start();
        join(loopThread);
        loop.failure().ifPresent(this::fail);
        shutdown.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down (SIGTERM, Ctrl-C): the hook has done the same work.
        }
        if (fatal.get() != null) {
            err.println("the device stopped on an internal error: " + fatal.get() + ". " + CrashReport.write(data,
                    fatal.get()));
            err.flush();
            return EXIT_INTERNAL_ERROR;
        }
        if (lateRefusal.get() != null) {
            err.println("refused: " + lateRefusal.get() + " The device was stopped.");
            err.flush();
            return EXIT_BAD_INPUT;
        }
        return 0;
    }

    /** A thread of the device died: the first reason is kept and the device stops. */
    private void fail(Throwable e) {
        if (fatal.compareAndSet(null, e)) {
            LOG.error("the device stops: {}", e.toString());
        }
        ControlLoop running = loop;
        if (running != null) {
            running.stop();
        }
    }

    private static String lastSaved(StoreWriter writer) {
        Instant at = writer.status().lastCheckpointAt();
        return at == null ? "" : " (the last state saved is from " + StatusText.clock(at) + " device time)";
    }

    private static int refuse(PrintWriter err, String message, int exit) {
        err.println(message);
        err.flush();
        return exit;
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
     * @param start the device clock at start; empty for the wall clock's time
     */
    private record Options(Double speed, List<Command> commands, Optional<Duration> duration,
            Optional<Instant> start) {
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
                throw new IllegalArgumentException("--speed = " + Printable.escape(speed) + " is not allowed: give a "
                        + "number from 1 (real time) to 1000000, or 'max'");
            }
        }
        List<Command> commands = new ArrayList<>();
        if (mode != null) {
            if (!mode.equalsIgnoreCase("on") && !mode.equalsIgnoreCase("off")) {
                throw new IllegalArgumentException("--mode = " + Printable.escape(mode) + " is not allowed: give on or "
                        + "off");
            }
            commands.add(new Command.SetMode(mode.equalsIgnoreCase("on")));
        }
        // SET-01: the --set options are one change, checked as a whole (a floor and a warning level raised together).
        Map<Setting, Double> values = new EnumMap<>(Setting.class);
        for (String assignment : settings) {
            Map.Entry<Setting, Double> value = settingValue(assignment);
            if (values.put(value.getKey(), value.getValue()) != null) {
                throw new IllegalArgumentException("--set " + value.getKey().key() + " is given twice: give each "
                        + "setting once");
            }
        }
        if (!values.isEmpty()) {
            commands.add(new Command.ChangeSettings(values));
        }
        if (setSoc != null) {
            // The number goes to the core as read: the core refuses NaN, the infinities and what is out of range.
            commands.add(new Command.SetSoc(number("--set-soc", setSoc, "a percentage from 0 to 100, e.g. 80")));
        }
        return new Options(x, commands, duration == null ? Optional.empty() : Optional.of(parseDuration(duration)),
                startAt == null ? Optional.empty() : Optional.of(parseStart(startAt)));
    }

    private static double number(String option, String text, String example) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " = " + Printable.escape(text) + " is not a number: give "
                    + example);
        }
    }

    private static Map.Entry<Setting, Double> settingValue(String assignment) {
        int eq = assignment.indexOf('=');
        String key = eq < 0 ? assignment : assignment.substring(0, eq);
        for (Setting setting : Setting.values()) {
            if (setting.key().equals(key)) {
                if (eq < 0) {
                    throw new IllegalArgumentException("--set " + Printable.escape(assignment) + ": give a value, as "
                            + key + "=" + setting.defaultFor(SystemVoltage.V12));
                }
                return Map.entry(setting, number("--set " + key, assignment.substring(eq + 1),
                        "a whole number in " + setting.unit().valueUnit()));
            }
        }
        List<String> keys = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            keys.add(setting.key());
        }
        throw new IllegalArgumentException("--set " + Printable.escape(assignment) + ": there is no setting '"
                + Printable.escape(key) + "'; the settings are " + String.join(", ", keys));
    }

    static Duration parseDuration(String text) {
        Duration d;
        try {
            d = Durations.parse(text.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException | ArithmeticException e) {
            d = null;
        }
        if (d == null || d.isZero() || d.compareTo(Durations.MAX) > 0) {
            throw new IllegalArgumentException("--duration = " + Printable.escape(text) + " is not allowed: write a "
                    + "positive duration of at most " + Durations.MAX.toDays() + "d with d, h, m and s, e.g. 90s, 30m, "
                    + "12h, 3d, 1d12h");
        }
        return d;
    }

    static Instant parseStart(String text) {
        Instant at;
        try {
            at = Instant.parse(text.strip());
        } catch (DateTimeException e) {
            at = null;
        }
        if (at == null || at.isBefore(Scenario.EARLIEST_START) || at.isAfter(Scenario.LATEST_START)) {
            throw new IllegalArgumentException("--start = " + Printable.escape(text) + " is not allowed: give an "
                    + "instant in UTC from " + Scenario.EARLIEST_START + " to " + Scenario.LATEST_START
                    + ", as 2026-06-01T18:00:00Z");
        }
        return at.truncatedTo(ChronoUnit.SECONDS);
    }
}
