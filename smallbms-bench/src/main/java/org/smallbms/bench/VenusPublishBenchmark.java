package org.smallbms.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smallbms.app.mqtt.MqttLink;
import org.smallbms.app.mqtt.MqttService;
import org.smallbms.app.mqtt.Topics;
import org.smallbms.app.mqtt.VenusMqtt;
import org.smallbms.app.runtime.Reply;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.app.runtime.StorageStatus;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.Command;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.scenario.Scenarios;
import org.smallbms.core.driver.ClosedLoop;
import org.smallbms.sim.system.World;

/**
 * The Venus OS adapter's own work, without a broker: {@code fullPublish} is what a keep-alive asks for (every path
 * built from the latest snapshot, each message handed to the link, then {@code full_publish_completed}); the target
 * is a full publish within 5 ms. {@code changes} is a round between two ticks whose values differ (every path built,
 * the changed ones sent), the round a subscriber costs at 1× once a second and at any faster speed four times a wall
 * second. The link only counts the bytes; {@code MqttMeasure} times the same through the broker.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VenusPublishBenchmark {

    private static final String PORTAL = "45193d979186";
    private static final byte[] KEEP_ALIVE = new byte[0];

    /** A link that sends nothing: it counts the bytes, so the messages are made and not optimised away. */
    private static final class CountingLink implements MqttLink {
        long bytes;

        @Override
        public void publish(String topic, byte[] payload, boolean retained) {
            bytes += topic.length() + payload.length;
        }

        @Override
        public void subscribe(String filter, BiConsumer<String, byte[]> handler) {
            // Nothing arrives: the benchmark hands the keep-alive over itself.
        }

        @Override
        public void close() {
        }
    }

    private final CountingLink link = new CountingLink();
    private Snapshot[] snapshots;
    private int next;
    private VenusMqtt venus;

    @Setup(Level.Trial)
    public void setUp() throws ScenarioException {
        // A minute of the manual's §3.3.1 system at noon, its SoC set: every path has a value; the last two ticks
        // differ in voltage, current, power and SoC, as the ticks of a running device do.
        World world = Scenarios.builtIn("ng-3.3.1-solar-batteryprotect").newWorld(1);
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        BmsState bms = Bms.initial();
        snapshots = new Snapshot[2];
        for (int s = 0; s < 60; s++) {
            bms = ClosedLoop.tick(bms, world, now.plusSeconds(s), Duration.ofSeconds(1),
                    s == 1 ? List.of(new Command.SetSoc(80)) : List.of()).bms();
            if (s >= 58) {
                snapshots[s - 58] = new Snapshot(s, now.plusSeconds(s), bms, List.of(), StorageStatus.OK,
                        "HQ2622BENCH", Optional.empty(), Optional.empty());
            }
        }
        // A fixed clock: the keep-alive given once never runs out.
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        venus = new VenusMqtt(link, new Topics(PORTAL, MqttService.DEVICE_INSTANCE), () -> snapshots[next],
                request -> CompletableFuture.completedFuture(Reply.ACCEPTED), clock, 0xA3E7,
                "v0.1.0");
        venus.onMessage("R/" + PORTAL + "/keepalive", KEEP_ALIVE);
        venus.publish();
    }

    @Benchmark
    public long fullPublish() {
        venus.onMessage("R/" + PORTAL + "/keepalive", KEEP_ALIVE);
        venus.publish();
        return link.bytes;
    }

    @Benchmark
    public long changes() {
        next ^= 1;
        venus.publish();
        return link.bytes;
    }
}
