package org.smallbms.app.readout;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code smallbms run --readout-log FILE}: every advertisement as one JSON line, appended,
 * {@code {"deviceTime":"2026-06-01T12:00:00Z","hex":"1000e7a30a..."}}. The bytes are the ones sent, encrypted: the
 * file holds nothing the air does not, and {@code smallbms readout decode} reads them with the key.
 *
 * <p>The control thread only queues the line; a thread of the log's own writes it, so a slow disk never holds a
 * tick. At most {@value #QUEUE} lines wait: a disk that falls that far behind (a device as fast as the CPU allows on
 * a slow disk) loses the lines beyond, counted in {@link #dropped()}. A write that fails stops the log and says why
 * in {@link #failure()}; the device runs on.
 */
public final class ReadoutLog implements ReadoutSink, AutoCloseable {

    static final int QUEUE = 65_536;
    private static final long POLL_MILLIS = 100;

    private final Path file;
    private final BufferedWriter out;
    private final BlockingQueue<Broadcast> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    private final Thread writer;
    private volatile boolean open = true;

    private ReadoutLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
        this.writer = new Thread(this::writeLines, "readout-log");
        writer.setDaemon(true);
    }

    /**
     * Opens {@code file} for appending (creating it) and starts its writer.
     *
     * @throws IOException when it cannot be opened for writing
     */
    public static ReadoutLog open(Path file) throws IOException {
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        ReadoutLog log = new ReadoutLog(file, out);
        log.writer.start();
        return log;
    }

    public Path file() {
        return file;
    }

    @Override
    public void advertise(Broadcast broadcast) {
        if (!open || failure.get() != null || !queue.offer(broadcast)) {
            dropped.incrementAndGet();
        }
    }

    /** How many advertisements never reached the file (the disk fell behind, or it failed). */
    public long dropped() {
        return dropped.get();
    }

    /** Why writing stopped, if it did. */
    public Optional<IOException> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** The line of one advertisement. */
    static String line(Broadcast broadcast) {
        return "{\"deviceTime\":\"" + broadcast.at() + "\",\"hex\":\"" + broadcast.hex() + "\"}";
    }

    private void writeLines() {
        try {
            while (open || !queue.isEmpty()) {
                Broadcast next = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (next != null) {
                    out.write(line(next));
                    out.newLine();
                }
                if (queue.isEmpty()) {
                    // Flushed whenever it has caught up, so a reader following the file sees each line soon.
                    out.flush();
                }
            }
        } catch (IOException e) {
            failure.compareAndSet(null, e);
            dropped.addAndGet(queue.size());
            queue.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, then closes the file. */
    @Override
    public void close() {
        open = false;
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            out.close();
        } catch (IOException e) {
            failure.compareAndSet(null, e);
        }
    }
}
