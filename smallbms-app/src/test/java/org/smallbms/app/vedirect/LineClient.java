package org.smallbms.app.vedirect;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The other end of a VE.Direct line, as a reader of TEXT and HEX: a thread splits what arrives with
 * {@link TextParser}; a test waits for the item it expects, with a generous timeout, skipping the others.
 */
final class LineClient implements AutoCloseable {

    /** Far beyond what any answer needs: a test waits for a condition, never for a time. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final OutputStream out;
    private final BlockingQueue<TextParser.Item> items = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final Closeable resource;

    LineClient(InputStream in, OutputStream out, Closeable resource) {
        this.out = out;
        this.resource = resource;
        this.reader = new Thread(() -> {
            TextParser parser = new TextParser();
            try {
                int b;
                while ((b = in.read()) >= 0) {
                    parser.accept(b).ifPresent(items::add);
                }
            } catch (IOException e) {
                // The line closed: the test sees no more items.
            }
        }, "test-vedirect-client");
        reader.setDaemon(true);
        reader.start();
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The next item that matches, skipping the others; fails after {@link #PATIENCE}. */
    TextParser.Item await(Predicate<TextParser.Item> wanted, String what) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            TextParser.Item item = items.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (item == null) {
                throw new AssertionError("no " + what + " within " + PATIENCE);
            }
            if (wanted.test(item)) {
                return item;
            }
        }
    }

    /** Sends a HEX frame and waits for the reply with the given response nibble (async messages skipped). */
    String ask(String frame, char response) throws IOException, InterruptedException {
        send(frame + "\n");
        return ((TextParser.HexLine) await(i -> i instanceof TextParser.HexLine h && h.line().length() > 1
                && h.line().charAt(1) == response, "':" + response + "' reply to " + frame)).line() + "\n";
    }

    /** Waits for a TEXT block that passes {@code wanted}. */
    TextParser.Block block(Predicate<TextParser.Block> wanted) throws InterruptedException {
        return (TextParser.Block) await(i -> i instanceof TextParser.Block b && wanted.test(b), "TEXT block");
    }

    @Override
    public void close() throws IOException {
        resource.close();
    }
}
