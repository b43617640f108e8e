package org.smallbms.app.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.app.device.Device;
import org.smallbms.core.bms.Command;
import org.smallbms.core.settings.Setting;
import org.smallbms.sim.scenario.Scenarios;

/**
 * A running device on a broker, seen by Mosquitto's own clients: the keep-alive, the full publish, changes only, the
 * 60 s expiry on the adapter's virtual clock, a write accepted and one refused. Each broker runs the same tests.
 */
abstract class BrokerContract {

    @TempDir
    Path dir;

    Device device;
    PahoLink link;
    VenusMqtt venus;
    Topics topics;
    String prefix;
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));

    /** Starts the broker; its port for the clients. */
    abstract int startBroker(Path dir) throws Exception;

    /** The URL the device connects to. */
    abstract String url();

    abstract void stopBroker();

    abstract Mosquitto.Subscriber subscribe(String... filters) throws Exception;

    abstract void publish(String topic, String payload) throws Exception;

    @BeforeEach
    void start() throws Exception {
        startBroker(dir);
        device = Device.open(new Device.Config(Scenarios.builtIn("ng-3.3.1-solar-batteryprotect"),
                dir.resolve("data"), 1, Optional.of(Instant.parse("2026-06-01T18:00:00Z")), Optional.of(1440.0)));
        topics = new Topics(device.portalId(), MqttService.DEVICE_INSTANCE);
        prefix = "N/" + device.portalId() + "/battery/" + MqttService.DEVICE_INSTANCE;
        link = PahoLink.connect(url(), "test-" + device.portalId(), Optional.empty(), Optional.empty());
        venus = new VenusMqtt(link, topics, device.snapshots()::get, device::submit, clock, device.productId(),
                MqttService.VERSION);
    }

    @AfterEach
    void stop() {
        venus.close();
        link.close();
        device.stop();
        stopBroker();
    }

    @Test
    void keepAlive_fullPublishThenChangesOnly_writesAcceptedAndRefused_expiryAfter60s() throws Exception {
        Mosquitto.Subscriber sub = subscribe("N/" + device.portalId() + "/#");
        device.start(List.of(new Command.SetSoc(80)), Optional.empty());
        venus.start();
        sub.await(l -> l.equals(topics.systemSerial() + " {\"value\":\"" + device.portalId() + "\"}"),
                "announcing the portal id without a keep-alive");

        publish("R/" + device.portalId() + "/keepalive", "{\"keepalive-options\": [{\"full-publish-completed-echo\":"
                + " \"t1\"}]}");
        List<String> full = sub.await(l -> l.startsWith(topics.fullPublishCompleted() + " ")
                && l.contains("\"full-publish-completed-echo\":\"t1\""), "full_publish_completed with the echo");
        for (String path : VenusPaths.of(device.snapshots().get(), device.productId(), MqttService.DEVICE_INSTANCE,
                MqttService.VERSION).keySet()) {
            assertThat(full).as("the full publish has " + path).anyMatch(l -> l.startsWith(prefix + path + " "));
        }
        assertThat(full).anyMatch(l -> l.startsWith(prefix + "/Settings/LowSocWarning {\"max\":99,\"min\":0,"));

        publish("W/" + device.portalId() + "/battery/512/Settings/LowSocWarning", "{\"value\": 30}");
        List<String> changes = sub.await(l -> l.equals(prefix + "/Settings/LowSocWarning {\"max\":99,\"min\":0,"
                + "\"value\":30}"), "the accepted write");
        assertThat(device.snapshots().get().bms().settings().get(Setting.LOW_SOC_WARNING)).isEqualTo(30);
        assertThat(changes).as("changes only: what never changes is not sent again")
                .noneMatch(l -> l.startsWith(prefix + "/ProductName "))
                .noneMatch(l -> l.startsWith(prefix + "/Serial "));

        // Below the discharge floor: the core refuses; the path is published again with the value it keeps.
        publish("W/" + device.portalId() + "/battery/512/Settings/LowSocWarning", "{\"value\": 5}");
        sub.await(l -> l.equals(prefix + "/Settings/LowSocWarning {\"max\":99,\"min\":0,\"value\":30}"),
                "the value kept after the refused write");
        assertThat(device.snapshots().get().bms().settings().get(Setting.LOW_SOC_WARNING)).isEqualTo(30);

        // 61 s on the adapter's clock without a keep-alive: the device keeps running, the topics fall silent.
        clock.advance(Duration.ofSeconds(61));
        venus.publish();
        String before = "N/" + device.portalId() + "/marker/" + System.nanoTime();
        publish(before, "1");
        sub.await(l -> l.startsWith(before + " "), "the first marker");
        long tick = device.snapshots().get().tick();
        while (device.snapshots().get().tick() < tick + 1440) {
            Thread.onSpinWait();
        }
        venus.publish();
        String after = "N/" + device.portalId() + "/marker/" + System.nanoTime();
        publish(after, "1");
        assertThat(sub.await(l -> l.startsWith(after + " "), "the second marker"))
                .as("nothing of the battery after the keep-alive expired").noneMatch(l -> l.startsWith(prefix));

        publish("R/" + device.portalId() + "/keepalive", "");
        sub.await(l -> l.startsWith(prefix + "/Dc/0/Voltage "), "values again after a new keep-alive");
    }

    @Test
    void read_republishesASubTree() throws Exception {
        Mosquitto.Subscriber sub = subscribe(prefix + "/#");
        device.start(List.of(), Optional.empty());
        venus.start();
        publish("R/" + device.portalId() + "/battery/512/History", "");
        List<String> lines = sub.await(l -> l.startsWith(prefix + "/History/MaximumTemperature "), "the history");
        assertThat(lines).allMatch(l -> l.startsWith(prefix + "/History/"));
        Map<String, String> paths = VenusPaths.of(device.snapshots().get(), device.productId(),
                MqttService.DEVICE_INSTANCE, MqttService.VERSION);
        assertThat(lines).hasSize((int) paths.keySet().stream().filter(p -> p.startsWith("/History/")).count());
    }
}
