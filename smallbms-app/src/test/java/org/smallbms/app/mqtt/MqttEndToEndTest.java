package org.smallbms.app.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.app.device.Device;
import org.smallbms.app.vedirect.HexFrame;
import org.smallbms.app.vedirect.TextParser;
import org.smallbms.app.vedirect.VeDirect;
import org.smallbms.app.web.WebServer;
import org.smallbms.sim.scenario.Scenarios;

/**
 * End to end, as {@code run} wires a device: the web app, VE.Direct on TCP, the embedded broker and the Venus adapter
 * around one running device (600× faster than real time, the manual's §3.3.1 system at noon). A setting changed
 * with a VE.Direct HEX set reaches an independent MQTT client ({@code mosquitto_sub}) at its Venus path and the web
 * app's {@code /api/settings}: the three front ends share the device, never each other.
 */
class MqttEndToEndTest {

    private static final Instant NOON = Instant.parse("2026-06-01T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Device device;
    private WebServer web;
    private VeDirect veDirect;
    private EmbeddedBroker broker;
    private MqttService mqtt;
    private final List<Process> clients = new ArrayList<>();

    @BeforeEach
    void aRunningDeviceWithItsFrontEnds() throws Exception {
        device = Device.open(new Device.Config(Scenarios.builtIn("ng-3.3.1-solar-batteryprotect"), dir, 1,
                Optional.of(NOON), Optional.of(600.0)));
        web = WebServer.start(device, WebServer.LOOPBACK, 0);
        veDirect = VeDirect.tcp(new VeDirect.Port(device.snapshots()::get, device::submit), VeDirect.LOOPBACK, 0);
        broker = EmbeddedBroker.start("127.0.0.1", 0, Optional.empty(), Optional.empty());
        mqtt = MqttService.start(device, broker.url(), Optional.empty(), Optional.empty(), false);
        device.start(List.of(), Optional.empty());
    }

    @AfterEach
    void stop() {
        clients.forEach(Process::destroy);
        mqtt.close();
        broker.close();
        veDirect.close();
        web.close();
        device.stop();
    }

    @Test
    @DisplayName("SET-01 UI-04 end to end: settings changed with VE.Direct HEX sets reach a mosquitto_sub at their "
            + "Venus paths and /api/settings")
    void setOverVeDirect_seenOverMqttAndInWebApp() throws Exception {
        String portal = device.portalId();
        String settings = "N/" + portal + "/battery/" + MqttService.DEVICE_INSTANCE + "/Settings/";
        Mosquitto.Subscriber sub = Mosquitto.subscribe(broker.port(), clients, settings + "#",
                "N/" + portal + "/full_publish_completed");
        Mosquitto.publish(broker.port(), "R/" + portal + "/keepalive", "");
        List<String> full = sub.await(l -> l.startsWith("N/" + portal + "/full_publish_completed "),
                "the full publish");
        // The defaults first: what follows is a change, not what the device had anyway.
        assertThat(value(full, settings + "LowSocWarning")).isEqualTo(20.0);
        assertThat(value(full, settings + "ChargedVoltage")).isEqualTo(14.0);
        assertThat(setting("lowSocWarning")).isEqualTo(20);
        assertThat(setting("chargedVoltage")).isEqualTo(14_000);

        try (HexClient client = new HexClient(new Socket("127.0.0.1", veDirect.port()))) {
            // 0x0328, the low SoC warning level in 0.1 %: 25.0 %.
            assertThat(client.ask(frame(8, 0x28, 0x03, 0x00, 250, 0), '8')).isEqualTo(frame(8, 0x28, 0x03, 0x00,
                    250, 0));
            List<String> lowSoc = sub.await(l -> l.startsWith(settings + "LowSocWarning "),
                    "the low SoC warning level's change");
            assertThat(value(lowSoc, settings + "LowSocWarning")).isEqualTo(25.0);
            assertThat(setting("lowSocWarning")).isEqualTo(25);

            // Within the keep-alive's 60 s on any machine: a new one, without a full publish.
            Mosquitto.publish(broker.port(), "R/" + portal + "/keepalive",
                    "{\"keepalive-options\": [\"suppress-republish\"]}");
            // 0x1001, the charged voltage in 0.1 V: 14.1 V.
            assertThat(client.ask(frame(8, 0x01, 0x10, 0x00, 141, 0), '8')).isEqualTo(frame(8, 0x01, 0x10, 0x00,
                    141, 0));
            List<String> charged = sub.await(l -> l.startsWith(settings + "ChargedVoltage "),
                    "the charged voltage's change");
            assertThat(value(charged, settings + "ChargedVoltage")).isEqualTo(14.1);
            assertThat(setting("chargedVoltage")).isEqualTo(14_100);
        }
    }

    /** The value of the last line of {@code topic} among {@code lines} ("topic payload"). */
    private static double value(List<String> lines, String topic) throws IOException {
        String last = null;
        for (String line : lines) {
            if (line.startsWith(topic + " ")) {
                last = line;
            }
        }
        assertThat(last).as("a message on " + topic).isNotNull();
        JsonNode payload = JSON.readTree(last.substring(topic.length() + 1));
        return payload.get("value").asDouble();
    }

    private int setting(String key) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + web.port() + "/api/settings")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        for (JsonNode s : JSON.readTree(answer.body()).get("settings")) {
            if (s.get("key").asText().equals(key)) {
                return s.get("value").asInt();
            }
        }
        throw new AssertionError("no setting " + key + " in /api/settings");
    }

    private static String frame(int command, int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return new HexFrame(command, data).encode();
    }

    /** A VE.Direct TCP client: sends HEX frames, and reads what comes back with the parser a BMV's reader uses. */
    private static final class HexClient implements AutoCloseable {
        private final Socket socket;
        private final BlockingQueue<String> hexLines = new LinkedBlockingQueue<>();

        HexClient(Socket socket) throws IOException {
            this.socket = socket;
            InputStream in = socket.getInputStream();
            Thread reader = new Thread(() -> {
                TextParser parser = new TextParser();
                try {
                    for (int b = in.read(); b >= 0; b = in.read()) {
                        parser.accept(b).ifPresent(item -> {
                            if (item instanceof TextParser.HexLine hex) {
                                hexLines.add(hex.line() + "\n");
                            }
                        });
                    }
                } catch (IOException e) {
                    // Closed by the test.
                }
            }, "test-vedirect-client");
            reader.setDaemon(true);
            reader.start();
        }

        /** Sends {@code frame} and returns the first HEX answer with the response nibble (async ones skipped). */
        String ask(String frame, char response) throws IOException, InterruptedException {
            socket.getOutputStream().write(frame.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long until = System.nanoTime() + Mosquitto.PATIENCE.toNanos();
            while (true) {
                String line = hexLines.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("no ':" + response + "' answer to " + frame.strip());
                }
                if (line.length() > 1 && line.charAt(1) == response) {
                    return line;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
