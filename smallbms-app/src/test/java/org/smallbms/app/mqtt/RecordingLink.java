package org.smallbms.app.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/** A broker in memory: records what is published, and delivers what a test sends to the subscribers. */
final class RecordingLink implements MqttLink {

    /** One message sent. */
    record Sent(String topic, String payload, boolean retained) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, BiConsumer<String, byte[]>> handlers = new ConcurrentHashMap<>();

    @Override
    public synchronized void publish(String topic, byte[] payload, boolean retained) {
        sent.add(new Sent(topic, new String(payload, StandardCharsets.UTF_8), retained));
    }

    @Override
    public void subscribe(String filter, BiConsumer<String, byte[]> handler) {
        handlers.put(filter, handler);
    }

    /** A client's message, delivered as the broker would. */
    void send(String topic, String payload) {
        handlers.forEach((filter, handler) -> {
            if (PahoLink.matches(filter, topic)) {
                handler.accept(topic, payload.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** Everything sent since the last call. */
    synchronized List<Sent> take() {
        List<Sent> taken = List.copyOf(sent);
        sent.clear();
        return taken;
    }

    @Override
    public void close() {
    }
}
