package org.smallbms.app.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The device on the broker it brings along, seen by Mosquitto's clients. */
class EmbeddedBrokerTest extends BrokerContract {

    private EmbeddedBroker broker;
    private final List<Process> clients = new ArrayList<>();

    @Override
    int startBroker(Path dir) throws Exception {
        broker = EmbeddedBroker.start("127.0.0.1", 0, Optional.empty(), Optional.empty());
        return broker.port();
    }

    @Override
    String url() {
        return broker.url();
    }

    @Override
    void stopBroker() {
        clients.forEach(Process::destroy);
        broker.close();
    }

    @Override
    Mosquitto.Subscriber subscribe(String... filters) throws Exception {
        return Mosquitto.subscribe(broker.port(), clients, filters);
    }

    @Override
    void publish(String topic, String payload) throws Exception {
        Mosquitto.publish(broker.port(), topic, payload);
    }

    @Test
    void start_onAPortInUse_saysSoAndHowToChooseAnother() {
        assertThat(broker.port()).isPositive();
        assertThatThrownBy(() -> EmbeddedBroker.start("127.0.0.1", broker.port(), Optional.empty(),
                Optional.empty())).isInstanceOf(EmbeddedBroker.BrokerException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + broker.port())
                .hasMessageContaining("--mqtt-port");
    }

    @Test
    void withCredentials_aClientWithoutThemIsRefused() throws Exception {
        try (EmbeddedBroker guarded = EmbeddedBroker.start("127.0.0.1", 0, Optional.of("bms"),
                Optional.of("s3cret"))) {
            assertThatThrownBy(() -> PahoLink.connect(guarded.url(), "anonymous", Optional.empty(),
                    Optional.empty())).isInstanceOf(MqttLink.MqttLinkException.class);
            assertThatThrownBy(() -> PahoLink.connect(guarded.url(), "wrong", Optional.of("bms"),
                    Optional.of("nope".toCharArray()))).isInstanceOf(MqttLink.MqttLinkException.class);
            PahoLink.connect(guarded.url(), "right", Optional.of("bms"), Optional.of("s3cret".toCharArray()))
                    .close();
        }
    }
}
