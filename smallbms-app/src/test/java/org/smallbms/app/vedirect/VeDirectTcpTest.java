package org.smallbms.app.vedirect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.app.device.Device;
import org.smallbms.app.web.WebServer;
import org.smallbms.sim.scenario.Scenarios;

/**
 * VE.Direct over TCP against a running device (600× faster than real time, the manual's §3.3.1 system at noon), with
 * the web app beside it: what a client changes over VE.Direct, the web app shows.
 */
class VeDirectTcpTest {

    private static final Instant NOON = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;

    private Device device;
    private VeDirect veDirect;
    private WebServer web;

    @BeforeEach
    void aRunningDevice() throws Exception {
        device = Device.open(new Device.Config(Scenarios.builtIn("ng-3.3.1-solar-batteryprotect"), dir, 1,
                Optional.of(NOON), Optional.of(600.0)));
        web = WebServer.start(device, WebServer.LOOPBACK, 0);
        veDirect = VeDirect.tcp(new VeDirect.Port(device.snapshots()::get, device::submit), VeDirect.LOOPBACK, 0);
        device.start(List.of(), Optional.empty());
    }

    @AfterEach
    void stop() {
        veDirect.close();
        web.close();
        device.stop();
    }

    private LineClient connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", veDirect.port());
        return new LineClient(socket.getInputStream(), socket.getOutputStream(), socket);
    }

    private static String frame(int command, int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return new HexFrame(command, data).encode();
    }

    private JsonNode setting(String key) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + web.port() + "/api/settings")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        for (JsonNode s : new ObjectMapper().readTree(answer.body()).get("settings")) {
            if (s.get("key").asText().equals(key)) {
                return s;
            }
        }
        throw new AssertionError("no setting " + key);
    }

    @Test
    @DisplayName("VE.Direct over TCP: ping, application version, product id and an unknown register's flag")
    void session_pingVersionProductUnknown() throws Exception {
        try (LineClient client = connect()) {
            assertThat(client.ask(":154", '5')).isEqualTo(frame(5, 0x10, 0x41));
            assertThat(client.ask(":352", '1')).isEqualTo(frame(1, 0x10, 0x41));
            assertThat(client.ask(":451", '1')).isEqualTo(frame(1, 0xE7, 0xA3));
            assertThat(client.ask(":777770060", '7')).isEqualTo(":77777015F\n");
        }
    }

    @Test
    @DisplayName("SET-01 SET-02 VE.Direct end to end: a set over TCP shows in /api/settings; a refused one changes "
            + "nothing")
    void setOverVeDirect_showsInWebApp_refusedChangesNothing() throws Exception {
        try (LineClient client = connect()) {
            assertThat(client.ask(frame(7, 0x28, 0x03, 0x00).strip(), '7')).isEqualTo(frame(7, 0x28, 0x03, 0x00,
                    200, 0));

            assertThat(client.ask(frame(8, 0x28, 0x03, 0x00, 250, 0).strip(), '8'))
                    .isEqualTo(frame(8, 0x28, 0x03, 0x00, 250, 0));
            assertThat(setting("lowSocWarning").get("value").asInt()).isEqualTo(25);

            // 5 % is below the discharge floor of 10 %: the core refuses it as a whole.
            assertThat(client.ask(frame(8, 0x28, 0x03, 0x00, 50, 0).strip(), '8')).startsWith(":8280304");
            assertThat(setting("lowSocWarning").get("value").asInt()).isEqualTo(25);
            assertThat(client.ask(frame(7, 0x28, 0x03, 0x00).strip(), '7')).isEqualTo(frame(7, 0x28, 0x03, 0x00,
                    250, 0));
        }
    }

    @Test
    @DisplayName("MON-06 VE.Direct TEXT over TCP: blocks with a valid checksum carry the bank's voltage and PID")
    void text_blocksOnceASecond() throws Exception {
        try (LineClient client = connect()) {
            TextParser.Block block = client.block(b -> b.fields().containsKey("V") && !b.fields().get("V")
                    .equals("---"));

            assertThat(block.fields()).containsEntry("PID", "0xA3E7");
            assertThat(Integer.parseInt(block.fields().get("V"))).isBetween(10_000, 15_000);
        }
    }

    @Test
    @DisplayName("VE.Direct bad input: garbage and an over-long line on one connection get the framing error; another "
            + "connection is unaffected and the device runs on")
    void garbage_framingError_otherClientUnaffected() throws Exception {
        try (LineClient bad = connect(); LineClient good = connect()) {
            bad.send("hello\n:7001000FF\n");
            assertThat(bad.ask(":" + "1".repeat(500), '4')).isEqualTo(":4AAAAFD\n");
            long tick = device.snapshots().get().tick();

            assertThat(good.ask(":154", '5')).isEqualTo(frame(5, 0x10, 0x41));
            assertThat(bad.ask(":154", '5')).isEqualTo(frame(5, 0x10, 0x41));
            good.block(b -> true);
            assertThat(device.snapshots().get().tick()).isGreaterThan(tick);
            assertThat(setting("chargedVoltage").get("value").asInt()).isEqualTo(14_000);
        }
    }

    @Test
    @DisplayName("VE.Direct bad input: while a client floods 2 MB of frames that never end, another client is "
            + "answered and the device ticks on")
    void flood_othersAnsweredDeviceTicksOn() throws Exception {
        Socket flooder = new Socket("127.0.0.1", veDirect.port());
        byte[] garbage = ":FFFF".repeat(400_000).getBytes(StandardCharsets.US_ASCII);
        CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
            try {
                flooder.getOutputStream().write(garbage);
            } catch (IOException e) {
                // Closed by the test while still writing: the flood is over.
            }
        });
        try (LineClient good = connect()) {
            long tick = device.snapshots().get().tick();

            assertThat(good.ask(":154", '5')).isEqualTo(frame(5, 0x10, 0x41));
            good.block(b -> true);
            assertThat(device.snapshots().get().tick()).isGreaterThan(tick);
        } finally {
            flooder.close();
        }
        flood.join();
        assertThat(setting("chargedVoltage").get("value").asInt()).isEqualTo(14_000);
    }

    @Test
    @DisplayName("VE.Direct: connections beyond the limit are closed at once; the ones open are still answered")
    void connectionsBeyondLimit_closed() throws Exception {
        List<LineClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < VeDirect.MAX_CONNECTIONS; i++) {
                open.add(connect());
                // Answered: this one is in.
                open.get(i).ask(":154", '5');
            }
            try (Socket extra = new Socket("127.0.0.1", veDirect.port())) {
                extra.setSoTimeout((int) LineClient.PATIENCE.toMillis());
                assertThat(extra.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(open.get(0).ask(":154", '5')).isEqualTo(frame(5, 0x10, 0x41));
        } finally {
            for (LineClient client : open) {
                client.close();
            }
        }
    }
}
