package org.smallbms.app.web;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/stream}: server-sent events to every open page. Each event of the timeline goes out as it happens
 * ({@code event: event}); the status goes out at most {@value #SNAPSHOTS_PER_SECOND} times a wall second, the latest
 * one ({@code event: snapshot}), whatever the speed. One thread of its own sends, so the control loop only hands an
 * event over and never waits for a slow client.
 *
 * <p>An open stream is a connected client (LED-01). Events beyond {@value #MAX_QUEUED} waiting to go out are
 * dropped, oldest first; a page catches up with {@code /api/events?since=}.
 */
final class Stream implements AutoCloseable {

    static final int SNAPSHOTS_PER_SECOND = 4;
    static final int MAX_QUEUED = 10_000;
    private static final long SNAPSHOT_EVERY_NANOS = 1_000_000_000L / SNAPSHOTS_PER_SECOND;
    /** A comment this often finds connections that died without closing. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(Stream.class);

    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Timeline.Entry> pending = new ArrayBlockingQueue<>(MAX_QUEUED);
    private final Supplier<Long> tick;
    private final Supplier<String> status;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param tick the latest snapshot's tick number: a snapshot goes out only when it changed
     * @param status the status as JSON, built when it goes out
     */
    Stream(Supplier<Long> tick, Supplier<String> status) {
        this.tick = tick;
        this.status = status;
        this.thread = new Thread(this::run, "web-stream");
        thread.setDaemon(true);
        thread.start();
    }

    /** A page opened the stream: it gets the status at once, then the stream, until it closes. */
    void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        send(client, "snapshot", status.get(), null);
        clients.add(client);
    }

    /** Whether a page is open: a client is connected (LED-01). */
    boolean connected() {
        return !clients.isEmpty();
    }

    int clientCount() {
        return clients.size();
    }

    /** Hands new events over for sending; never blocks (called on the control thread). */
    void offer(List<Timeline.Entry> entries) {
        for (Timeline.Entry entry : entries) {
            while (!pending.offer(entry)) {
                pending.poll();
            }
        }
    }

    private void run() {
        long nextSnapshot = System.nanoTime();
        long nextHeartbeat = nextSnapshot + HEARTBEAT.toNanos();
        long sentTick = -1;
        while (running) {
            try {
                long wait = Math.max(0, nextSnapshot - System.nanoTime());
                Timeline.Entry entry = pending.poll(wait, TimeUnit.NANOSECONDS);
                while (entry != null) {
                    String json = DeviceViews.event(entry).toString();
                    String id = Long.toString(entry.id());
                    for (SseClient client : clients) {
                        send(client, "event", json, id);
                    }
                    entry = pending.poll();
                }
                long now = System.nanoTime();
                if (now - nextSnapshot >= 0) {
                    nextSnapshot = now + SNAPSHOT_EVERY_NANOS;
                    long latest = tick.get();
                    if (latest != sentTick && !clients.isEmpty()) {
                        sentTick = latest;
                        String json = status.get();
                        for (SseClient client : clients) {
                            send(client, "snapshot", json, null);
                        }
                    }
                }
                if (now - nextHeartbeat >= 0) {
                    nextHeartbeat = now + HEARTBEAT.toNanos();
                    for (SseClient client : clients) {
                        heartbeat(client);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A view that fails to build is a bug; the stream goes on for the next one.
                LOG.warn("the stream could not send: {}", e.toString());
            }
        }
    }

    private void send(SseClient client, String event, String json, String id) {
        try {
            if (id == null) {
                client.sendEvent(event, json);
            } else {
                client.sendEvent(event, json, id);
            }
        } catch (RuntimeException e) {
            drop(client);
        }
        if (client.terminated()) {
            drop(client);
        }
    }

    private void heartbeat(SseClient client) {
        try {
            client.sendComment("alive");
        } catch (RuntimeException e) {
            drop(client);
        }
        if (client.terminated()) {
            drop(client);
        }
    }

    private void drop(SseClient client) {
        clients.remove(client);
        try {
            client.close();
        } catch (RuntimeException e) {
            // Already gone.
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        for (SseClient client : clients) {
            drop(client);
        }
    }
}
