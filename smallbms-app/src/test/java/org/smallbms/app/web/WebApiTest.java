package org.smallbms.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smallbms.app.device.Device;
import org.smallbms.core.settings.Setting;
import org.smallbms.sim.scenario.Scenarios;

/**
 * The API as a page or a script meets it: the real server on a free port of this machine, over a device that runs
 * (600× faster than real time) in the manual's §3.3.1 system, every answer checked against the OpenAPI document.
 */
class WebApiTest {

    /** Noon: the sun charges, nothing is near a threshold. */
    private static final Instant NOON = Instant.parse("2026-06-01T12:00:00Z");
    private static final double SPEED = 600;

    @TempDir
    Path dir;

    private Device device;
    private WebServer server;
    private ApiClient api;
    private String pin;

    @BeforeEach
    void aRunningDevice() throws Exception {
        RunningDevice running = RunningDevice.start(Scenarios.builtIn("ng-3.3.1-solar-batteryprotect"), dir, NOON,
                SPEED);
        device = running.device();
        server = running.server();
        api = running.api();
        pin = running.pin();
        // The bank is seen in the first tick.
        awaitStatus(s -> s.get("voltageVolts").isNumber());
    }

    @AfterEach
    void stop() {
        server.close();
        device.stop();
    }

    static OpenApiContract contract(int port) throws IOException, InterruptedException {
        HttpResponse<String> document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        return new OpenApiContract(document.body());
    }

    private JsonNode awaitStatus(Predicate<JsonNode> condition) throws Exception {
        return await("/api/status", condition);
    }

    private JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
        return RunningDevice.await(api, path, condition);
    }

    private JsonNode setting(String key) throws Exception {
        for (JsonNode s : api.get("/api/settings").json().get("settings")) {
            if (s.get("key").asText().equals(key)) {
                return s;
            }
        }
        throw new AssertionError("no setting " + key);
    }

    @Test
    @DisplayName("UI-01..UI-04 every page's route answers as the OpenAPI document says")
    void everyRead_matchesTheDocument() throws Exception {
        for (String path : List.of("/api/status", "/api/battery", "/api/history", "/api/settings", "/api/events",
                "/api/events?since=3", "/api/series", "/api/world", "/api/session")) {
            assertThat(api.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(api.get("/api/stream").status()).as("a stream without Accept: text/event-stream").isEqualTo(406);
        HttpResponse<String> docs = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("swagger-ui");
    }

    @Test
    @DisplayName("UI-02 the battery page lists each battery the BMS reads, with its serial, capacity, firmware and "
            + "each cell, and the bank's min/max cell voltage and temperature")
    void battery_listsTheBatteriesAndCells() throws Exception {
        JsonNode battery = api.get("/api/battery").json();
        JsonNode world = api.get("/api/world").json();

        assertThat(battery.get("batteryCount").asInt()).isEqualTo(1);
        assertThat(battery.get("inSeries").asInt()).isEqualTo(1);
        assertThat(battery.get("inParallel").asInt()).isEqualTo(1);
        assertThat(battery.get("cellCount").asInt()).isEqualTo(4);
        JsonNode first = battery.get("batteries").get(0);
        assertThat(first.get("serial").asText()).isEqualTo(world.get("batteries").get(0).get("serial").asText());
        assertThat(first.get("nominalCapacityAmpHours").asInt()).isEqualTo(100);
        assertThat(first.get("firmwareVersion").asText()).isNotBlank();
        assertThat(first.get("cellVolts")).hasSize(4);
        for (JsonNode cell : first.get("cellVolts")) {
            assertThat(cell.asDouble()).isBetween(battery.get("minCellVolts").asDouble() - 0.05,
                    battery.get("maxCellVolts").asDouble() + 0.05);
        }
        assertThat(battery.get("balancer").get("status").asText()).isEqualTo("Unknown");
    }

    @Test
    @DisplayName("SET-01 a change without a session is 401 and changes nothing")
    void change_withoutSession_refused() throws Exception {
        ApiClient.Answer answer = api.put("/api/settings/lowSocWarning", "{\"value\": 25}");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error("message")).contains("PIN");
        assertThat(setting("lowSocWarning").get("value").asInt()).isEqualTo(20);
    }

    @Test
    @DisplayName("SET-01 UI-04 with the PIN's session a setting changes, and the next read shows it")
    void change_withSession_applied() throws Exception {
        assertThat(api.login(pin).status()).isEqualTo(204);
        assertThat(api.get("/api/session").json().get("authenticated").asBoolean()).isTrue();

        ApiClient.Answer answer = api.put("/api/settings/lowSocWarning", "{\"value\": 25}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("value").asInt()).isEqualTo(25);
        assertThat(answer.json().get("shown").asText()).isEqualTo("25 %");
        assertThat(setting("lowSocWarning").get("value").asInt()).isEqualTo(25);

        assertThat(api.delete("/api/session").status()).isEqualTo(204);
        assertThat(api.put("/api/settings/lowSocWarning", "{\"value\": 30}").status()).isEqualTo(401);
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("lowSocWarning", "{\"value\": \"25\"}", "value", "must be a number"),
                Arguments.of("lowSocWarning", "{}", "value", "must be a number"),
                Arguments.of("lowSocWarning", "{\"value\": 1e400}", "value", "finite"),
                Arguments.of("lowSocWarning", "{\"value\": 25.5}", "value", "whole number"),
                Arguments.of("lowSocWarning", "{\"value\": 5}", "value", "below the discharge floor"),
                Arguments.of("chargedVoltage", "{\"value\": 14150}", "value", "14.150 V is not allowed"),
                Arguments.of("chargedVoltage", "{\"value\": 15000}", "value", "13.2..14.6 V"),
                Arguments.of("mode", "{\"value\": 2}", "value", "Off or On"),
                Arguments.of("lowSocWarning", "not json", "body", "JSON object"),
                Arguments.of("lowSocWarning", "[25]", "body", "JSON object"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badSettings")
    @DisplayName("SET-02 bad input is 400 naming the field, the value, the rule and the fix, and changes nothing")
    void badSetting_400_nothingChanged(String key, String body, String field, String rule) throws Exception {
        api.login(pin);
        JsonNode before = api.get("/api/settings").json();

        ApiClient.Answer answer = api.put("/api/settings/" + key, body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error("field")).isEqualTo(field);
        assertThat(answer.error("rule")).contains(rule);
        assertThat(answer.error("fix")).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(api.get("/api/settings").json()).isEqualTo(before);
    }

    @Test
    @DisplayName("SET-02 an unknown setting is 404 naming the settings; a change not in JSON is 415; a change from "
            + "another site is 403; none changes anything")
    void otherBadChanges_refused() throws Exception {
        api.login(pin);
        JsonNode before = api.get("/api/settings").json();

        ApiClient.Answer unknown = api.put("/api/settings/capacity", "{\"value\": 200}");
        ApiClient.Answer notJson = api.send("PUT", "/api/settings/lowSocWarning", "value=25",
                "application/x-www-form-urlencoded");
        ApiClient.Answer foreign = api.send(HttpRequest.newBuilder().header("Content-Type", "application/json")
                .header("Origin", "http://elsewhere.example").PUT(HttpRequest.BodyPublishers.ofString(
                "{\"value\": 25}")), "PUT", "/api/settings/lowSocWarning");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error("message")).contains("lowSocWarning").contains("chargedVoltage");
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(api.get("/api/settings").json()).isEqualTo(before);
    }

    @Test
    @DisplayName("SET-01 wrong PINs are limited per client: the third costs a wait, and while it lasts even the right "
            + "PIN is 429 with Retry-After, unchecked")
    void wrongPins_wait() throws Exception {
        String wrong = pin.equals("111111") ? "222222" : "111111";
        ApiClient.Answer first = api.login(wrong);
        ApiClient.Answer second = api.login(wrong);
        ApiClient.Answer third = api.login(wrong);
        ApiClient.Answer fourth = api.login(pin);

        assertThat(first.status()).isEqualTo(401);
        assertThat(first.header("Retry-After")).isNull();
        assertThat(second.status()).isEqualTo(401);
        assertThat(third.status()).isEqualTo(401);
        assertThat(third.header("Retry-After")).isEqualTo("5");
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(1L, 5L);
        assertThat(fourth.error("message")).contains("wait");
        assertThat(api.get("/api/session").json().get("authenticated").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("SET-01 changing the PIN needs the current one and six digits; the old PIN no longer opens a "
            + "session, the new one does, also after a restart")
    void changePin() throws Exception {
        String next = pin.equals("654321") ? "123456" : "654321";
        assertThat(api.put("/api/pin", "{\"current\": \"" + next + "\", \"new\": \"" + next + "\"}").status())
                .isEqualTo(401);
        assertThat(api.put("/api/pin", "{\"current\": \"" + pin + "\", \"new\": \"12345\"}").status())
                .isEqualTo(400);
        assertThat(api.put("/api/pin", "{\"current\": \"" + pin + "\", \"new\": \"000000\"}").status())
                .isEqualTo(400);

        assertThat(api.put("/api/pin", "{\"current\": \"" + pin + "\", \"new\": \"" + next + "\"}").status())
                .isEqualTo(204);

        ApiClient other = new ApiClient(server.port(), contract(server.port()));
        assertThat(other.login(pin).status()).isEqualTo(401);
        assertThat(other.login(next).status()).isEqualTo(204);
        server.close();
        device.stop();
        device = Device.open(new Device.Config(Scenarios.builtIn("ng-3.3.1-solar-batteryprotect"), dir, 1,
                Optional.of(NOON), Optional.of(SPEED)));
        assertThat(device.pinMatches(next)).isTrue();
        assertThat(device.pinMatches(pin)).isFalse();
        server = WebServer.start(device, WebServer.LOOPBACK, 0);
    }

    @Test
    @DisplayName("MON-05 SET-03 REM-03 UI-04 set SoC, synchronise, reset to defaults and Mode, each shown by the "
            + "next read")
    void deviceCommands_applied() throws Exception {
        api.login(pin);

        assertThat(api.post("/api/soc", "{\"socPercent\": 55}").status()).isEqualTo(200);
        assertThat(api.get("/api/status").json().get("socPercent").asDouble()).isBetween(54.0, 56.0);
        assertThat(api.post("/api/soc", "{\"socPercent\": 101}").status()).isEqualTo(400);
        assertThat(api.post("/api/soc/synchronise", "{}").status()).isEqualTo(200);
        assertThat(api.get("/api/status").json().get("socPercent").asDouble()).isEqualTo(100.0);

        api.put("/api/settings/tailCurrent", "{\"value\": 50}");
        assertThat(api.post("/api/settings/reset", "{}").status()).isEqualTo(200);
        assertThat(setting("tailCurrent").get("value").asInt()).isEqualTo(Setting.TAIL_CURRENT.defaultFor(
                org.smallbms.core.bank.SystemVoltage.V12));

        assertThat(api.post("/api/mode", "{\"on\": false}").status()).isEqualTo(200);
        JsonNode status = api.get("/api/status").json();
        assertThat(status.get("mode").asText()).isEqualTo("Off");
        assertThat(status.get("allowedToDischarge").get("value").asText()).isEqualTo("No");
        assertThat(api.post("/api/mode", "{\"on\": \"no\"}").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("HIST-03 UI-03 reset history clears the figures and keeps the SoC")
    void historyReset() throws Exception {
        api.login(pin);
        api.post("/api/soc", "{\"socPercent\": 70}");
        await("/api/history", h -> h.get("cumulativeAmpHoursDrawn").asDouble() > 0
                || h.get("chargedEnergyKilowattHours").asDouble() > 0 || h.get("maxCellVolts").isNumber());

        assertThat(api.post("/api/history/reset", "{}").status()).isEqualTo(200);

        JsonNode history = api.get("/api/history").json();
        assertThat(history.get("synchronisations").asInt()).isZero();
        assertThat(history.get("lastErrors")).isEmpty();
        assertThat(api.get("/api/status").json().get("socKnown").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("PROT-10 the event timeline reads after an id: ids grow, since the latest gives none, a bad id is 400")
    void events_afterAnId() throws Exception {
        JsonNode all = api.get("/api/events").json();
        long latest = all.get("latestId").asLong();
        long previous = 0;
        for (JsonNode e : all.get("events")) {
            assertThat(e.get("id").asLong()).isGreaterThan(previous);
            previous = e.get("id").asLong();
        }
        assertThat(latest).isGreaterThanOrEqualTo(previous).isPositive();

        api.put("/api/world/remote", "{\"on\": false}");
        JsonNode after = api.get("/api/events?since=" + latest).json();
        assertThat(after.get("events")).isNotEmpty();
        assertThat(after.get("events").get(0).get("id").asLong()).isEqualTo(latest + 1);
        assertThat(after.get("events").findValuesAsText("name")).contains("remote");

        assertThat(api.get("/api/events?since=abc").status()).isEqualTo(400);
        assertThat(api.get("/api/events?since=-1").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("the series for the charts are columns of one sample a device minute; bad instants are 400")
    void series_columns() throws Exception {
        await("/api/series", s -> s.get("atEpochSeconds").size() >= 3);
        JsonNode series = api.get("/api/series").json();
        int n = series.get("atEpochSeconds").size();
        for (String column : List.of("socPercent", "voltageVolts", "currentAmps", "minCellVolts", "maxCellVolts")) {
            assertThat(series.get(column)).as(column).hasSize(n);
        }
        assertThat(series.get("atEpochSeconds").get(1).asLong() - series.get("atEpochSeconds").get(0).asLong())
                .isEqualTo(60);
        assertThat(series.get("voltageVolts").get(0).asDouble()).isBetween(10.0, 15.0);

        assertThat(api.get("/api/series?from=yesterday").status()).isEqualTo(400);
        assertThat(api.get("/api/series?from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z").status())
                .isEqualTo(400);
    }

    @Test
    @DisplayName("LED-01 an open page (its stream) is a connected client: the blue LED is on while it is open and "
            + "blinks again when it closes; the stream sends the status and each event")
    void stream_isAConnectedClient() throws Exception {
        assertThat(api.get("/api/status").json().get("leds").get("bluetooth").get("state").asText())
                .isEqualTo("Blinking");
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        LineCollector collector = new LineCollector(lines);
        CompletableFuture<HttpResponse<Void>> stream = http.sendAsync(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + server.port() + "/api/stream")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(collector));

        awaitStatus(s -> s.get("leds").get("bluetooth").get("state").asText().equals("On"));
        api.put("/api/world/remote", "{\"on\": false}");
        long until = System.nanoTime() + RunningDevice.PATIENCE.toNanos();
        while (System.nanoTime() < until && !(lines.contains("event: snapshot") && lines.contains("event: event"))) {
            Thread.sleep(20);
        }
        assertThat(lines).contains("event: snapshot", "event: event");
        List<String> data = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("data: ")) {
                data.add(line.substring(6));
            }
        }
        assertThat(data).anySatisfy(d -> assertThat(d).contains("\"deviceTime\""));
        assertThat(data).anySatisfy(d -> assertThat(d).contains("\"name\":\"remote\""));

        collector.close();
        stream.cancel(true);
        awaitStatus(s -> s.get("leds").get("bluetooth").get("state").asText().equals("Blinking"));
    }

    @Test
    @DisplayName("REM-01 UI-01 the remote switch opened on the world panel: allowed to discharge No, the outputs "
            + "floating; closed again, they come back")
    void world_remoteOff() throws Exception {
        assertThat(api.put("/api/world/remote", "{\"on\": false}").status()).isEqualTo(200);

        JsonNode status = api.get("/api/status").json();
        assertThat(status.get("allowedToDischarge").get("value").asText()).isEqualTo("No");
        assertThat(status.get("outputs").get("loadDisconnect").asText()).isEqualTo("FLOATING");
        assertThat(status.get("outputs").get("chargeDisconnect").asText()).isEqualTo("FLOATING");
        assertThat(api.get("/api/world").json().get("remoteOn").asBoolean()).isFalse();

        api.put("/api/world/remote", "{\"on\": true}");
        awaitStatus(s -> s.get("outputs").get("loadDisconnect").asText().equals("HIGH"));
    }

    @Test
    @DisplayName("TOP-06 CODE-02 CODE-10 a BMS cable pulled on the world panel: W-B05 at once, E-B05 5 s later")
    void world_cablePulled() throws Exception {
        long since = api.get("/api/events").json().get("latestId").asLong();

        api.put("/api/world/bms-cable", "{\"connected\": false}");

        awaitStatus(s -> s.get("codes").findValuesAsText("code").contains("E-B05"));
        JsonNode events = api.get("/api/events?since=" + since).json().get("events");
        Instant pulled = raisedAt(events, "W-B05");
        Instant error = raisedAt(events, "E-B05");
        assertThat(Duration.between(pulled, error)).isEqualTo(Duration.ofSeconds(5));
        assertThat(api.get("/api/history").json().get("lastErrors").findValuesAsText("code")).contains("E-B05");
    }

    @Test
    @DisplayName("CODE-05 a battery silenced on the world panel: A-B05 10 s after its data stops")
    void world_batterySilenced() throws Exception {
        long since = api.get("/api/events").json().get("latestId").asLong();

        assertThat(api.put("/api/world/batteries/1", "{\"answering\": false}").status()).isEqualTo(200);

        awaitStatus(s -> s.get("codes").findValuesAsText("code").contains("A-B05"));
        JsonNode events = api.get("/api/events?since=" + since).json().get("events");
        Instant silenced = null;
        for (JsonNode e : events) {
            if (e.get("kind").asText().equals("fault") && e.get("value").asText().equals("silent")) {
                silenced = Instant.parse(e.get("at").asText());
            }
        }
        assertThat(silenced).isNotNull();
        assertThat(Duration.between(silenced, raisedAt(events, "A-B05"))).isBetween(Duration.ofSeconds(10),
                Duration.ofSeconds(11));
        assertThat(api.get("/api/world").json().get("batteries").get(0).get("answering").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("the world panel refuses what the world does not have, with the names it has; nothing changes")
    void world_badInput() throws Exception {
        JsonNode before = api.get("/api/world").json();

        ApiClient.Answer component = api.put("/api/world/components/fridge", "{\"on\": false}");
        ApiClient.Answer charger = api.put("/api/world/components/solar", "{\"watts\": 100}");
        ApiClient.Answer watts = api.put("/api/world/components/dc-loads", "{\"watts\": -5}");
        ApiClient.Answer battery = api.put("/api/world/batteries/9", "{\"answering\": false}");
        ApiClient.Answer sun = api.put("/api/world/sun", "{\"cloudiness\": 2}");
        ApiClient.Answer ambient = api.put("/api/world/ambient", "{\"celsius\": \"hot\"}");
        ApiClient.Answer lastString = api.post("/api/world/strings", "{\"add\": false}");
        ApiClient.Answer speed = api.put("/api/world/speed", "{\"speed\": \"warp\"}");

        assertThat(component.status()).isEqualTo(404);
        assertThat(component.error("message")).contains("dc-loads").contains("solar");
        assertThat(charger.status()).isEqualTo(400);
        assertThat(watts.status()).isEqualTo(400);
        assertThat(battery.status()).isEqualTo(404);
        assertThat(sun.status()).isEqualTo(400);
        assertThat(ambient.status()).isEqualTo(400);
        assertThat(lastString.status()).isEqualTo(400);
        assertThat(speed.status()).isEqualTo(400);
        JsonNode after = api.get("/api/world").json();
        assertThat(after.get("components").findValuesAsText("on")).isEqualTo(before.get("components")
                .findValuesAsText("on"));
        assertThat(after.get("strings")).isEqualTo(before.get("strings"));
        assertThat(after.get("speed")).isEqualTo(before.get("speed"));
    }

    @Test
    @DisplayName("the world panel sets a load's power and adds a string; each change is in the event timeline")
    void world_changesAreEvents() throws Exception {
        long since = api.get("/api/events").json().get("latestId").asLong();

        assertThat(api.put("/api/world/components/dc-loads", "{\"watts\": 120}").status()).isEqualTo(200);
        assertThat(api.post("/api/world/strings", "{\"add\": true}").status()).isEqualTo(200);
        assertThat(api.put("/api/world/sun", "{\"cloudiness\": 0.9}").status()).isEqualTo(200);

        JsonNode world = api.get("/api/world").json();
        assertThat(world.get("components").get(0).get("powerWatts").asDouble()).isEqualTo(120.0);
        assertThat(world.get("strings").asInt()).isEqualTo(2);
        assertThat(world.get("cloudiness").asDouble()).isEqualTo(0.9);
        JsonNode events = api.get("/api/events?since=" + since).json().get("events");
        assertThat(events.findValuesAsText("name")).contains("dc-loads", "bank", "cloudiness");
        await("/api/battery", b -> b.get("batteries").size() == 2);
    }

    @Test
    @DisplayName("FW-01 FW-02 a firmware update started on the world panel opens Charge disconnect while it runs, "
            + "and ends as asked")
    void world_firmwareUpdate() throws Exception {
        long since = api.get("/api/events").json().get("latestId").asLong();

        assertThat(api.post("/api/world/firmware", "{\"succeeds\": true}").status()).isEqualTo(200);

        JsonNode status = api.get("/api/status").json();
        assertThat(status.get("firmware").asText()).isEqualTo("UPDATING");
        assertThat(status.get("outputs").get("chargeDisconnect").asText()).isEqualTo("FLOATING");
        assertThat(status.get("outputs").get("loadDisconnect").asText()).isEqualTo("HIGH");
        assertThat(api.post("/api/world/firmware", "{\"succeeds\": true}").status()).isEqualTo(409);
        awaitStatus(s -> !s.get("firmware").asText().equals("UPDATING"));
        JsonNode events = api.get("/api/events?since=" + since).json().get("events");
        assertThat(events.findValuesAsText("cause")).anySatisfy(c -> assertThat(c).contains("applied"));
    }

    @Test
    @DisplayName("a paused device refuses changes with 409 and what to do; at speed again it takes them")
    void paused_refusesChanges() throws Exception {
        api.login(pin);
        JsonNode paused = api.put("/api/world/speed", "{\"speed\": \"pause\"}").json();
        assertThat(paused.get("paused").asBoolean()).isTrue();
        Instant at = Instant.parse(api.get("/api/status").json().get("deviceTime").asText());

        ApiClient.Answer refused = api.put("/api/settings/lowSocWarning", "{\"value\": 25}");
        TimeUnit.MILLISECONDS.sleep(50);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error("message")).contains("paused");
        assertThat(Instant.parse(api.get("/api/status").json().get("deviceTime").asText())).isEqualTo(at);
        assertThat(setting("lowSocWarning").get("value").asInt()).isEqualTo(20);
        assertThat(api.put("/api/world/speed", "{\"speed\": \"1440\"}").json().get("speed").asText())
                .isEqualTo("1440");
        assertThat(api.get("/api/events").json().get("events").findValuesAsText("value")).contains("pause", "1440");
        assertThat(api.put("/api/settings/lowSocWarning", "{\"value\": 25}").status()).isEqualTo(200);
    }

    private static Instant raisedAt(JsonNode events, String code) {
        for (JsonNode e : events) {
            if (e.get("name").asText().equals(code) && e.get("kind").asText().equals("code")
                    && !e.get("value").asText().equals("cleared")) {
                return Instant.parse(e.get("at").asText());
            }
        }
        throw new AssertionError(code + " was never raised in " + events);
    }

    /** Collects the stream's lines as they come. */
    private static final class LineCollector implements java.util.concurrent.Flow.Subscriber<String> {
        private final List<String> lines;
        private volatile java.util.concurrent.Flow.Subscription subscription;

        LineCollector(List<String> lines) {
            this.lines = lines;
        }

        /** Closes the stream, as a page that is closed does. */
        void close() {
            subscription.cancel();
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String item) {
            lines.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
            // The test closes the stream.
        }

        @Override
        public void onComplete() {
            // The server closed it.
        }
    }
}
