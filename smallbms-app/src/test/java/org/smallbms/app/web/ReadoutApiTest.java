package org.smallbms.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.app.cli.Main;
import org.smallbms.app.device.Device;
import org.smallbms.app.readout.Container;
import org.smallbms.app.readout.Decoder;
import org.smallbms.app.readout.ReadoutException;
import org.smallbms.app.readout.ReadoutKey;
import org.smallbms.sim.scenario.Scenarios;

/**
 * IR-01 end to end: a running device (600×) in the manual's §3.3.1 system, its latest advertisement read from
 * {@code GET /api/readout}, decoded with the key the owner reads with the PIN, and compared with {@code GET
 * /api/status} of the same tick; the key's routes; the setting; and {@code smallbms readout decode} on what the
 * device sent. Every answer is checked against the OpenAPI document.
 */
class ReadoutApiTest {

    private static final Instant NOON = Instant.parse("2026-06-01T12:00:00Z");
    private static final double SPEED = 600;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private RunningDevice running;
    private Device device;
    private WebServer server;
    private ApiClient api;
    private String pin;

    @BeforeEach
    void aRunningDevice() throws Exception {
        running = RunningDevice.start(Scenarios.builtIn("ng-3.3.1-solar-batteryprotect"), dir, NOON, SPEED);
        device = running.device();
        server = running.server();
        api = running.api();
        pin = running.pin();
        await("/api/readout", r -> r.get("hex").isTextual());
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
        return RunningDevice.await(api, path, condition);
    }

    /** The status and the advertisement of one tick: paused, read until both name the same device time. */
    private JsonNode[] pausedPair() throws Exception {
        assertThat(api.put("/api/world/speed", "{\"speed\": \"pause\"}").status()).isEqualTo(200);
        long until = System.nanoTime() + RunningDevice.PATIENCE.toNanos();
        while (System.nanoTime() < until) {
            JsonNode status = api.get("/api/status").json();
            JsonNode readout = api.get("/api/readout").json();
            if (status.get("deviceTime").asText().equals(readout.get("deviceTime").asText())) {
                return new JsonNode[] {status, readout};
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the status and the advertisement never showed the same tick");
    }

    private ReadoutKey ownersKey() throws Exception {
        assertThat(api.login(pin).status()).isEqualTo(204);
        ApiClient.Answer answer = api.get("/api/readout/key");
        assertThat(answer.status()).isEqualTo(200);
        return ReadoutKey.parse(answer.json().get("key").asText());
    }

    private static BigDecimal rounded(JsonNode value, int decimals) {
        return new BigDecimal(value.asText()).setScale(decimals, RoundingMode.HALF_UP);
    }

    private static void assertSameNumber(JsonNode decoded, BigDecimal expected) {
        assertThat(new BigDecimal(decoded.asText())).isEqualByComparingTo(expected);
    }

    @Test
    @DisplayName("IR-01 the advertisement, decoded with the owner's key, says what the status says: voltage, "
            + "current, SoC, consumed Ah, time remaining, ATC and ATD, no code")
    void advertisement_matchesTheStatus() throws Exception {
        ReadoutKey key = ownersKey();
        JsonNode[] pair = pausedPair();
        JsonNode status = pair[0];
        JsonNode readout = pair[1];

        JsonNode values = Decoder.decode(key, Container.parseHex(readout.get("hex").asText())).toJson()
                .get("values");

        assertThat(readout.get("decoded").get("values")).isEqualTo(values);
        assertSameNumber(values.get("voltageVolts"), rounded(status.get("voltageVolts"), 2));
        assertSameNumber(values.get("currentAmps"), rounded(status.get("currentAmps"), 1));
        assertThat(values.get("socPercent")).isEqualTo(status.get("socPercent"));
        assertThat(values.get("timeToGoMinutes")).isEqualTo(status.get("timeRemainingMinutes"));
        if (status.get("consumedAmpHours").isNull()) {
            assertThat(values.get("consumedAmpHours").isNull()).isTrue();
        } else {
            assertSameNumber(values.get("consumedAmpHours"), rounded(status.get("consumedAmpHours"), 1));
        }
        assertThat(values.get("io").get("allowedToCharge").asBoolean())
                .isEqualTo(status.get("allowedToCharge").get("value").asText().equals("Yes"));
        assertThat(values.get("io").get("allowedToDischarge").asBoolean())
                .isEqualTo(!status.get("allowedToDischarge").get("value").asText().equals("No"));
        assertThat(status.get("codes")).isEmpty();
        assertThat(values.get("errorCode").asInt()).isZero();
        for (String field : List.of("lowCellVoltage", "bmsCable", "lowSoc", "highBatteryTemperature")) {
            assertThat(values.get("warningsAlarms").get(field).asText()).as(field).isEqualTo("ok");
        }
        assertThat(readout.get("decoded").get("productId").asText()).isEqualTo("0xA3E7");
    }

    @Test
    @DisplayName("IR-01 TOP-06 a pulled BMS cable: once E-B05 shows in the status, the advertisement carries the BMS "
            + "cable error (32), the BMS cable alarm, the loads disconnected, ATC and ATD no")
    void pulledCable_codesMapped() throws Exception {
        ReadoutKey key = ownersKey();
        assertThat(api.put("/api/world/bms-cable", "{\"connected\": false}").status()).isEqualTo(200);
        await("/api/status", s -> s.get("codes").toString().contains("E-B05"));
        JsonNode[] pair = pausedPair();

        JsonNode values = Decoder.decode(key, Container.parseHex(pair[1].get("hex").asText())).toJson()
                .get("values");

        assertThat(pair[0].get("codes").toString()).contains("E-B05");
        assertThat(values.get("errorCode").asInt()).isEqualTo(32);
        assertThat(values.get("error").asText()).isEqualTo("BMS cable");
        assertThat(values.get("warningsAlarms").get("bmsCable").asText()).isEqualTo("alarm");
        assertThat(values.get("warningsAlarms").get("loadDisconnect").asText()).isEqualTo("alarm");
        assertThat(values.get("io").get("allowedToCharge").asBoolean()).isFalse();
        assertThat(values.get("io").get("allowedToDischarge").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("IR-01 the key is shown only with a session; without one GET and POST /api/readout/key are 401 and "
            + "/api/readout never contains it")
    void key_needsTheSession() throws Exception {
        ApiClient.Answer read = api.get("/api/readout/key");
        ApiClient.Answer renew = api.post("/api/readout/key", "{}");
        ApiClient.Answer readout = api.get("/api/readout");

        assertThat(read.status()).isEqualTo(401);
        assertThat(read.error("message")).contains("PIN");
        assertThat(renew.status()).isEqualTo(401);
        assertThat(readout.body()).doesNotContain(device.readoutKey().hex());
        assertThat(ownersKey()).isEqualTo(device.readoutKey());
    }

    @Test
    @DisplayName("IR-01 a new key from the web app: its first byte is the old one's plus one, the advertisements use "
            + "it from the next one on, and the old key no longer decodes them")
    void newKey_oldOneStopsWorking() throws Exception {
        ReadoutKey old = ownersKey();

        ApiClient.Answer made = api.post("/api/readout/key", "{}");
        ReadoutKey fresh = ReadoutKey.parse(made.json().get("key").asText());
        JsonNode readout = await("/api/readout", r -> r.get("decoded").isObject());
        byte[] sent = Container.parseHex(readout.get("hex").asText());

        assertThat(made.status()).isEqualTo(200);
        assertThat(fresh.checkByte()).isEqualTo((old.checkByte() + 1) % 256);
        assertThat(api.get("/api/readout/key").json().get("key").asText()).isEqualTo(fresh.hex());
        assertThat(Decoder.decodeBms(fresh, sent)).isNotNull();
        assertThatThrownBy(() -> Decoder.decodeBms(old, sent)).isInstanceOf(ReadoutException.class)
                .hasMessageContaining("wrong key");
        assertThat(api.get("/api/events").body()).contains("readoutKey").doesNotContain(fresh.hex());
    }

    @Test
    @DisplayName("IR-01, SET-01 with Instant Readout switched off the device sends nothing and says why; switched on "
            + "it sends again")
    void switchedOff_noAdvertisement() throws Exception {
        api.login(pin);

        assertThat(api.put("/api/settings/instantReadout", "{\"value\": 0}").status()).isEqualTo(200);
        JsonNode off = await("/api/readout", r -> r.get("hex").isNull());
        assertThat(api.put("/api/settings/instantReadout", "{\"value\": 1}").status()).isEqualTo(200);
        JsonNode on = await("/api/readout", r -> r.get("hex").isTextual());

        assertThat(off.get("sending").asBoolean()).isFalse();
        assertThat(off.get("instantReadout").asBoolean()).isFalse();
        assertThat(off.get("notSending").asText()).contains("Instant Readout is off");
        assertThat(off.get("decoded").isNull()).isTrue();
        assertThat(on.get("sending").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("IR-01 smallbms readout decode reads what the device sent, with its key, as the API decodes it "
            + "(exit 0); with another key it says the key is wrong (exit 2)")
    void cliDecode_readsTheDevicesAdvertisement() throws Exception {
        ReadoutKey key = ownersKey();
        JsonNode readout = api.get("/api/readout").json();
        String hex = readout.get("hex").asText();
        byte[] wrong = key.bytes();
        wrong[0]++;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StringWriter wrongOut = new StringWriter();
        StringWriter wrongErr = new StringWriter();

        int exit = Main.execute(new PrintWriter(out), new PrintWriter(err), "readout", "decode", "--key", key.hex(),
                hex);
        int wrongExit = Main.execute(new PrintWriter(wrongOut), new PrintWriter(wrongErr), "readout", "decode",
                "--key", HexFormat.of().formatHex(wrong), hex);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(JSON.readTree(out.toString())).isEqualTo(readout.get("decoded"));
        assertThat(wrongExit).isEqualTo(2);
        assertThat(wrongOut.toString()).isEmpty();
        assertThat(wrongErr.toString()).contains("wrong key").doesNotContain("Exception");
    }
}
