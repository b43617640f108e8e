package org.smallbms.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.app.device.Device;
import org.smallbms.core.bms.Command;
import org.smallbms.sim.scenario.Scenarios;

/** The web app's API against the real server on a free port of this machine, over a device that ran an evening. */
class WebServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ten past ten in the evening of the §3.3.1 system: the loads draw, the pre-alarm is near. */
    private static final Instant EVENING = Instant.parse("2026-06-01T18:00:00Z");

    @TempDir
    Path dir;

    private Device device;
    private WebServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void deviceRanAnEvening() throws Exception {
        device = Device.open(new Device.Config(Scenarios.builtIn("ng-3.3.1-solar-batteryprotect"), dir, 1,
                Optional.of(EVENING), Optional.empty()));
        // The §3.3.1 device does not know its SoC until it is set or synchronised: the user sets it.
        device.start(List.of(new Command.SetSoc(80)), Optional.of(Duration.ofHours(4)));
        device.awaitStop();
        server = WebServer.start(device, WebServer.LOOPBACK, 0);
    }

    @AfterEach
    void stop() {
        server.close();
        device.stop();
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String path) throws Exception {
        return http.send(request.uri(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("UI-01 GET /api/status is the status page: SoC, V, A, W, consumed Ah, time remaining, allowed to "
            + "charge and discharge with reasons, the outputs and the active codes with the manual's words")
    void status_isTheStatusPage() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder().GET(), "/api/status");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        JsonNode status = JSON.readTree(response.body());
        assertThat(status.get("serial").asText()).isEqualTo(device.serial());
        assertThat(Instant.parse(status.get("deviceTime").asText())).isEqualTo(device.snapshots().get().at());
        assertThat(status.get("socPercent").isNumber()).isTrue();
        assertThat(status.get("socPercent").asDouble()).isBetween(20.0, 80.0);
        double volts = status.get("voltageVolts").asDouble();
        double amps = status.get("currentAmps").asDouble();
        assertThat(volts).isBetween(10.0, 15.0);
        assertThat(status.get("powerWatts").asDouble()).isCloseTo(volts * amps,
                org.assertj.core.api.Assertions.within(0.1));
        assertThat(status.get("consumedAmpHours").asDouble()).isNegative();
        assertThat(status.get("allowedToCharge").get("value").asText()).isIn("Yes", "No");
        assertThat(status.get("allowedToDischarge").get("value").asText()).isIn("Yes", "No", "Pre-Alarm");
        assertThat(status.get("outputs").get("loadDisconnect").asText()).isIn("HIGH", "FLOATING");
        assertThat(status.get("codes").isArray()).isTrue();
        for (JsonNode code : status.get("codes")) {
            assertThat(code.get("message").asText()).isNotBlank();
            assertThat(code.get("instruction").asText()).isNotBlank();
        }
    }

    @Test
    @DisplayName("UI-01 PROT-09 while the SoC is unknown the status says so: SoC, consumed Ah and time remaining null")
    void status_socUnknown_nulls() throws Exception {
        server.close();
        device.stop();
        device = Device.open(new Device.Config(Scenarios.builtIn("ng-3.3.1-solar-batteryprotect"),
                dir.resolve("other"), 1, Optional.of(EVENING), Optional.empty()));
        device.start(List.of(), Optional.of(Duration.ofMinutes(5)));
        device.awaitStop();
        server = WebServer.start(device, WebServer.LOOPBACK, 0);

        JsonNode status = JSON.readTree(send(HttpRequest.newBuilder().GET(), "/api/status").body());

        assertThat(status.get("socPercent").isNull()).isTrue();
        assertThat(status.get("consumedAmpHours").isNull()).isTrue();
        assertThat(status.get("timeRemainingMinutes").isNull()).isTrue();
        assertThat(status.get("voltageVolts").isNumber()).isTrue();
    }

    @Test
    @DisplayName("every answer carries a content security policy without inline script or framing, and nosniff")
    void answers_carrySecurityHeaders() throws Exception {
        for (String path : List.of("/api/status", "/api/nothing-here")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder().GET(), path);

            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'")
                            .contains("script-src 'self'").doesNotContain("unsafe-inline"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
    }

    @Test
    @DisplayName("an unknown route is 404, a wrong method 405, a body over 64 KiB 413: each in JSON, no stack trace")
    void badRequests_jsonErrors() throws Exception {
        HttpResponse<String> missing = send(HttpRequest.newBuilder().GET(), "/api/nothing-here");
        HttpResponse<String> method = send(HttpRequest.newBuilder().DELETE(), "/api/status");
        HttpResponse<String> large = send(HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(
                "x".repeat(WebServer.MAX_BODY_BYTES + 1))), "/api/status");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("error").get("message").asText()).contains("/api/nothing-here");
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(method.body()).get("error").get("status").asInt()).isEqualTo(405);
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(large.body()).get("error").get("status").asInt()).isEqualTo(413);
        for (HttpResponse<String> response : List.of(missing, method, large)) {
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    @DisplayName("a port that is taken is refused with a message that says what to do")
    void portTaken_refusedWithTheFix() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebServer.start(device,
                WebServer.LOOPBACK, server.port()))
                .isInstanceOf(WebServer.WebServerException.class).hasMessageContaining(":" + server.port())
                .hasMessageContaining("--port");
    }
}
