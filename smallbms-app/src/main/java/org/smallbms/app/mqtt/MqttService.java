package org.smallbms.app.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallbms.app.device.Device;

/**
 * The device on MQTT: a link to a broker and the Venus OS battery service over it, and Home Assistant discovery when
 * asked. Started after the device is opened and before it runs; closed when it stops.
 */
public final class MqttService implements AutoCloseable {

    /** Venus numbers a battery on VE.Can from 512; one device, one instance. */
    public static final int DEVICE_INSTANCE = 512;
    /** What the device reports as its version over MQTT. */
    static final String VERSION = "v0.1.0";

    private static final Logger LOG = LoggerFactory.getLogger(MqttService.class);

    /** How often the Home Assistant state is looked at (and sent when it changed), in wall time. */
    static final Duration HA_STATE_EVERY = Duration.ofSeconds(1);

    private final MqttLink link;
    private final VenusMqtt venus;
    private final Topics topics;
    private final Optional<ScheduledExecutorService> homeAssistant;

    private MqttService(MqttLink link, VenusMqtt venus, Topics topics,
            Optional<ScheduledExecutorService> homeAssistant) {
        this.link = link;
        this.venus = venus;
        this.topics = topics;
        this.homeAssistant = homeAssistant;
    }

    /**
     * Connects to the broker and starts publishing.
     *
     * @param device the device
     * @param url the broker: {@code tcp://host:port} or {@code ssl://host:port}
     * @param user the user name, if the broker asks for one
     * @param password its password
     * @param haDiscovery whether to announce the device to Home Assistant
     */
    public static MqttService start(Device device, String url, Optional<String> user, Optional<char[]> password,
            boolean haDiscovery) throws MqttLink.MqttLinkException {
        MqttLink link = PahoLink.connect(url, "smallbms-" + device.portalId(), user, password);
        Topics topics = new Topics(device.portalId(), DEVICE_INSTANCE);
        VenusMqtt venus = new VenusMqtt(link, topics, device.snapshots()::get, device::submit, Clock.systemUTC(),
                device.productId(), VERSION);
        try {
            venus.start();
        } catch (MqttLink.MqttLinkException | RuntimeException e) {
            venus.close();
            link.close();
            throw e;
        }
        Optional<ScheduledExecutorService> homeAssistant = Optional.empty();
        if (haDiscovery) {
            HomeAssistant.announce(link, topics, device.serial());
            ScheduledExecutorService states = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mqtt-home-assistant");
                t.setDaemon(true);
                return t;
            });
            AtomicReference<String> last = new AtomicReference<>("");
            String stateTopic = HomeAssistant.stateTopic(topics);
            states.scheduleWithFixedDelay(() -> {
                try {
                    String state = HomeAssistant.state(device.snapshots().get());
                    if (!state.equals(last.getAndSet(state))) {
                        link.publish(stateTopic, state.getBytes(StandardCharsets.UTF_8), true);
                    }
                } catch (RuntimeException e) {
                    // A bug: logged with its trace; the next round tries again.
                    LOG.error("Home Assistant state not published", e);
                }
            }, 0, HA_STATE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            homeAssistant = Optional.of(states);
        }
        return new MqttService(link, venus, topics, homeAssistant);
    }

    /** The portal id of the topics. */
    public String portalId() {
        return topics.portalId();
    }

    @Override
    public void close() {
        homeAssistant.ifPresent(ScheduledExecutorService::shutdownNow);
        venus.close();
        link.close();
    }
}
