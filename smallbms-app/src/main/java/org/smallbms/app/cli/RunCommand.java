package org.smallbms.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallbms.app.device.Device;
import org.smallbms.app.mqtt.EmbeddedBroker;
import org.smallbms.app.mqtt.MqttLink;
import org.smallbms.app.mqtt.MqttService;
import org.smallbms.app.readout.ReadoutLog;
import org.smallbms.app.store.StorageFailure;
import org.smallbms.app.vedirect.VeDirect;
import org.smallbms.app.web.WebServer;
import org.smallbms.core.bank.SystemVoltage;
import org.smallbms.core.bms.Command;
import org.smallbms.core.bms.DeviceProfile;
import org.smallbms.core.settings.Setting;
import org.smallbms.sim.scenario.Durations;
import org.smallbms.sim.scenario.Printable;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code smallbms run}: the live device. A virtual smallBMS NG wired into its system, on the wall clock at the chosen
 * speed, keeping its settings, SoC, history and event log in the data directory; a status line and each event on the
 * terminal. Ctrl-C or SIGTERM stops it cleanly: the loop stops, the state is saved, the file is closed.
 */
@CommandLine.Command(name = "run", mixinStandardHelpOptions = true, description = {
    "Runs a live virtual smallBMS NG with its system, by default the manual's §3.3.1 example sized for a cycle a day",
    "(one 12.8 V/100 Ah Lithium NG battery, 400 W of solar on Charge disconnect, DC loads behind a BatteryProtect on",
    "Load disconnect), on the wall clock, by default 1440× faster: a minute of your time is a day of the device's.",
    "Within two or three minutes, whatever the time of day it starts at, the sun fills the battery and the SoC is",
    "synchronised to 100 %%, the evening loads drain it with a time remaining, the low SoC warning raises the",
    "pre-alarm before dawn, and the morning sun clears it. Settings, SoC, history and events are kept in the data",
    "directory and survive a restart or a power cut. Ctrl-C stops it."})
public final class RunCommand implements Callable<Integer> {

    /** A user's error in an option, or a start-up command the device refuses: nothing was started. */
    static final int EXIT_BAD_INPUT = 2;
    /** The data file is corrupt or not ours: nothing was started and the file was not touched. */
    static final int EXIT_STORE_REFUSED = 3;
    /**
     * The data directory cannot be used now (in use by another process, read-only, full), or the web app's port:
     * nothing was started.
     */
    static final int EXIT_STORE_UNAVAILABLE = 4;
    /** The device stopped on an internal error (a bug): the reason is printed, the details are in a file. */
    static final int EXIT_INTERNAL_ERROR = 1;
    /**
     * The shipped example a device runs when no scenario is named: manual §3.3.1 sized so that a new user sees, within
     * five minutes at the default speed and from any start, the SoC synchronised, the evening's time remaining, the low
     * SoC warning with the pre-alarm and the recovery the next day.
     */
    static final String DEFAULT_SCENARIO = "ng-3.3.1-daily-cycle";
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
            + "its schema (mV, ‰ of capacity, min, %%, 0/1), e.g. --set lowSocWarning=25. Repeatable.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--mode", paramLabel = "on|off", description = "Switch Mode on or off once running (REM-03).")
    String mode;

    @Option(names = "--set-soc", paramLabel = "PERCENT", description = "Set the SoC once running, 0 to 100 "
            + "(MON-05).")
    String setSoc;

    @Option(names = "--duration", paramLabel = "D", description = "Stop after this much device time: 90s, 30m, "
            + "12h, 3d, 1d12h, at most 36500d (default: run until stopped).")
    String duration;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "The web app's port (default "
            + "${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = WebServer.LOOPBACK, description = "Where the "
            + "web app listens (default ${DEFAULT-VALUE}: this machine only). Another address serves it beyond this "
            + "machine, and the start says so.")
    String bind;

    @Option(names = "--status-every", paramLabel = "S", defaultValue = "5", description = "Without a console, a "
            + "status line at least every S wall seconds and whenever outputs or codes change (default "
            + "${DEFAULT-VALUE}).")
    int statusEvery;

    @Option(names = "--readout-log", paramLabel = "FILE", description = "Append every Instant Readout advertisement "
            + "to FILE, one JSON line each with its device time and bytes (IR-01; `smallbms readout decode` reads "
            + "them with the key).")
    Path readoutLog;

    @CommandLine.Mixin
    VeDirectOptions veDirect = new VeDirectOptions();

    @Option(names = "--mqtt-port", paramLabel = "N", defaultValue = "1883", description = "The port of the MQTT "
            + "broker the device brings along, where it publishes itself in Venus OS conventions (default "
            + "${DEFAULT-VALUE}; 0 picks a free one; see docs/mqtt.md).")
    int mqttPort;

    @Option(names = "--mqtt-bind", paramLabel = "ADDRESS", defaultValue = WebServer.LOOPBACK, description = "Where "
            + "that broker listens (default ${DEFAULT-VALUE}: this machine only). Another address needs "
            + "--mqtt-user and a password, which every client must then give.")
    String mqttBind;

    @Option(names = "--mqtt-url", paramLabel = "URL", description = "Publish to the broker at URL instead of one "
            + "of its own: tcp://host:1883, or ssl://host:8883 for TLS.")
    String mqttUrl;

    @Option(names = "--mqtt-user", paramLabel = "NAME", description = "The MQTT user name: the one the broker at "
            + "--mqtt-url asks for, or the one the device's own broker asks every client for.")
    String mqttUser;

    @Option(names = "--mqtt-password-file", paramLabel = "FILE", description = "The password of --mqtt-user: "
            + "the one line of FILE (readable by this user only, say). Or set the environment variable "
            + MqttPassword.ENV + ". Either keeps it out of the process list.")
    Path mqttPasswordFile;

    @Option(names = "--mqtt-password", paramLabel = "PASSWORD", description = "The password of --mqtt-user on the "
            + "command line, where every user of this machine sees it in the process list: prefer "
            + "--mqtt-password-file or " + MqttPassword.ENV + ".")
    String mqttPassword;

    /** The process's environment; a test gives its own. */
    Function<String, String> environment = System::getenv;

    @Option(names = "--no-mqtt", description = "No MQTT: neither a broker nor a connection to one.")
    boolean noMqtt;

    @Option(names = "--ha-discovery", description = "Announce the device to Home Assistant over MQTT (retained "
            + "discovery messages under homeassistant/).")
    boolean haDiscovery;

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
        if (mqttPassword != null) {
            err.println("note: --mqtt-password is seen by every user of this machine in the process list; "
                    + "--mqtt-password-file FILE or " + MqttPassword.ENV + " keep it out");
        }
        if (mqttPasswordFile != null && MqttPassword.readableByOthers(mqttPasswordFile)) {
            err.println("note: --mqtt-password-file " + Printable.escape(mqttPasswordFile.toString()) + " may be read "
                    + "by every user of this machine: chmod 600 it");
        }
        // Opened first, as an option is checked: a file that cannot be written stops the start before a device is made.
        Optional<ReadoutLog> log;
        try {
            log = readoutLog == null ? Optional.empty() : Optional.of(ReadoutLog.open(readoutLog));
        } catch (IOException e) {
            return refuse(err, "cannot write --readout-log " + Printable.escape(readoutLog.toString()) + ": "
                    + StorageFailure.describe(e) + ". Nothing was started.", EXIT_BAD_INPUT);
        }
        // What is started so far, undone in reverse when a later part cannot start: nothing is left half started.
        Deque<Runnable> started = new ArrayDeque<>();
        log.ifPresent(l -> started.push(l::close));
        Device device;
        try {
            device = Device.open(new Device.Config(system, data, seed, options.start(),
                    Optional.ofNullable(options.speed())));
        } catch (Device.OpenException e) {
            return undo(started, err, e.getMessage(), e.refused() ? EXIT_STORE_REFUSED : EXIT_STORE_UNAVAILABLE);
        }
        boolean talks = device.profile().has(DeviceProfile.Feature.BLUETOOTH);
        out.println(device.profile().label() + " " + device.serial() + ", data in " + device.file() + ": "
                + device.restored().map(s -> "restored (" + (talks ? "SoC " + s.state().monitor().socText() + ", "
                : "") + "saved at " + StatusText.clock(s.at()) + ")").orElse("a new device"));
        // SET-01: a new device's PIN is shown this once, as the label on a real one carries it.
        device.newPin().ifPresent(pin -> out.println("PIN " + pin + " (shown this once: note it; `smallbms pin "
                + "--data " + data + "` sets a new one)"));
        if (talks) {
            out.println("portal id " + device.portalId() + " (its MQTT topics, docs/mqtt.md)");
        } else {
            out.println("the " + device.profile().label() + " has no Bluetooth and no communication port (CLS-04): "
                    + "no Instant Readout, VE.Direct or MQTT; its outputs and LEDs are in the web app and below");
        }
        out.flush();
        started.push(device::abandon);
        Optional<String> refused = device.trial(options.commands());
        if (refused.isPresent()) {
            return undo(started, err, "refused: " + refused.get() + " The device was not started.", EXIT_BAD_INPUT);
        }
        log.ifPresent(device::addReadoutSink);

        WebServer web;
        try {
            web = WebServer.start(device, bind, port);
        } catch (WebServer.WebServerException e) {
            return undo(started, err, Printable.escape(e.getMessage()) + " Nothing was started.",
                    EXIT_STORE_UNAVAILABLE);
        }
        started.push(web::close);
        out.println("web app: http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + web.port() + "/");
        if (!WebServer.isLoopback(bind)) {
            out.println("the web app is served beyond this machine, on " + Printable.escape(bind) + " (--bind)");
        }
        List<VeDirect> veDirects;
        try {
            veDirects = !talks ? List.of()
                    : veDirect.start(new VeDirect.Port(device.snapshots()::get, device::submit), out);
        } catch (VeDirect.VeDirectException e) {
            return undo(started, err, Printable.escape(e.getMessage()) + " Nothing was started.", EXIT_BAD_INPUT);
        }
        veDirects.forEach(v -> started.push(v::close));
        Optional<EmbeddedBroker> broker;
        try {
            broker = !talks ? Optional.empty() : startBroker(out, options.mqttPassword());
        } catch (EmbeddedBroker.BrokerException e) {
            return undo(started, err, Printable.escape(e.getMessage()) + ". Nothing was started.",
                    EXIT_STORE_UNAVAILABLE);
        }
        broker.ifPresent(b -> started.push(b::close));
        Optional<MqttService> mqtt;
        try {
            mqtt = !talks ? Optional.empty() : startMqtt(device, broker, out, options.mqttPassword());
        } catch (MqttLink.MqttLinkException e) {
            return undo(started, err, Printable.escape(e.getMessage()) + ". Nothing was started.",
                    EXIT_STORE_UNAVAILABLE);
        }
        ConsoleReporter reporter = new ConsoleReporter(out, device.snapshots(), System.console() != null,
                Duration.ofSeconds(Math.max(1, statusEvery)));
        device.addListener(reporter);
        AtomicReference<Device.Stopped> ended = new AtomicReference<>();
        Runnable shutdown = once(() -> {
            Device.Stopped stopped = device.stop();
            mqtt.ifPresent(MqttService::close);
            broker.ifPresent(EmbeddedBroker::close);
            web.close();
            veDirects.forEach(VeDirect::close);
            reporter.stop();
            log.ifPresent(l -> closeLog(l, err));
            out.println("stopped at " + StatusText.clock(stopped.at()) + " device time; " + (stopped.saved()
                    ? "state saved" : "state NOT saved: " + stopped.storageWarning().orElse("the store could not "
                    + "take it") + (stopped.lastSavedAt() == null ? "" : " (the last state saved is from "
                    + StatusText.clock(stopped.lastSavedAt()) + " device time)")));
            out.flush();
            ended.set(stopped);
        });
        Thread hook = new Thread(shutdown, "shutdown");
        // Before "running" is printed: whoever stops the device after reading it finds the hook in place.
        Runtime.getRuntime().addShutdownHook(hook);
        out.println(RUNNING + " at " + device.clockDescription() + " from " + StatusText.clock(device.startsAt())
                + " device time; Ctrl-C stops");
        out.flush();

        reporter.start();
        device.start(options.commands(), options.duration());
        try {
            device.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutdown.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down (SIGTERM, Ctrl-C): the hook has done the same work.
        }
        Device.Stopped stopped = ended.get();
        if (stopped.failure().isPresent()) {
            LOG.error("the device stopped: {}", stopped.failure().get().toString());
            err.println("the device stopped on an internal error: " + stopped.failure().get() + ". "
                    + CrashReport.write(data, stopped.failure().get()));
            err.flush();
            return EXIT_INTERNAL_ERROR;
        }
        if (stopped.refused().isPresent()) {
            err.println("refused: " + stopped.refused().get() + " The device was stopped.");
            err.flush();
            return EXIT_BAD_INPUT;
        }
        return 0;
    }

    /**
     * The device's own broker, unless MQTT is off or goes to another broker. When the default port is taken (a
     * broker of the machine's own, most likely) the device's broker takes a free port and says so, rather than keep
     * the device from running; a port the user asked for is refused when taken.
     */
    private Optional<EmbeddedBroker> startBroker(PrintWriter out, Optional<String> password)
            throws EmbeddedBroker.BrokerException {
        if (noMqtt || mqttUrl != null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EmbeddedBroker.start(mqttBind, mqttPort, Optional.ofNullable(mqttUser), password));
        } catch (EmbeddedBroker.BrokerException e) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--mqtt-port")) {
                throw e;
            }
            EmbeddedBroker other = EmbeddedBroker.start(mqttBind, 0, Optional.ofNullable(mqttUser), password);
            out.println("MQTT port " + mqttPort + " is taken (another broker?): the device's own broker listens on "
                    + other.url() + " instead; --mqtt-url tcp://127.0.0.1:" + mqttPort + " publishes to the other "
                    + "one");
            return Optional.of(other);
        }
    }

    /** The MQTT front end, unless MQTT is off: connected and publishing, or the reason it cannot. */
    private Optional<MqttService> startMqtt(Device device, Optional<EmbeddedBroker> broker, PrintWriter out,
            Optional<String> password) throws MqttLink.MqttLinkException {
        if (noMqtt) {
            return Optional.empty();
        }
        String url = broker.map(EmbeddedBroker::url).orElse(mqttUrl);
        MqttService mqtt = MqttService.start(device, url, Optional.ofNullable(mqttUser),
                password.map(String::toCharArray), haDiscovery);
        out.println("mqtt: " + Printable.escape(url) + (broker.isPresent() ? " (its own broker)" : "") + ", N/"
                + mqtt.portalId() + "/battery/" + MqttService.DEVICE_INSTANCE + "/... after a keep-alive on R/"
                + mqtt.portalId() + "/keepalive");
        if (broker.isPresent() && !WebServer.isLoopback(mqttBind)) {
            out.println("the MQTT broker is served beyond this machine, on " + Printable.escape(mqttBind)
                    + " (--mqtt-bind), to clients with the user and password");
        }
        return Optional.of(mqtt);
    }

    /** Closes the readout log and says so if it lost advertisements. */
    private static void closeLog(ReadoutLog log, PrintWriter err) {
        log.close();
        log.failure().ifPresent(e -> err.println("the readout log " + log.file() + " stopped: "
                + StorageFailure.describe(e)));
        if (log.dropped() > 0) {
            err.println("the readout log " + log.file() + " is missing " + log.dropped() + " advertisements: the "
                    + "disk fell behind the device");
        }
        err.flush();
    }

    /** Undoes what was started, last first, then refuses with {@code message}. */
    private static int undo(Deque<Runnable> started, PrintWriter err, String message, int exit) {
        while (!started.isEmpty()) {
            started.pop().run();
        }
        return refuse(err, message, exit);
    }

    private static int refuse(PrintWriter err, String message, int exit) {
        err.println(message);
        err.flush();
        return exit;
    }

    /** The action on the first call only; a later call waits for the first to finish and does nothing. */
    private static Runnable once(Runnable action) {
        return new Runnable() {
            private boolean done;

            @Override
            public synchronized void run() {
                if (!done) {
                    done = true;
                    action.run();
                }
            }
        };
    }

    /**
     * The options, checked.
     *
     * @param speed device seconds per wall second; null for as fast as possible
     * @param commands the commands to apply once running, in order
     * @param duration how long to run, in device time; empty for until stopped
     * @param start the device clock at start; empty for the wall clock's time
     * @param mqttPassword the password of {@code --mqtt-user}, wherever it came from; empty without a user
     */
    private record Options(Double speed, List<Command> commands, Optional<Duration> duration,
            Optional<Instant> start, Optional<String> mqttPassword) {
        @Override
        public String toString() {
            // Never the password, wherever this may be printed.
            return "Options[speed=" + speed + ", commands=" + commands + ", duration=" + duration + ", start=" + start
                    + ", mqttPassword=" + (mqttPassword.isPresent() ? "(given)" : "(none)") + "]";
        }
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
        if (mqttPort < 0 || mqttPort > 65_535) {
            throw new IllegalArgumentException("--mqtt-port = " + mqttPort + " is not allowed: give 0..65535 (0 picks "
                    + "a free port)");
        }
        if (mqttUser == null && (mqttPassword != null || mqttPasswordFile != null)) {
            throw new IllegalArgumentException("--mqtt-user and " + MqttPassword.source(mqttPasswordFile,
                    mqttPassword) + " go together: give both or neither");
        }
        // The environment's password counts only with a user: a variable left set does not stop a run without one.
        Optional<String> password = mqttUser == null ? Optional.empty() : MqttPassword.resolve(mqttPasswordFile,
                mqttPassword, environment);
        if (mqttUser != null && password.isEmpty()) {
            throw new IllegalArgumentException("--mqtt-user needs its password: give --mqtt-password-file FILE or set "
                    + MqttPassword.ENV + " (--mqtt-password PASSWORD works too, but every user of this machine "
                    + "sees it in the process list)");
        }
        if (!noMqtt && mqttUrl == null && !WebServer.isLoopback(mqttBind) && mqttUser == null) {
            throw new IllegalArgumentException("--mqtt-bind = " + Printable.escape(mqttBind) + " serves MQTT beyond "
                    + "this machine: give --mqtt-user and its password (--mqtt-password-file or "
                    + MqttPassword.ENV + "), which every client must then give");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port = " + port + " is not allowed: give 0..65535 (0 picks a free "
                    + "port)");
        }
        veDirect.check();
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
                startAt == null ? Optional.empty() : Optional.of(parseStart(startAt)), password);
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
        Setting setting = Setting.byKey(key).orElseThrow(() -> new IllegalArgumentException("--set "
                + Printable.escape(assignment) + ": there is no setting '" + Printable.escape(key)
                + "'; the settings are " + String.join(", ", Setting.keys())));
        if (eq < 0) {
            throw new IllegalArgumentException("--set " + Printable.escape(assignment) + ": give a value, as "
                    + key + "=" + setting.defaultFor(SystemVoltage.V12));
        }
        return Map.entry(setting, number("--set " + key, assignment.substring(eq + 1),
                "a whole number in " + setting.unit().valueUnit()));
    }

    /** {@code --duration}: the scenarios' grammar ({@link Durations}), and a run's own rule, more than zero. */
    static Duration parseDuration(String text) {
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--duration: " + e.getMessage());
        }
        if (d.isZero()) {
            throw new IllegalArgumentException("--duration = " + Printable.quote(text) + " is not allowed: a run "
                    + "lasts longer than 0s; give one such as 90s, 30m, 12h, 3d or 1d12h, or leave --duration out");
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
