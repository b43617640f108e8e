package org.smallbms.app.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallbms.app.runtime.Reply;
import org.smallbms.app.runtime.Request;
import org.smallbms.app.runtime.Snapshot;

/**
 * The device as a Venus OS {@code battery} service over MQTT, with dbus-flashmq's keep-alive: nothing is published
 * (but the portal id's announcement) until a client sends {@code R/<portal id>/keepalive}; then everything, ending in
 * {@code full_publish_completed}, then changes only, until 60 s after the last keep-alive. Reads republish a path or
 * a sub-tree; writes become core commands submitted through the device, so the core checks them as it checks every
 * other change.
 *
 * <p>Publishing runs on its own thread, from the latest snapshot, at most every {@link #ROUND} of wall time: at 1440×
 * the device ticks 1440 times a wall second, and a subscriber wants the latest values, not each tick's. The clock is
 * given, so a test runs the 60 s keep-alive on a virtual clock and calls {@link #publish} itself. Mutable: the
 * keep-alive and the pending requests, guarded by their own lock so a message or a command's answer (on the control
 * thread) never waits for a round; the last values sent, guarded by this object's lock, held for a round.
 */
public final class VenusMqtt implements AutoCloseable {

    /** dbus-flashmq's keep-alive timeout. */
    public static final Duration KEEP_ALIVE = Duration.ofSeconds(60);
    /** How often {@code system/0/Serial} is announced without a keep-alive. */
    public static final Duration ANNOUNCE_EVERY = Duration.ofSeconds(30);
    /** The wall time between two publishing rounds. */
    static final Duration ROUND = Duration.ofMillis(250);
    /**
     * Writes waiting for the device at once: a client that floods gets its surplus dropped (and logged) rather than
     * a queue in front of the control loop that grows without end.
     */
    static final int MAX_WRITES_WAITING = 16;
    /** At most one log line of a dropped or refused message in this much wall time; the rest are counted in it. */
    static final Duration LOG_EVERY = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(VenusMqtt.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MqttLink link;
    private final Topics topics;
    private final Supplier<Snapshot> latest;
    private final Function<Request, CompletableFuture<Reply>> submit;
    private final Clock clock;
    private final int productId;
    private final String version;
    private final Map<String, String> sent = new HashMap<>();
    private final List<Optional<String>> fullPublishes = new ArrayList<>();
    private final Set<String> reads = new LinkedHashSet<>();
    private final Object pending = new Object();
    private final AtomicInteger writesWaiting = new AtomicInteger();
    /** Whether a round asked for by a message is waiting to run. */
    private final AtomicBoolean woken = new AtomicBoolean();
    private final AtomicLong unlogged = new AtomicLong();
    private final AtomicLong nextLogNanos = new AtomicLong(System.nanoTime());
    private Instant aliveUntil = Instant.MIN;
    private Instant nextAnnouncement = Instant.MIN;
    private boolean baseline;
    /** The snapshot the last round published from while a client was alive; null when none. */
    private Snapshot lastSnapshot;
    private volatile ScheduledExecutorService rounds;

    /**
     * @param link the broker
     * @param topics the device's topics
     * @param latest the latest snapshot
     * @param submit how a command reaches the device ({@code Device::submit})
     * @param clock the clock of the keep-alive and the announcements (the wall clock when running)
     * @param productId the product id published
     * @param version the firmware version published
     */
    public VenusMqtt(MqttLink link, Topics topics, Supplier<Snapshot> latest,
            Function<Request, CompletableFuture<Reply>> submit, Clock clock, int productId, String version) {
        this.link = link;
        this.topics = topics;
        this.latest = latest;
        this.submit = submit;
        this.clock = clock;
        this.productId = productId;
        this.version = version;
    }

    /** Subscribes to the requests and writes and publishes every {@link #ROUND} on a thread of its own. */
    public synchronized void start() throws MqttLink.MqttLinkException {
        link.subscribe(topics.requests(), this::onMessage);
        link.subscribe(topics.writes(), this::onMessage);
        rounds = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt");
            t.setDaemon(true);
            return t;
        });
        rounds.scheduleWithFixedDelay(this::round, 0, ROUND.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            publish();
        } catch (RuntimeException e) {
            // A bug: logged with its trace, and the next round tries again rather than the thread dying silently.
            LOG.error("MQTT publishing failed", e);
        }
    }

    /** A message from the broker: a keep-alive, a read or a write. Returns at once; never throws. */
    public void onMessage(String topic, byte[] payload) {
        Topics.Ask ask = topics.read(topic, payload);
        if (ask instanceof Topics.KeepAlive keepAlive) {
            synchronized (pending) {
                aliveUntil = clock.instant().plus(KEEP_ALIVE);
                if (keepAlive.republish()) {
                    fullPublishes.add(keepAlive.echo());
                } else {
                    baseline = true;
                }
            }
            wake();
        } else if (ask instanceof Topics.Read read) {
            synchronized (pending) {
                reads.add(read.path());
            }
            wake();
        } else if (ask instanceof Topics.Write write) {
            write(topic, write);
        } else if (ask instanceof Topics.Ignored ignored) {
            warn("MQTT message ignored, nothing changed: " + ignored.reason());
        }
    }

    /** A warning, unless one was logged within {@link #LOG_EVERY}: then it is counted in the next one. */
    private void warn(String message) {
        long now = System.nanoTime();
        long next = nextLogNanos.get();
        if (now - next >= 0 && nextLogNanos.compareAndSet(next, now + LOG_EVERY.toNanos())) {
            long skipped = unlogged.getAndSet(0);
            LOG.warn("{}{}", message, skipped == 0 ? "" : " (and " + skipped + " more messages not logged)");
        } else {
            unlogged.incrementAndGet();
        }
    }

    private void write(String topic, Topics.Write write) {
        if (writesWaiting.incrementAndGet() > MAX_WRITES_WAITING) {
            writesWaiting.decrementAndGet();
            warn("MQTT write to " + write.path() + " dropped, nothing changed: " + MAX_WRITES_WAITING
                    + " writes are still waiting for the device");
            return;
        }
        submit.apply(new Request.ToBms(write.command())).whenComplete((reply, error) -> {
            writesWaiting.decrementAndGet();
            if (error != null) {
                LOG.warn("MQTT write to {} not applied: the device is stopping", write.path());
            } else if (reply.accepted()) {
                // The change goes out with the next round's changes.
                LOG.info("MQTT write to {} applied: {}", write.path(), write.command());
            } else {
                warn("MQTT write to " + write.path() + " refused, nothing changed: " + reply.message());
                // As a read: the client that wrote sees the value the device kept.
                synchronized (pending) {
                    reads.add(write.path());
                }
                wake();
            }
        });
    }

    /**
     * A round at once, unless one is waiting to run already: that one serves what just arrived too, so a client that
     * floods reads or keep-alives queues one round, not one per message.
     */
    private void wake() {
        ScheduledExecutorService r = rounds;
        if (r != null && woken.compareAndSet(false, true)) {
            try {
                r.execute(() -> {
                    woken.set(false);
                    round();
                });
            } catch (RejectedExecutionException e) {
                // Closed: nothing more is published.
                woken.set(false);
            }
        }
    }

    /** One round: the announcement when due, the full publishes asked for, the reads, and the changes. */
    public synchronized void publish() {
        Snapshot snapshot = latest.get();
        Instant now = clock.instant();
        if (!now.isBefore(nextAnnouncement)) {
            send(topics.systemSerial(), value(topics.portalId()));
            nextAnnouncement = now.plus(ANNOUNCE_EVERY);
        }
        boolean alive;
        List<Optional<String>> full;
        List<String> reading;
        boolean keepSilent;
        synchronized (pending) {
            alive = now.isBefore(aliveUntil);
            full = List.copyOf(fullPublishes);
            fullPublishes.clear();
            reading = List.copyOf(reads);
            reads.clear();
            keepSilent = baseline;
            baseline = false;
        }
        if (!alive) {
            sent.clear();
            lastSnapshot = null;
            if (reading.isEmpty()) {
                return;
            }
        } else if (full.isEmpty() && reading.isEmpty() && !keepSilent && snapshot == lastSnapshot) {
            // Nothing asked for and the same tick as the round before: the same paths, nothing changed. At 1× three
            // rounds in four are this, and building every path is most of what a round costs.
            return;
        }
        Map<String, String> paths = VenusPaths.of(snapshot, productId, topics.instance(), version);
        if (alive) {
            lastSnapshot = snapshot;
            sendChanges(paths, full, keepSilent, now);
        }
        for (String read : reading) {
            paths.forEach((path, payload) -> {
                if (within(path, read)) {
                    notify(path, payload);
                }
            });
        }
    }

    /** For a client alive: the full publishes asked for, else the baseline of a suppressed one, else the changes. */
    private void sendChanges(Map<String, String> paths, List<Optional<String>> full, boolean keepSilent,
            Instant now) {
        if (!full.isEmpty()) {
            paths.forEach(this::notify);
            sent.clear();
            sent.putAll(paths);
            for (Optional<String> echo : full) {
                ObjectNode done = JSON.createObjectNode();
                echo.ifPresent(token -> done.put("full-publish-completed-echo", token));
                done.put("value", now.getEpochSecond());
                send(topics.fullPublishCompleted(), done.toString());
            }
        } else if (keepSilent && sent.isEmpty()) {
            // "suppress-republish": the client has the values; from here on, changes only.
            sent.putAll(paths);
        } else {
            paths.forEach((path, payload) -> {
                if (!payload.equals(sent.get(path))) {
                    notify(path, payload);
                    sent.put(path, payload);
                }
            });
        }
    }

    /** Whether {@code path} is {@code read} or below it. */
    static boolean within(String path, String read) {
        String tree = read.endsWith("/") ? read : read + "/";
        return read.isEmpty() || path.equals(read) || path.startsWith(tree);
    }

    private void notify(String path, String payload) {
        send(topics.notification() + path, payload);
    }

    private void send(String topic, String payload) {
        link.publish(topic, payload.getBytes(StandardCharsets.UTF_8), false);
    }

    private static String value(String text) {
        ObjectNode node = JSON.createObjectNode();
        node.put("value", text);
        return node.toString();
    }

    /** Stops publishing; the link is the caller's to close. */
    @Override
    public synchronized void close() {
        if (rounds != null) {
            rounds.shutdownNow();
        }
    }
}
