package org.smallbms.app.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
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
    /**
     * Messages handed over and not yet written, at most: publishing never waits for the socket (a full publish is
     * some sixty messages, and waiting for each to be written took most of its time), and a broker that cannot keep
     * up costs messages, dropped and counted, never memory without end.
     */
    static final int MAX_UNWRITTEN = 1000;
    /** The return code of a SUBACK that refuses the subscription. */
    private static final int SUBSCRIBE_REFUSED = 0x80;

    private final MqttAsyncClient client;
    private final Map<String, BiConsumer<String, byte[]>> handlers = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    /** Messages handed to the client and not yet written to the socket. */
    private final AtomicInteger unwritten = new AtomicInteger();
    private final IMqttActionListener written = new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            unwritten.decrementAndGet();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
            unwritten.decrementAndGet();
            dropped.incrementAndGet();
        }
    };

    private PahoLink(MqttAsyncClient client) {
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
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
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
        if (url.toLowerCase(Locale.ROOT).startsWith("tcp://")) {
            options.setSocketFactory(new NoDelay(SocketFactory.getDefault()));
        }
        user.ifPresent(options::setUserName);
        password.ifPresent(options::setPassword);
        try {
            client.connect(options).waitForCompletion();
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
            if (unwritten.incrementAndGet() > MAX_UNWRITTEN) {
                unwritten.decrementAndGet();
                throw new MqttException(MqttException.REASON_CODE_MAX_INFLIGHT);
            }
            try {
                client.publish(topic, message, null, written);
            } catch (MqttException | RuntimeException e) {
                unwritten.decrementAndGet();
                throw e;
            }
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
            subscribe(filter);
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST) {
                // Moquette, loaded, now and then drops a connection it has just accepted when the subscription
                // follows at once; the link reconnects by itself and subscribes to every filter again.
                LOG.warn("MQTT connection lost while subscribing to {}: subscribing again once reconnected", filter);
                return;
            }
            throw new MqttLinkException("cannot subscribe to " + filter + ": " + reason(e), e);
        }
    }

    /** Subscribes at QoS 0 and waits for the broker's answer; a refusal is an exception. */
    private void subscribe(String filter) throws MqttException {
        IMqttToken token = client.subscribe(filter, 0);
        token.waitForCompletion();
        int[] granted = token.getGrantedQos();
        if (granted != null && granted.length > 0 && granted[0] == SUBSCRIBE_REFUSED) {
            throw new MqttException(MqttException.REASON_CODE_SUBSCRIBE_FAILED);
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
                client.disconnect(1000).waitForCompletion(2000);
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
                // A clean session: what was waiting to be written went with the old connection.
                unwritten.set(0);
                LOG.info("MQTT connected again to {}", serverUri);
                // Paho's callbacks must not block: subscribing waits for the broker's answer.
                Thread again = new Thread(() -> handlers.keySet().forEach(filter -> {
                    try {
                        subscribe(filter);
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

    /**
     * Sockets that send each message at once. A full publish is some sixty small messages written one after the
     * other; with Nagle's algorithm on, all but the first waited for the broker's delayed acknowledgement, and a
     * client saw its full publish complete 40 ms after its keep-alive instead of a few (docs/benchmarks.md).
     */
    private static final class NoDelay extends SocketFactory {
        private final SocketFactory sockets;

        NoDelay(SocketFactory sockets) {
            this.sockets = sockets;
        }

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(sockets.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(sockets.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(sockets.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(sockets.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(sockets.createSocket(address, port, localAddress, localPort));
        }
    }

    /** Whether {@code topic} matches {@code filter}, for filters ending in {@code /#} or without wildcards. */
    static boolean matches(String filter, String topic) {
        return filter.endsWith("/#") ? topic.startsWith(filter.substring(0, filter.length() - 1))
                || topic.equals(filter.substring(0, filter.length() - 2)) : filter.equals(topic);
    }
}
