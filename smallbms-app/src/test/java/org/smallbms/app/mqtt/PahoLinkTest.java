package org.smallbms.app.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The link's subscription against a scripted broker: one that drops the connection at the first SUBSCRIBE (as
 * Moquette now and then does under load) and one that refuses the subscription.
 */
class PahoLinkTest {

    /** How a scripted broker answers the first connection's SUBSCRIBE; later connections are granted. */
    private enum First { DROP, REFUSE }

    /**
     * A broker of a few MQTT 3.1.1 packets: CONNACK to a CONNECT, SUBACK to a SUBSCRIBE, PINGRESP to a PINGREQ; the
     * filters it granted, in order.
     */
    private static final class ScriptedBroker implements AutoCloseable {
        final BlockingQueue<String> granted = new LinkedBlockingQueue<>();
        private final ServerSocket server;
        private final First first;

        ScriptedBroker(First first) throws IOException {
            this.first = first;
            this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(this::serve, "scripted-broker");
            accept.setDaemon(true);
            accept.start();
        }

        String url() {
            return "tcp://127.0.0.1:" + server.getLocalPort();
        }

        private void serve() {
            for (int connection = 0; !server.isClosed(); connection++) {
                try (Socket socket = server.accept()) {
                    talk(socket, connection == 0);
                } catch (IOException e) {
                    // The client left, or the test closed the broker.
                }
            }
        }

        private void talk(Socket socket, boolean firstConnection) throws IOException {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                int type = in.readUnsignedByte() >> 4;
                int length = 0;
                for (int shift = 0; ; shift += 7) {
                    int b = in.readUnsignedByte();
                    length |= (b & 0x7F) << shift;
                    if ((b & 0x80) == 0) {
                        break;
                    }
                }
                byte[] body = in.readNBytes(length);
                switch (type) {
                    case 1 -> out.write(new byte[] {0x20, 0x02, 0x00, 0x00});
                    case 8 -> {
                        if (firstConnection && first == First.DROP) {
                            return;
                        }
                        int topicLength = (body[2] & 0xFF) << 8 | body[3] & 0xFF;
                        boolean refuse = firstConnection && first == First.REFUSE;
                        out.write(new byte[] {(byte) 0x90, 0x03, body[0], body[1], (byte) (refuse ? 0x80 : 0x00)});
                        if (!refuse) {
                            granted.add(new String(body, 4, topicLength, StandardCharsets.UTF_8));
                        }
                    }
                    case 12 -> out.write(new byte[] {(byte) 0xD0, 0x00});
                    case 14 -> {
                        return;
                    }
                    default -> {
                        // Nothing else is part of the script.
                    }
                }
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void subscribe_connectionDroppedAtTheFirstSubscribe_subscribesAgainOnceReconnected() throws Exception {
        try (ScriptedBroker broker = new ScriptedBroker(First.DROP);
                PahoLink link = PahoLink.connect(broker.url(), "test-drop", Optional.empty(), Optional.empty())) {
            link.subscribe("R/0123456789ab/#", (topic, payload) -> { });

            assertThat(broker.granted.poll(Mosquitto.PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo("R/0123456789ab/#");
        }
    }

    @Test
    void subscribe_refusedByTheBroker_saysSo() throws Exception {
        try (ScriptedBroker broker = new ScriptedBroker(First.REFUSE);
                PahoLink link = PahoLink.connect(broker.url(), "test-refuse", Optional.empty(), Optional.empty())) {
            assertThatThrownBy(() -> link.subscribe("R/0123456789ab/#", (topic, payload) -> { }))
                    .isInstanceOf(MqttLink.MqttLinkException.class).hasMessageContaining("cannot subscribe to "
                            + "R/0123456789ab/#");
        }
    }
}
