package org.smallbms.app.vedirect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallbms.app.runtime.Reply;
import org.smallbms.app.runtime.Request;
import org.smallbms.app.runtime.Snapshot;

/**
 * One VE.Direct line, a TCP connection or a serial device: a reader thread answers HEX frames, a ticker thread sends
 * the TEXT blocks once a wall second and the async messages. Writes never interleave: a TEXT block, a reply and an
 * async message each go out whole. A HEX frame pauses TEXT for {@link #TEXT_PAUSE}, as a BMV returns to TEXT a few
 * seconds after the last HEX traffic. The reader takes at most {@link #BYTES_PER_SECOND} a wall second, so a client
 * that floods the line is slowed (TCP holds it back) and never costs the device more than that.
 */
final class Link implements AutoCloseable {

    /** How long TEXT stays quiet after a HEX frame. */
    static final Duration TEXT_PAUSE = Duration.ofSeconds(2);
    /** Five times what 19200 baud carries: room for a client, a limit for a flood. */
    static final int BYTES_PER_SECOND = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(Link.class);

    private final String peer;
    private final InputStream in;
    private final OutputStream out;
    private final HexSession session;
    private final Supplier<Snapshot> latest;
    private final Runnable onClose;
    private final Thread reader;
    private final Thread ticker;
    private volatile long lastHexNanos;
    private volatile boolean spokeHex;
    private volatile boolean closed;

    Link(String peer, InputStream in, OutputStream out, Supplier<Snapshot> latest,
            Function<Request, CompletableFuture<Reply>> submit, Runnable onClose) {
        this.peer = Objects.requireNonNull(peer, "peer");
        this.in = in;
        this.out = out;
        this.latest = latest;
        this.onClose = onClose;
        this.session = new HexSession(latest, submit, Duration.ofSeconds(10), peer);
        this.lastHexNanos = System.nanoTime() - TEXT_PAUSE.toNanos();
        this.reader = new Thread(this::read, "vedirect-read " + peer);
        this.ticker = new Thread(this::tick, "vedirect-text " + peer);
        reader.setDaemon(true);
        ticker.setDaemon(true);
    }

    void start() {
        reader.start();
        ticker.start();
    }

    private void read() {
        byte[] buffer = new byte[256];
        StringBuilder line = new StringBuilder();
        boolean inFrame = false;
        boolean overLong = false;
        Pace pace = new Pace(BYTES_PER_SECOND, System.nanoTime());
        try {
            int n;
            while (!closed && (n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (b == ':') {
                        // A new frame starts: what came before without a newline is dropped.
                        inFrame = true;
                        overLong = false;
                        line.setLength(0);
                    }
                    if (!inFrame) {
                        continue;
                    }
                    if (b == '\n') {
                        inFrame = false;
                        if (overLong) {
                            overLong = false;
                            continue;
                        }
                        frame(line);
                        line.setLength(0);
                    } else if (!overLong) {
                        line.append((char) b);
                        if (line.length() > HexFrame.MAX_LINE + 1) {
                            overLong = true;
                            frame(line);
                            line.setLength(0);
                        }
                    }
                }
                Duration wait = pace.took(n, System.nanoTime());
                if (!wait.isZero()) {
                    TimeUnit.NANOSECONDS.sleep(wait.toNanos());
                }
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.info("VE.Direct {}: the line ended: {}", peer, e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    private void frame(CharSequence line) throws IOException {
        lastHexNanos = System.nanoTime();
        spokeHex = true;
        Optional<HexFrame> answer = session.answer(line);
        if (answer.isPresent()) {
            write(answer.get().encode().getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void tick() {
        long next = System.nanoTime();
        try {
            while (!closed) {
                next += TimeUnit.SECONDS.toNanos(1);
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                Snapshot snapshot = latest.get();
                if (spokeHex) {
                    for (HexFrame async : session.changes(snapshot)) {
                        write(async.encode().getBytes(StandardCharsets.US_ASCII));
                    }
                }
                if (Pace.textDue(lastHexNanos, System.nanoTime(), TEXT_PAUSE)) {
                    List<byte[]> blocks = TextBlock.of(snapshot);
                    for (byte[] block : blocks) {
                        write(block);
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.info("VE.Direct {}: the line ended: {}", peer, e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    private void write(byte[] bytes) throws IOException {
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        reader.interrupt();
        ticker.interrupt();
        onClose.run();
    }
}
