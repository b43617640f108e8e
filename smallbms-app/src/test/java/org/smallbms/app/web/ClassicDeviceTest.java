package org.smallbms.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.app.device.Device;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.scenario.Scenarios;

/**
 * The web app of a classic smallBMS with pre-alarm (CLS-04): the device it runs, its two LEDs (LED-03) and outputs,
 * and none of the NG's pages or settings, each answer held to the OpenAPI document.
 */
public class ClassicDeviceTest {

    /**
     * One Lithium Battery Smart on a classic smallBMS, DC loads behind a BatteryProtect on Load disconnect, and a
     * SmartShunt for the SoC, as the classic manual's system examples have.
     */
    public static final String CLASSIC = """
            name: classic-loads
            description: one Lithium Battery Smart on a classic smallBMS, with DC loads on Load disconnect
            start: 2026-06-01T12:00:00Z
            duration: 30d
            step: 1s
            seed: 3
            site: {latitude: 52, cloudiness: 0}
            bms: {device: classic, remote: switch-h-to-plus}
            batteries: {model: smart-12v8-100ah, soc: 70}
            components:
              - name: dc-loads
                type: battery-protect
                demand: [{amps: 3}]
                control: {output: load-disconnect}
              - {name: shunt, type: smart-shunt}
            """;
    private static final Instant NOON = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;

    private RunningDevice running;
    private ApiClient api;

    static Scenario classic() throws Exception {
        return Scenarios.parse(CLASSIC, "classic-loads");
    }

    @BeforeEach
    void aRunningClassic() throws Exception {
        running = RunningDevice.start(classic(), dir, NOON, 60);
        api = running.api();
        awaitStatus(s -> s.get("outputs").get("loadDisconnect").asText().equals("HIGH"));
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private JsonNode awaitStatus(Predicate<JsonNode> condition) throws Exception {
        return RunningDevice.await(api, "/api/status", condition);
    }

    @Test
    @DisplayName("CLS-04 LED-03 the status names the classic device, shows its two LEDs and outputs, the SmartShunt of "
            + "its system, and no SoC of its own, codes or Bluetooth")
    void status_showsTheClassic() throws Exception {
        JsonNode status = api.get("/api/status").json();

        assertThat(status.get("device").get("key").asText()).isEqualTo("classic");
        assertThat(status.get("device").get("label").asText()).isEqualTo("smallBMS with pre-alarm");
        assertThat(status.get("device").get("features")).isEmpty();
        assertThat(status.get("leds").fieldNames()).toIterable().containsExactly("loadOn", "tempOrOvp");
        assertThat(status.get("leds").get("loadOn").get("state").asText()).isEqualTo("On");
        assertThat(status.get("leds").get("loadOn").get("colour").asText()).isEqualTo("blue");
        assertThat(status.get("leds").get("tempOrOvp").get("state").asText()).isEqualTo("Off");
        assertThat(status.get("leds").get("tempOrOvp").get("label").asText()).isEqualTo("Temp or OVP");
        assertThat(status.get("outputs").get("chargeDisconnect").asText()).isEqualTo("HIGH");
        assertThat(status.get("socPercent").isNull()).isTrue();
        assertThat(status.get("codes")).isEmpty();
        JsonNode shunt = status.get("monitors").get(0);
        assertThat(shunt.get("product").asText()).startsWith("SmartShunt");
        assertThat(shunt.get("currentAmps").asDouble()).isNegative();
    }

    @Test
    @DisplayName("CLS-04 the battery, history and settings pages are not there: 404 naming what the classic lacks")
    void ngPages_notThere() throws Exception {
        for (String path : List.of("/api/battery", "/api/history", "/api/settings")) {
            ApiClient.Answer answer = api.get(path);

            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.error("message")).as(path).contains("The smallBMS with pre-alarm has no");
        }
    }

    @Test
    @DisplayName("CLS-04 a command the classic does not have is refused, with the reason, and changes nothing")
    void commands_refused() throws Exception {
        assertThat(api.login(running.pin()).status()).isEqualTo(204);

        ApiClient.Answer mode = api.post("/api/mode", "{\"on\": false}");
        ApiClient.Answer soc = api.post("/api/soc", "{\"socPercent\": 50}");

        assertThat(mode.status()).isBetween(400, 499);
        assertThat(mode.error("message")).contains("has no settings");
        assertThat(soc.status()).isBetween(400, 499);
        assertThat(api.get("/api/status").json().get("outputs").get("loadDisconnect").asText()).isEqualTo("HIGH");
    }

    @Test
    @DisplayName("LED-03 CLS-03 REM-02 the remote opened on the world panel: every output floats, Load ON goes dark "
            + "and Temp or OVP lights; closed again, both come back")
    void remoteOff_ledsFollowTheOutputs() throws Exception {
        assertThat(api.put("/api/world/remote", "{\"on\": false}").status()).isEqualTo(200);

        JsonNode off = awaitStatus(s -> s.get("outputs").get("loadDisconnect").asText().equals("FLOATING"));
        assertThat(off.get("outputs").get("chargeDisconnect").asText()).isEqualTo("FLOATING");
        assertThat(off.get("outputs").get("preAlarm").asText()).isEqualTo("FLOATING");
        assertThat(off.get("leds").get("loadOn").get("state").asText()).isEqualTo("Off");
        assertThat(off.get("leds").get("tempOrOvp").get("state").asText()).isEqualTo("On");

        api.put("/api/world/remote", "{\"on\": true}");
        JsonNode on = awaitStatus(s -> s.get("outputs").get("loadDisconnect").asText().equals("HIGH"));
        assertThat(on.get("leds").get("loadOn").get("state").asText()).isEqualTo("On");
    }

    @Test
    @DisplayName("a data directory keeps one device: a classic system on an NG's data is refused, nothing started")
    void otherDevicesData_refused() throws Exception {
        running.close();
        Path ngData = dir.resolve("ng");
        Device ng = Device.open(new Device.Config(Scenarios.builtIn("ng-3.3.1-solar-batteryprotect"), ngData, 1,
                Optional.of(NOON), Optional.of(600.0)));
        ng.start(List.of(), Optional.of(Duration.ofMinutes(2)));
        ng.awaitStop();
        ng.stop();

        assertThatThrownBy(() -> Device.open(new Device.Config(classic(), ngData, 1, Optional.of(NOON),
                Optional.of(60.0)))).isInstanceOf(Device.OpenException.class)
                .hasMessageContaining("holds a smallBMS NG").hasMessageContaining("Give --data another directory");
    }
}
