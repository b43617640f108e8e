package org.smallbms.app.mqtt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Debian's Mosquitto broker and its command-line clients, as the independent side of a test: a broker on a free
 * loopback port with a configuration of its own, and {@code mosquitto_sub}/{@code mosquitto_pub} processes.
 */
final class Mosquitto implements AutoCloseable {

    /** Generous: a loaded build machine is slow, and a test waits for a condition, never for a time. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Process broker;
    private final int port;
    private final List<Process> clients = new ArrayList<>();

    private Mosquitto(Process broker, int port) {
        this.broker = broker;
        this.port = port;
    }

    static Mosquitto start(Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        Process broker = new ProcessBuilder("/usr/sbin/mosquitto", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return new Mosquitto(broker, port);
            } catch (IOException notYet) {
                if (!broker.isAlive() || System.nanoTime() > until) {
                    broker.destroy();
                    throw new IOException("mosquitto did not start on port " + port + ": see " + dir.resolve(
                            "mosquitto.log") + ": " + Files.readString(dir.resolve("mosquitto.log")), notYet);
                }
                broker.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** {@code mosquitto_pub} of one message, waited for. */
    void publish(String topic, String payload) throws IOException, InterruptedException {
        publish(port, topic, payload);
    }

    static void publish(int port, String topic, String payload) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-t", topic));
        if (payload.isEmpty()) {
            command.add("-n");
        } else {
            command.addAll(List.of("-m", payload));
        }
        Process pub = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!pub.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS) || pub.exitValue() != 0) {
            throw new IOException("mosquitto_pub " + topic + " failed: " + new String(pub.getInputStream()
                    .readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A {@code mosquitto_sub -v} of the filters, its lines ("topic payload") queued as they come. */
    Subscriber subscribe(String... filters) throws IOException, InterruptedException {
        return subscribe(port, clients, filters);
    }

    static Subscriber subscribe(int port, List<Process> clients, String... filters) throws IOException,
            InterruptedException {
        String ready = "ready/" + System.nanoTime();
        List<String> command = new ArrayList<>(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-v", "-t", ready));
        for (String filter : filters) {
            command.addAll(List.of("-t", filter));
        }
        Process sub = new ProcessBuilder(command).redirectErrorStream(true).start();
        clients.add(sub);
        Subscriber subscriber = new Subscriber(sub);
        // The subscription is live once a message to it comes back: until then, ask again.
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (subscriber.poll(l -> l.startsWith(ready + " "), Duration.ofMillis(200)).isEmpty()) {
            if (System.nanoTime() > until) {
                throw new IOException("mosquitto_sub never received on " + ready);
            }
            publish(port, ready, "1");
        }
        subscriber.lines.clear();
        subscriber.backlog.clear();
        return subscriber;
    }

    @Override
    public void close() {
        clients.forEach(Process::destroy);
        broker.destroy();
    }

    /** The lines of one {@code mosquitto_sub}. */
    static final class Subscriber {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        /** Lines taken from the queue by a poll that found no match: read first by the next. */
        private final List<String> backlog = new ArrayList<>();

        Subscriber(Process process) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // The process ended.
                }
            }, "mosquitto_sub");
            reader.setDaemon(true);
            reader.start();
        }

        /** The lines up to and including the first that matches, or empty if none came in {@code within}. */
        List<String> poll(Predicate<String> match, Duration within) throws InterruptedException {
            List<String> seen = new ArrayList<>();
            long until = System.nanoTime() + within.toNanos();
            while (true) {
                String line = backlog.isEmpty() ? lines.poll(Math.max(0, until - System.nanoTime()),
                        TimeUnit.NANOSECONDS) : backlog.remove(0);
                if (line == null) {
                    backlog.addAll(0, seen);
                    return List.of();
                }
                seen.add(line);
                if (match.test(line)) {
                    return seen;
                }
            }
        }

        /** The lines up to and including the first that matches; fails if none comes within {@link #PATIENCE}. */
        List<String> await(Predicate<String> match, String what) throws InterruptedException {
            List<String> seen = poll(match, PATIENCE);
            if (seen.isEmpty()) {
                throw new AssertionError("no message " + what + " within " + PATIENCE.toSeconds() + " s; had "
                        + lines.size() + " others");
            }
            return seen;
        }
    }
}
