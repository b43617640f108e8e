package org.smallbms.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.smallbms.app.device.Device;
import org.smallbms.sim.scenario.Scenario;

/**
 * The web tests' fixture: a device running its web app on a free port, its PIN, and a client that holds every answer
 * to the OpenAPI document.
 */
record RunningDevice(Device device, WebServer server, ApiClient api, String pin) implements AutoCloseable {

    /** How long a test waits for the device to get somewhere before it gives up: far beyond what it needs. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A new device of {@code system} in {@code data}, started at {@code at}, {@code speed} times real time. */
    static RunningDevice start(Scenario system, Path data, Instant at, double speed) throws Exception {
        Device device = Device.open(new Device.Config(system, data, 1, Optional.of(at), Optional.of(speed)));
        String pin = device.newPin().orElseThrow();
        WebServer server = WebServer.start(device, WebServer.LOOPBACK, 0);
        device.start(List.of(), Optional.empty());
        return new RunningDevice(device, server, new ApiClient(server.port(), WebApiTest.contract(server.port())),
                pin);
    }

    /** Reads {@code path} until {@code condition} holds; fails if it never does. */
    static JsonNode await(ApiClient api, String path, Predicate<JsonNode> condition) throws Exception {
        long until = System.nanoTime() + PATIENCE.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < until) {
            last = api.get(path).json();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(path + " never came to the condition; last: " + last);
    }

    @Override
    public void close() {
        server.close();
        device.stop();
    }
}
