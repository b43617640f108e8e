package org.smallbms.app.mqtt;

import java.util.function.BiConsumer;

/** A connection to an MQTT broker, as the adapter uses it: publish at QoS 0, and be told of what arrives. */
public interface MqttLink extends AutoCloseable {

    /**
     * Sends a message; never throws: a message that cannot be sent now (the broker is away) is dropped and counted.
     *
     * @param retained whether the broker keeps it for later subscribers (only Home Assistant discovery is)
     */
    void publish(String topic, byte[] payload, boolean retained);

    /** Subscribes to {@code filter}; {@code handler} is called with each message, on the link's own thread. */
    void subscribe(String filter, BiConsumer<String, byte[]> handler) throws MqttLinkException;

    @Override
    void close();

    /** The broker cannot be reached or refused us: the message says which and why. */
    final class MqttLinkException extends Exception {
        private static final long serialVersionUID = 1L;

        public MqttLinkException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
