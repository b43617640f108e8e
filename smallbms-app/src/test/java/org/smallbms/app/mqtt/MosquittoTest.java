package org.smallbms.app.mqtt;

import java.nio.file.Path;

/** The device on Debian's Mosquitto. */
class MosquittoTest extends BrokerContract {

    private Mosquitto mosquitto;

    @Override
    int startBroker(Path dir) throws Exception {
        mosquitto = Mosquitto.start(dir);
        return mosquitto.port();
    }

    @Override
    String url() {
        return mosquitto.url();
    }

    @Override
    void stopBroker() {
        mosquitto.close();
    }

    @Override
    Mosquitto.Subscriber subscribe(String... filters) throws Exception {
        return mosquitto.subscribe(filters);
    }

    @Override
    void publish(String topic, String payload) throws Exception {
        mosquitto.publish(topic, payload);
    }
}
