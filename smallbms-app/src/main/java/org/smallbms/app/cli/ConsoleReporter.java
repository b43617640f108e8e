package org.smallbms.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.app.runtime.SnapshotHolder;
import org.smallbms.core.event.Event;

/**
 * Prints the device on the terminal from its own thread: each event as a line, as it happens, and the status line.
 * With a console attached the status line is rewritten in place ({@code \r}); otherwise (a pipe, a log file) it is
 * printed when the outputs or codes change, and at least every {@code every}.
 *
 * <p>The control loop only hands event lines over ({@link #accept}); a terminal that stalls loses lines (counted),
 * it never stalls the BMS.
 */
final class ConsoleReporter implements Consumer<Snapshot> {

    private static final long REFRESH_MILLIS = 200;
    private static final int MAX_QUEUED_LINES = 10_000;

    private final PrintWriter out;
    private final SnapshotHolder snapshots;
    private final boolean console;
    private final Duration every;
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(MAX_QUEUED_LINES);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    // Printing thread only.
    private String lastState = "";
    private long lastPrintNanos;

    ConsoleReporter(PrintWriter out, SnapshotHolder snapshots, boolean console, Duration every) {
        this.out = out;
        this.snapshots = snapshots;
        this.console = console;
        this.every = every;
        this.thread = new Thread(this::printLoop, "console");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void accept(Snapshot snapshot) {
        for (Event event : snapshot.events()) {
            if (!lines.offer(StatusText.event(event))) {
                dropped.incrementAndGet();
            }
        }
    }

    /** Prints what is left and a last status line, then stops the thread. */
    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void printLoop() {
        while (running) {
            printPending(false);
            try {
                TimeUnit.MILLISECONDS.sleep(REFRESH_MILLIS);
            } catch (InterruptedException e) {
                break;
            }
        }
        printPending(true);
    }

    private void printPending(boolean last) {
        List<String> batch = new ArrayList<>();
        lines.drainTo(batch);
        for (String line : batch) {
            out.print(console ? "\r\033[K" + line + "\n" : line + "\n");
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            out.print((console ? "\r\033[K" : "") + "(" + lost + " event lines not shown: the terminal was too "
                    + "slow)\n");
        }
        Snapshot snapshot = snapshots.get();
        String status = StatusText.status(snapshot);
        String state = StatusText.state(snapshot);
        long now = System.nanoTime();
        if (console) {
            out.print("\r\033[K" + status + (last ? "\n" : ""));
        } else if (last || !state.equals(lastState) || now - lastPrintNanos >= every.toNanos()) {
            out.print(status + "\n");
            snapshot.storage().warning().filter(w -> !state.equals(lastState)).ifPresent(w -> out.print(w + "\n"));
            lastState = state;
            lastPrintNanos = now;
        }
        out.flush();
    }
}
