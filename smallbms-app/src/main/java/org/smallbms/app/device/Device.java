package org.smallbms.app.device;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallbms.app.readout.Advertiser;
import org.smallbms.app.readout.BmsMapping;
import org.smallbms.app.readout.Broadcast;
import org.smallbms.app.readout.LatestBroadcast;
import org.smallbms.app.readout.ReadoutKey;
import org.smallbms.app.readout.ReadoutSink;
import org.smallbms.app.runtime.AdjustableClock;
import org.smallbms.app.runtime.ControlLoop;
import org.smallbms.app.runtime.Reply;
import org.smallbms.app.runtime.Request;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.app.runtime.SnapshotHolder;
import org.smallbms.app.store.DeviceIdentity;
import org.smallbms.app.store.StorageFailure;
import org.smallbms.app.store.Store;
import org.smallbms.app.store.StoreRefusedException;
import org.smallbms.app.store.StoreUnavailableException;
import org.smallbms.app.store.StoreWriter;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.DeviceProfile;
import org.smallbms.core.bms.Command;
import org.smallbms.core.bms.CommandResult;
import org.smallbms.core.event.Event;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.core.driver.ClosedLoop;
import org.smallbms.sim.system.World;

/**
 * The device composition root: one live smallBMS NG assembled in one place. {@link #open} opens the data directory's
 * store (one process at a time), restores the device or creates it, and builds its world, clock and control loop;
 * {@link #start} runs it. Every front end (the CLI today, the web app, Instant Readout, MQTT and VE.Direct next) takes
 * the device from here: its latest {@link Snapshot}, a way to be told of each new one, and the one queue for requests.
 * None builds a device of its own.
 *
 * <p>A device that stops on an internal error (a tick or the store writer throws: a bug) says so in {@link Stopped};
 * one whose start-up command the BMS refuses never starts.
 */
public final class Device implements AutoCloseable {

    /**
     * What a device is made of.
     *
     * @param system the system it is wired into
     * @param data its data directory
     * @param seed the seed of the world's cell spread and clouds
     * @param start the device clock at start for a new device; empty for the wall clock's time
     * @param speed device seconds per wall second at start; empty for as fast as possible
     */
    public record Config(Scenario system, Path data, long seed, Optional<Instant> start, Optional<Double> speed) {
        public Config {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(speed, "speed");
        }
    }

    /**
     * How a device ended.
     *
     * @param at its device time at the end
     * @param saved whether its last state and every event reached the store
     * @param storageWarning what the store said when not
     * @param lastSavedAt the device time of the last state that reached the store; null before any
     * @param failure the internal error that stopped it, if one did
     * @param refused the message of a start-up command the BMS refused once running, if one was
     */
    public record Stopped(Instant at, boolean saved, Optional<String> storageWarning, Instant lastSavedAt,
            Optional<Throwable> failure, Optional<String> refused) {
    }

    /** Opening failed: the store cannot be used; the message says why and what to do. */
    public static final class OpenException extends Exception {
        private static final long serialVersionUID = 1L;

        /** Whether the data file itself was refused (corrupt, another application's), not only unavailable now. */
        private final boolean refused;

        OpenException(String message, boolean refused, Throwable cause) {
            super(message, cause);
            this.refused = refused;
        }

        public boolean refused() {
            return refused;
        }
    }

    /** How many of the store's newest events a device shows in its timeline from before its start. */
    public static final int EARLIER_EVENTS = 500;
    private static final int PORTAL_ID_BYTES = 6;
    private static final Logger LOG = LoggerFactory.getLogger(Device.class);

    private final Store store;
    private final Optional<Store.Saved> restored;
    private final Instant start;
    private final BmsState initial;
    private final Config config;
    private final StoreWriter writer;
    private final AdjustableClock clock;
    private final List<Event> earlierEvents;
    private final ControlLoop loop;
    private final Advertiser advertiser;
    private final LatestBroadcast latestReadout = new LatestBroadcast();
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final AtomicReference<String> lateRefusal = new AtomicReference<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private Thread thread;
    private volatile Stopped ending;

    private Device(Config config, Store store, Optional<Store.Saved> restored, Instant start,
            List<Event> earlierEvents) {
        this.config = config;
        this.earlierEvents = List.copyOf(earlierEvents);
        this.store = store;
        this.restored = restored;
        this.start = start;
        this.initial = restored.isPresent() ? Bms.restore(restored.get().state(), start)
                : Bms.initial(config.system().device());
        this.writer = new StoreWriter(store, this::fail);
        // The world first: building it takes a moment, and a scaled clock started before it would be that far on
        // by the first tick, which would come later than the start the device announces.
        World world = world();
        this.clock = new AdjustableClock(start, config.speed().map(AdjustableClock.Speed::new)
                .orElse(AdjustableClock.Speed.MAX));
        this.loop = new ControlLoop(initial, world, clock, ControlLoop.DEFAULT_TICK, writer,
                store.identity().serial());
        // IR-01: a random first nonce a run, so two runs under the same key do not start on the same nonces.
        this.advertiser = new Advertiser(new ReadoutKey(store.identity().readoutKey()), BmsMapping.PRODUCT_ID,
                new SecureRandom().nextInt(1 << Short.SIZE));
        advertiser.addSink(latestReadout);
        // A device without Bluetooth never advertises (CLS-04).
        if (initial.profile().has(DeviceProfile.Feature.BLUETOOTH)) {
            loop.addListener(advertiser);
        }
    }

    /** Opens the store in the data directory and builds the device on what it holds; nothing runs yet. */
    public static Device open(Config config) throws OpenException {
        Instant wallNow = config.start().orElse(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Store store;
        try {
            store = Store.open(config.data(), Instant.now(), "smallbms run");
        } catch (StoreRefusedException e) {
            throw new OpenException(e.getMessage(), true, e);
        } catch (StoreUnavailableException e) {
            throw new OpenException(e.getMessage(), false, e);
        }
        try {
            Optional<Store.Saved> saved = store.load();
            DeviceProfile wanted = config.system().device();
            if (saved.isPresent() && saved.get().state().device() != wanted) {
                store.close();
                throw new OpenException(config.data() + " holds a " + saved.get().state().device().label()
                        + ", and " + config.system().name() + " has a " + wanted.label() + ": one data directory "
                        + "keeps one device. Give --data another directory. Nothing was started.", true, null);
            }
            // Device time never runs backwards in the store: a restart continues after the latest time it knows.
            Instant start = store.latestDeviceTime().map(t -> t.plusSeconds(1).truncatedTo(ChronoUnit.SECONDS))
                    .filter(t -> t.isAfter(wallNow)).orElse(wallNow);
            return new Device(config, store, saved, start, store.recentEvents(EARLIER_EVENTS));
        } catch (StoreRefusedException e) {
            store.close();
            throw new OpenException(e.getMessage(), true, e);
        } catch (SQLException e) {
            store.close();
            throw new OpenException("cannot read " + store.file() + ": " + StorageFailure.describe(e)
                    + ". Nothing was started.", false, e);
        }
    }

    /**
     * The world the device is wired into. A restarted device's battery continues where the BMS left it, when the BMS
     * knows where that was, and the scenario's initial settings and SoC are not given again over the stored ones.
     */
    private World world() {
        return restored.isEmpty() ? config.system().newWorld(config.seed()) : config.system().resumedWorld(
                config.seed(), initial.socPermille().map(p -> p / 10.0).orElse(config.system().initialSocPercent()));
    }

    /** Which smallBMS this is: what every front end shows. */
    public DeviceProfile profile() {
        return initial.profile();
    }

    public String serial() {
        return store.identity().serial();
    }

    /**
     * The portal id Venus OS clients find the device by (MQTT topics): 12 hex digits as a GX's, derived from the
     * serial kept in the store, so it stays the same across restarts and differs between devices.
     */
    public String portalId() {
        return portalIdOf(serial());
    }

    /** The product id the device reports over every protocol (Instant Readout, MQTT). */
    public int productId() {
        return BmsMapping.PRODUCT_ID;
    }

    /** The portal id of the device with {@code serial}. */
    public static String portalIdOf(String serial) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(serial.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, PORTAL_ID_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public Path file() {
        return store.file();
    }

    /** The state it was restored from; empty for a new device. */
    public Optional<Store.Saved> restored() {
        return restored;
    }

    /** SET-01: the PIN of a device created now, to be shown this once; empty on every later start. */
    public Optional<String> newPin() {
        return store.newPin();
    }

    /** How its clock runs: {@code "1440×"}, {@code "as fast as possible"}, {@code "paused"}. */
    public String clockDescription() {
        return clock.describe();
    }

    /** Its device time now, between two ticks. */
    public Instant clockNow() {
        return clock.now();
    }

    /** How fast its device time runs now. */
    public AdjustableClock.Speed speed() {
        return clock.speed();
    }

    /** Runs the device at {@code speed} from now on: pause, real time, faster, as fast as possible. */
    public void setSpeed(AdjustableClock.Speed speed) {
        clock.setSpeed(speed);
        LOG.info("speed {}", speed.describe());
    }

    /** The store's newest events from before this start, oldest first: the timeline a restart keeps. */
    public List<Event> earlierEvents() {
        return earlierEvents;
    }

    /** SET-01: whether {@code pin} is the device's PIN, checked against its salted hash in constant time. */
    public boolean pinMatches(String pin) {
        return store.identity().pin().matches(pin);
    }

    /**
     * SET-01: a new PIN, kept as its salted hash; the old one no longer matches.
     *
     * @throws IllegalArgumentException when {@code pin} is not six digits ({@link DeviceIdentity#pinProblem})
     * @throws SQLException when the store cannot take it; the old PIN stays
     */
    public void changePin(String pin) throws SQLException {
        store.changePin(pin);
    }

    /**
     * IR-01: the Instant Readout key, for its owner who asks for it (a session opened with the PIN, or the data
     * directory). Never logged.
     */
    public ReadoutKey readoutKey() {
        return new ReadoutKey(store.identity().readoutKey());
    }

    /**
     * IR-01: a new Instant Readout key, in the store and in the advertisements from the next one on; the old key no
     * longer decodes them. Returns the new key.
     *
     * @throws SQLException when the store cannot take it; the old key stays
     */
    public ReadoutKey newReadoutKey() throws SQLException {
        ReadoutKey key = new ReadoutKey(store.changeReadoutKey());
        advertiser.rekey(key);
        // The latest advertisement was made with the old key: a reader waits for the next one.
        latestReadout.silence();
        LOG.info("a new Instant Readout key was made");
        return key;
    }

    /** IR-01: the latest advertisement; empty before the first and while Instant Readout sends none. */
    public Optional<Broadcast> latestReadout() {
        return latestReadout.get();
    }

    /** IR-01: {@code sink} gets every advertisement from now on, on the control thread. Add before {@link #start}. */
    public void addReadoutSink(ReadoutSink sink) {
        advertiser.addSink(sink);
    }

    /** The device time it starts at. */
    public Instant startsAt() {
        return start;
    }

    public SnapshotHolder snapshots() {
        return loop.snapshots();
    }

    /** Told of each snapshot on the control thread; it must return at once. Add before {@link #start}. */
    public void addListener(Consumer<Snapshot> listener) {
        loop.addListener(listener);
    }

    /** A request for the next tick; the answer completes when the loop has applied it. */
    public CompletableFuture<Reply> submit(Request request) {
        return loop.submit(request);
    }

    /**
     * The first of {@code commands} the BMS would refuse, tried before anything runs: on a world of its own, in the
     * second tick, as {@link #start} applies them (after the first tick has seen the bank, so a set SoC knows its
     * capacity, and after the scenario's own initial settings and SoC). The core is pure, so the trial changes nothing
     * of the device or its store.
     */
    public Optional<String> trial(List<Command> commands) {
        if (commands.isEmpty()) {
            return Optional.empty();
        }
        World trial = world();
        BmsState first = ClosedLoop.tick(initial, trial, start, ControlLoop.DEFAULT_TICK).bms();
        for (CommandResult result : ClosedLoop.tick(first, trial, start.plus(ControlLoop.DEFAULT_TICK),
                ControlLoop.DEFAULT_TICK, commands).requested()) {
            if (result instanceof CommandResult.Rejected rejected) {
                return Optional.of(rejected.message());
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the device on its own thread: {@code commands} are applied once the first tick has seen the batteries (a
     * refusal then stops the device, see {@link Stopped#refused}); it stops after {@code duration} of device time,
     * or when {@link #stop} is called.
     */
    public synchronized void start(List<Command> commands, Optional<Duration> duration) {
        if (thread != null) {
            throw new IllegalStateException("the device runs already");
        }
        if (stopped.get()) {
            // Stopped before it could start (a SIGTERM right after the start was announced): it stays stopped.
            return;
        }
        List<Command> startup = List.copyOf(commands);
        AtomicBoolean submitted = new AtomicBoolean();
        loop.addListener(snapshot -> {
            if (submitted.compareAndSet(false, true)) {
                for (Command command : startup) {
                    loop.submit(new Request.ToBms(command)).thenAccept(reply -> {
                        if (!reply.accepted() && lateRefusal.compareAndSet(null, reply.message())) {
                            loop.stop();
                        }
                    });
                }
            }
        });
        duration.ifPresent(d -> loop.stopAt(loop.snapshots().get().at().plus(d)));
        thread = new Thread(loop, "control-loop");
        thread.start();
    }

    /** Waits until the device has stopped by itself (its duration, a refusal, an internal error) or by a stop. */
    public void awaitStop() throws InterruptedException {
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            running.join();
        }
    }

    /**
     * Stops the device (if it runs), saves its state, closes the store and the directory's lock, and says how it
     * ended. Safe to call more than once and from a shutdown hook: later calls wait for the first and return the same.
     */
    public synchronized Stopped stop() {
        if (stopped.compareAndSet(false, true)) {
            loop.stop();
            try {
                awaitStop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop.failure().ifPresent(this::fail);
            Snapshot last = loop.snapshots().get();
            // The loop checkpoints as it stops; this covers a stop that came before its first tick.
            writer.checkpoint(last.bms().persisted(), last.at());
            writer.close();
            ending = new Stopped(last.at(), writer.complete(), writer.status().warning(),
                    writer.status().lastCheckpointAt(), Optional.ofNullable(fatal.get()),
                    Optional.ofNullable(lateRefusal.get()));
        }
        return ending;
    }

    /** Stops the device and saves its state: {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Closes a device that is not to run after all (a start-up command the BMS refuses, a port that is taken) without
     * saving anything: the store stays as it was opened.
     */
    public synchronized void abandon() {
        if (thread != null) {
            throw new IllegalStateException("the device runs: stop it instead");
        }
        if (stopped.compareAndSet(false, true)) {
            writer.close();
            Snapshot last = loop.snapshots().get();
            ending = new Stopped(last.at(), false, Optional.of("abandoned before it started"), null,
                    Optional.empty(), Optional.empty());
        }
    }

    /** A thread of the device died: the first reason is kept and the device stops. */
    private void fail(Throwable e) {
        fatal.compareAndSet(null, e);
        loop.stop();
    }
}
