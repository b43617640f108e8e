package org.smallbms.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.smallbms.app.device.Device;
import org.smallbms.app.mqtt.EmbeddedBroker;
import org.smallbms.app.mqtt.MqttLink;
import org.smallbms.app.mqtt.MqttService;
import org.smallbms.app.mqtt.PahoLink;
import org.smallbms.app.mqtt.Topics;
import org.smallbms.app.mqtt.VenusMqtt;
import org.smallbms.app.mqtt.VenusPaths;
import org.smallbms.app.vedirect.VeDirect;
import org.smallbms.sim.scenario.Scenarios;

/**
 * The Venus OS MQTT and VE.Direct adapters' figures, measured (a benchmark, not a test): what publishing a device at
 * 1× costs the process, how long a full publish takes, and how much the adapters slow {@code run --speed max}. A live
 * device of the default system runs in a temporary directory; the broker is the one {@code run} brings along, on a
 * free port; the clients are Debian's {@code mosquitto_sub}, {@code mosquitto_pub} and {@code socat}, processes of
 * their own, so that only the device's side is counted in this process.
 *
 * <pre>
 * java -XX:+UseParallelGC -Xmx192m -cp smallbms-bench/target/benchmarks.jar org.smallbms.bench.MqttMeasure
 *     [idle|publish|max|threads]...
 * </pre>
 *
 * <p>{@code threads} says where the time of {@code idle} goes: the CPU time of each thread of the process over a
 * minute of the device at 1× with MQTT and its subscriber.
 */
public final class MqttMeasure {

    private static final String SYSTEM = "ng-3.3.1-daily-cycle";
    /** As Venus clients do (Node-RED's Victron nodes, the Home Assistant integrations): within the 60 s timeout. */
    private static final int KEEP_ALIVE_SECONDS = 30;
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(30);
    private static final int IDLE_WINDOWS = 5;
    private static final Duration MAX_WINDOW = Duration.ofSeconds(20);
    private static final int MAX_WINDOWS = 10;
    /** Time for the adapters to connect and the first full publish to go out before a window is measured. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final int PUBLISHES = 500;

    private MqttMeasure() {
    }

    public static void main(String[] args) throws Exception {
        List<String> what = args.length == 0 ? List.of("idle", "publish", "max") : Arrays.asList(args);
        for (String measure : what) {
            switch (measure) {
                case "idle" -> idle();
                case "publish" -> publish();
                case "max" -> max();
                case "threads" -> threads();
                default -> {
                    System.err.println("unknown measure '" + measure + "': idle, publish, max or threads");
                    System.exit(2);
                }
            }
        }
        System.exit(0);
    }

    private static Device device(Optional<Double> speed) throws Exception {
        Path dir = Files.createTempDirectory("smallbms-mqtt-measure");
        Device device = Device.open(new Device.Config(Scenarios.builtIn(SYSTEM), dir, 1, Optional.empty(), speed));
        device.start(List.of(), Optional.empty());
        return device;
    }

    /**
     * What {@code run} adds for MQTT and VE.Direct, with a client on each: the embedded broker, the Venus adapter, a
     * {@code mosquitto_sub} of everything the device publishes with a keep-alive every 30 s (the first at once),
     * and, with {@code veDirect}, a VE.Direct TCP port with a client that reads the TEXT blocks and, after one HEX
     * ping, the async messages.
     */
    private static final class Adapters implements AutoCloseable {
        private final EmbeddedBroker broker;
        private final MqttService mqtt;
        private final Optional<VeDirect> veDirect;
        private final List<Process> clients = new ArrayList<>();
        private final Path received;

        Adapters(Device device, boolean veDirect) throws Exception {
            broker = EmbeddedBroker.start("127.0.0.1", 0, Optional.empty(), Optional.empty());
            try {
                mqtt = MqttService.start(device, broker.url(), Optional.empty(), Optional.empty(), false);
            } catch (MqttLink.MqttLinkException e) {
                broker.close();
                throw e;
            }
            String port = String.valueOf(broker.port());
            received = Files.createTempFile("mqtt-measure", ".txt");
            clients.add(new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", port, "-t", "N/"
                    + device.portalId() + "/#").redirectOutput(received.toFile()).start());
            // Subscribed before the first keep-alive, so the full publish it asks for is received.
            Thread.sleep(500);
            clients.add(new ProcessBuilder("bash", "-c", "while true; do mosquitto_pub -h 127.0.0.1 -p " + port
                    + " -t R/" + device.portalId() + "/keepalive -n; sleep " + KEEP_ALIVE_SECONDS + "; done")
                    .start());
            if (veDirect) {
                VeDirect tcp = VeDirect.tcp(new VeDirect.Port(device.snapshots()::get, device::submit),
                        VeDirect.LOOPBACK, 0);
                this.veDirect = Optional.of(tcp);
                clients.add(new ProcessBuilder("bash", "-c", "(printf ':154\\n'; sleep 100000) | socat - "
                        + "TCP:127.0.0.1:" + tcp.port() + " > /dev/null").start());
            } else {
                this.veDirect = Optional.empty();
            }
        }

        /** The messages the subscriber has received so far. */
        long received() throws IOException {
            try (var lines = Files.lines(received, StandardCharsets.UTF_8)) {
                return lines.count();
            }
        }

        @Override
        public void close() throws IOException {
            for (Process client : clients) {
                client.descendants().forEach(ProcessHandle::destroy);
                client.destroy();
                try {
                    client.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            veDirect.ifPresent(VeDirect::close);
            mqtt.close();
            broker.close();
            Files.deleteIfExists(received);
        }
    }

    /** Target: one device publishing at 1× costs at most 1 % of a core. */
    private static void idle() throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Device device = device(Optional.of(1.0));
        try {
            // Unmeasured, for the JIT and the classes: the device alone, then with MQTT.
            Thread.sleep(5_000);
            Adapters warm = new Adapters(device, false);
            Thread.sleep(IDLE_WINDOW.toMillis());
            warm.close();
            double[] without = new double[IDLE_WINDOWS];
            double[] with = new double[IDLE_WINDOWS];
            long[] messages = new long[IDLE_WINDOWS];
            for (int w = 0; w < IDLE_WINDOWS; w++) {
                without[w] = coreShare(os, IDLE_WINDOW);
                try (Adapters adapters = new Adapters(device, false)) {
                    Thread.sleep(SETTLE.toMillis());
                    long before = adapters.received();
                    with[w] = coreShare(os, IDLE_WINDOW);
                    messages[w] = adapters.received() - before;
                }
                Thread.sleep(1_000);
            }
            System.out.printf(Locale.ROOT, "idle: the device at 1× uses %s of a core alone and %s with its broker, "
                    + "the Venus adapter and a subscriber kept alive every %d s (windows of %d s, alternated; %s "
                    + "messages received in them): MQTT costs %s%n", shares(without), shares(with),
                    KEEP_ALIVE_SECONDS, IDLE_WINDOW.toSeconds(), Arrays.toString(messages), differences(with,
                    without));
        } finally {
            device.stop();
        }
    }

    /**
     * Target: a full publish within 5 ms. Timed twice: the adapter's own round (every path from the latest snapshot,
     * handed to the broker's client), called directly, on its thread's CPU time and on the wall clock; and what a
     * client sees, from its keep-alive to {@code full_publish_completed}, through the embedded broker.
     */
    private static void publish() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Device device = device(Optional.of(1440.0));
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, Optional.empty(), Optional.empty())) {
            Thread.sleep(3_000);
            Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(broker.port()),
                    "-t", "N/#").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int paths = VenusPaths.of(device.snapshots().get(), device.productId(), MqttService.DEVICE_INSTANCE,
                    "v").size();
            // The adapter's round, called here: no round thread, the keep-alive handed to it as the broker would.
            Topics topics = new Topics(device.portalId(), MqttService.DEVICE_INSTANCE);
            List<Double> cpu = new ArrayList<>();
            List<Double> wall = new ArrayList<>();
            try (PahoLink link = PahoLink.connect(broker.url(), "measure-adapter", Optional.empty(),
                    Optional.empty())) {
                VenusMqtt venus = new VenusMqtt(link, topics, device.snapshots()::get, device::submit,
                        Clock.systemUTC(), device.productId(), "v0.1.0");
                byte[] keepAlive = new byte[0];
                for (int i = 0; i < 2 * PUBLISHES; i++) {
                    venus.onMessage("R/" + device.portalId() + "/keepalive", keepAlive);
                    long c = threads.getCurrentThreadCpuTime();
                    long t = System.nanoTime();
                    venus.publish();
                    long tookWall = System.nanoTime() - t;
                    long tookCpu = threads.getCurrentThreadCpuTime() - c;
                    if (i >= PUBLISHES) {
                        wall.add(tookWall / 1e6);
                        cpu.add(tookCpu / 1e6);
                    }
                    // About what a busy broker sees: a full publish every 10 ms, not back to back.
                    Thread.sleep(10);
                }
                venus.close();
            }
            System.out.printf(Locale.ROOT, "publish: the adapter's full publish (%d paths and full_publish_completed, "
                    + "from the latest snapshot at 1440×, into the broker's client), %d rounds: wall p50 %.3f ms, "
                    + "p90 %.3f ms, p99 %.3f ms, max %.3f ms; its thread's CPU p50 %.3f ms, p99 %.3f ms%n", paths,
                    wall.size(), percentile(wall, 50), percentile(wall, 90), percentile(wall, 99), max(wall),
                    percentile(cpu, 50), percentile(cpu, 99));

            List<Double> roundTrip = new ArrayList<>();
            try (MqttService mqtt = MqttService.start(device, broker.url(), Optional.empty(), Optional.empty(),
                    false); PahoLink client = PahoLink.connect(broker.url(), "measure-client", Optional.empty(),
                    Optional.empty())) {
                AtomicReference<CountDownLatch> done = new AtomicReference<>(new CountDownLatch(1));
                AtomicInteger count = new AtomicInteger();
                AtomicInteger counted = new AtomicInteger();
                client.subscribe("N/" + mqtt.portalId() + "/#", (topic, payload) -> {
                    if (topic.endsWith("/full_publish_completed")) {
                        counted.set(count.getAndSet(0));
                        done.get().countDown();
                    } else {
                        count.incrementAndGet();
                    }
                });
                List<Integer> sizes = new ArrayList<>();
                for (int i = 0; i < 2 * PUBLISHES / 5; i++) {
                    CountDownLatch latch = new CountDownLatch(1);
                    done.set(latch);
                    count.set(0);
                    long t = System.nanoTime();
                    client.publish("R/" + mqtt.portalId() + "/keepalive", new byte[0], false);
                    if (!latch.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("no full_publish_completed for keep-alive " + i);
                    }
                    long took = System.nanoTime() - t;
                    if (i >= PUBLISHES / 5) {
                        roundTrip.add(took / 1e6);
                        sizes.add(counted.get());
                    }
                    Thread.sleep(20);
                }
                System.out.printf(Locale.ROOT, "publish: a client's keep-alive to its full_publish_completed through "
                        + "the embedded broker (%d to %d messages before it), %d times: p50 %.2f ms, p90 %.2f ms, "
                        + "p99 %.2f ms, max %.2f ms%n", sizes.stream().mapToInt(Integer::intValue).min().orElse(0),
                        sizes.stream().mapToInt(Integer::intValue).max().orElse(0), roundTrip.size(),
                        percentile(roundTrip, 50), percentile(roundTrip, 90), percentile(roundTrip, 99),
                        max(roundTrip));
            }
            sub.destroy();
            sub.waitFor();
        } finally {
            device.stop();
        }
    }

    /** Target: the adapters, with a client on each, slow {@code run --speed max} by at most 10 %. */
    private static void max() throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Device device = device(Optional.empty());
        try {
            Thread.sleep(10_000);
            Adapters warm = new Adapters(device, true);
            Thread.sleep(MAX_WINDOW.toMillis());
            warm.close();
            System.out.printf(Locale.ROOT, "max: the device at max speed, alone and with the embedded broker, the "
                    + "Venus adapter, a subscriber kept alive every %d s and a VE.Direct TCP client (windows of %d "
                    + "s, alternated); simulated seconds per wall second and per CPU second of the process:%n",
                    KEEP_ALIVE_SECONDS, MAX_WINDOW.toSeconds());
            List<Double> wallChanges = new ArrayList<>();
            List<Double> cpuChanges = new ArrayList<>();
            for (int w = 0; w < MAX_WINDOWS; w++) {
                Rate without = rate(os, device, MAX_WINDOW);
                Rate with;
                long messages;
                try (Adapters adapters = new Adapters(device, true)) {
                    Thread.sleep(SETTLE.toMillis());
                    long before = adapters.received();
                    with = rate(os, device, MAX_WINDOW);
                    messages = adapters.received() - before;
                } catch (MqttLink.MqttLinkException e) {
                    System.out.printf(Locale.ROOT, "  window %d: the adapters did not start (%s): left out%n", w + 1,
                            e.getMessage());
                    continue;
                }
                double wall = (with.perWall() / without.perWall() - 1) * 100;
                double cpu = (with.perCpu() / without.perCpu() - 1) * 100;
                wallChanges.add(wall);
                cpuChanges.add(cpu);
                System.out.printf(Locale.ROOT, "  window %d: alone %.0f sim s/wall s, %.0f sim s/CPU s (%.0f %% of a "
                        + "core); with %.0f, %.0f (%.0f %%); %d messages: %+.1f %% wall, %+.1f %% CPU%n", w + 1,
                        without.perWall(), without.perCpu(), without.cores() * 100, with.perWall(), with.perCpu(),
                        with.cores() * 100, messages, wall, cpu);
                Thread.sleep(1_000);
            }
            System.out.printf(Locale.ROOT, "max: with the adapters, per wall second: median %+.1f %%, mean %+.1f %%; "
                    + "per CPU second: median %+.1f %%, mean %+.1f %% (%d windows)%n", percentile(wallChanges, 50),
                    mean(wallChanges), percentile(cpuChanges, 50), mean(cpuChanges), wallChanges.size());
        } finally {
            device.stop();
        }
    }

    /** The threads that used CPU time in a minute at 1× with MQTT, the busiest first. */
    private static void threads() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Device device = device(Optional.of(1.0));
        try (Adapters adapters = new Adapters(device, false)) {
            Thread.sleep(IDLE_WINDOW.toMillis());
            Map<Long, Long> before = new HashMap<>();
            for (long id : threads.getAllThreadIds()) {
                before.put(id, threads.getThreadCpuTime(id));
            }
            long wall = System.nanoTime();
            Thread.sleep(60_000);
            double seconds = (System.nanoTime() - wall) / 1e9;
            List<String> lines = new ArrayList<>();
            List<long[]> used = new ArrayList<>();
            for (long id : threads.getAllThreadIds()) {
                long cpu = threads.getThreadCpuTime(id) - before.getOrDefault(id, 0L);
                if (cpu > 0) {
                    used.add(new long[] {cpu, id});
                }
            }
            used.sort((a, b) -> Long.compare(b[0], a[0]));
            for (long[] u : used.subList(0, Math.min(15, used.size()))) {
                var info = threads.getThreadInfo(u[1]);
                lines.add(String.format(Locale.ROOT, "  %-40s %6.2f %% of a core", info == null ? "(ended)"
                        : info.getThreadName(), u[0] / 1e9 / seconds * 100));
            }
            System.out.printf(Locale.ROOT, "threads: the device at 1× with MQTT and a subscriber, a minute (%d "
                    + "messages; JIT and GC threads not listed):%n%s%n", adapters.received(), String.join("\n",
                    lines));
        } finally {
            device.stop();
        }
    }

    /** Simulated seconds run in a window, and the wall and CPU time of the process it took. */
    private record Rate(double simSeconds, double wallSeconds, double cpuSeconds) {
        double perWall() {
            return simSeconds / wallSeconds;
        }

        double perCpu() {
            return simSeconds / cpuSeconds;
        }

        double cores() {
            return cpuSeconds / wallSeconds;
        }
    }

    private static Rate rate(OperatingSystemMXBean os, Device device, Duration window) throws InterruptedException {
        Instant sim = device.snapshots().get().at();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        Thread.sleep(window.toMillis());
        Instant simEnd = device.snapshots().get().at();
        return new Rate(Duration.between(sim, simEnd).toMillis() / 1e3, (System.nanoTime() - wall) / 1e9,
                (os.getProcessCpuTime() - cpu) / 1e9);
    }

    /** This process's CPU over {@code window} of wall time, as a share of one core. */
    private static double coreShare(OperatingSystemMXBean os, Duration window) throws InterruptedException {
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        Thread.sleep(window.toMillis());
        return (os.getProcessCpuTime() - cpu) / (double) (System.nanoTime() - wall);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static String shares(double[] values) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(String.format(Locale.ROOT, "%.2f %%", v * 100));
        }
        return String.join(", ", out);
    }

    private static String differences(double[] with, double[] without) {
        List<String> out = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < with.length; i++) {
            out.add(String.format(Locale.ROOT, "%+.2f", (with[i] - without[i]) * 100));
            sum += with[i] - without[i];
        }
        return String.join(", ", out) + String.format(Locale.ROOT, " %% of a core (mean %+.2f %%)",
                sum / with.length * 100);
    }
}
