package org.smallbms.app.mqtt;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A link to a broker through the Eclipse Paho client: {@code tcp://host:port}, or {@code ssl://host:port} for TLS
 * with the JVM's trusted certificates. Reconnects by itself and subscribes again; while the broker is away, messages
 * are dropped (Venus clients ask again with their next keep-alive). Mutable: the client and its subscriptions.
 */
public final class PahoLink implements MqttLink {

    private static final Logger LOG = LoggerFactory.getLogger(PahoLink.class);
    /** Room for a full publish of every path without Paho refusing messages in flight. */
    private static final int MAX_IN_FLIGHT = 1000;

    private final MqttClient client;
    private final Map<String, BiConsumer<String, byte[]>> handlers = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();

    private PahoLink(MqttClient client) {
        this.client = client;
    }

    /**
     * Connects, or says why it cannot.
     *
     * @param url {@code tcp://host:port} or {@code ssl://host:port}
     * @param clientId the client id, unique on the broker
     * @param user the user name, if the broker asks for one
     * @param password its password
     */
    public static PahoLink connect(String url, String clientId, Optional<String> user, Optional<char[]> password)
            throws MqttLinkException {
        MqttClient client;
        try {
            client = new MqttClient(url, clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new MqttLinkException("the MQTT URL " + url + " is not usable: " + e.getMessage() + "; give "
                    + "tcp://host:port or ssl://host:port", e);
        }
        PahoLink link = new PahoLink(client);
        client.setCallback(link.new Callback());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setCleanSession(true);
        options.setMaxInflight(MAX_IN_FLIGHT);
        user.ifPresent(options::setUserName);
        password.ifPresent(options::setPassword);
        try {
            client.connect(options);
        } catch (MqttException e) {
            try {
                client.close(true);
            } catch (MqttException ignored) {
                // Nothing to release beyond what close tried.
            }
            throw new MqttLinkException("cannot connect to the MQTT broker at " + url + ": " + reason(e), e);
        }
        return link;
    }

    private static String reason(MqttException e) {
        Throwable cause = e.getCause();
        return e.getMessage() + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }

    @Override
    public void publish(String topic, byte[] payload, boolean retained) {
        try {
            MqttMessage message = new MqttMessage(payload);
            message.setQos(0);
            message.setRetained(retained);
            client.publish(topic, message);
        } catch (MqttException | IllegalArgumentException e) {
            if (dropped.getAndIncrement() % 1000 == 0) {
                LOG.warn("MQTT messages dropped ({} so far): {}", dropped.get(), e.getMessage());
            }
        }
    }

    @Override
    public void subscribe(String filter, BiConsumer<String, byte[]> handler) throws MqttLinkException {
        handlers.put(filter, handler);
        try {
            client.subscribe(filter, 0);
        } catch (MqttException e) {
            throw new MqttLinkException("cannot subscribe to " + filter + ": " + reason(e), e);
        }
    }

    /** Messages that could not be sent. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
        } catch (MqttException e) {
            LOG.warn("MQTT disconnect: {}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.warn("MQTT close: {}", e.getMessage());
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                LOG.info("MQTT connected again to {}", serverUri);
                // Paho's callbacks must not block: subscribing waits for the broker's answer.
                Thread again = new Thread(() -> handlers.keySet().forEach(filter -> {
                    try {
                        client.subscribe(filter, 0);
                    } catch (MqttException e) {
                        LOG.warn("cannot subscribe again to {}: {}", filter, e.getMessage());
                    }
                }), "mqtt-subscribe");
                again.setDaemon(true);
                again.start();
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            LOG.warn("MQTT connection lost: {}; reconnecting", cause == null ? "closed" : cause.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // One handler per filter; a message that matches both (never, for R/ and W/) goes to each.
            handlers.forEach((filter, handler) -> {
                if (matches(filter, topic)) {
                    try {
                        handler.accept(topic, message.getPayload());
                    } catch (RuntimeException e) {
                        // A bug: thrown out of here, it would cost the connection.
                        LOG.error("MQTT message on {} not handled", topic, e);
                    }
                }
            });
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // QoS 0: nothing to track.
        }
    }

    /** Whether {@code topic} matches {@code filter}, for filters ending in {@code /#} or without wildcards. */
    static boolean matches(String filter, String topic) {
        return filter.endsWith("/#") ? topic.startsWith(filter.substring(0, filter.length() - 1))
                || topic.equals(filter.substring(0, filter.length() - 2)) : filter.equals(topic);
    }
}
