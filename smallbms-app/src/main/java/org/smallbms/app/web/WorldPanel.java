package org.smallbms.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.smallbms.app.runtime.AdjustableClock;
import org.smallbms.app.runtime.Request;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.Command;
import org.smallbms.core.firmware.FirmwareImage;
import org.smallbms.sim.component.Demand;
import org.smallbms.sim.component.Draw;
import org.smallbms.sim.system.Action;
import org.smallbms.sim.system.WorldView;

/**
 * The world panel (simulation only): the simulated world the device is wired into, as JSON, and the acts a user may
 * do on it: switch a load or charger, set a load's power, the sun and the air, the remote switch, pull a BMS cable,
 * silence a battery, add or remove a string, a firmware update, and the speed of time. Each act becomes a request to
 * the control loop, so it happens between two ticks and appears in the event timeline; what the world cannot do
 * (no such component) is checked against its latest view first and refused with the names it has.
 *
 * <p>The acts need no PIN: they are the world's, not the device's, and anyone can pull a cable.
 */
final class WorldPanel {

    /** The speeds the panel offers; the API takes any speed from 1 to {@value #MAX_SPEED} too. */
    static final List<String> SPEEDS = List.of("pause", "1", "60", "1440", "max");
    static final double MAX_SPEED = 1_000_000;
    static final double MAX_LOAD_WATTS = 20_000;
    static final double MIN_AMBIENT = -40;
    static final double MAX_AMBIENT = 60;
    /** How long a firmware update started from the panel takes, in device time. */
    static final Duration FIRMWARE_TAKES = Duration.ofSeconds(90);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A firmware update in progress: when it ends and how. */
    private record Update(Instant endsAt, boolean succeeds) {
    }

    private final Changes changes;
    private final AtomicReference<Update> update = new AtomicReference<>();

    WorldPanel(Changes changes) {
        this.changes = changes;
    }

    /** {@code GET /api/world}. */
    static ObjectNode view(Snapshot snapshot, AdjustableClock.Speed speed) {
        ObjectNode root = JSON.objectNode();
        root.put("speed", speed.key());
        root.put("paused", speed.paused());
        ArrayNode speeds = root.putArray("speeds");
        SPEEDS.forEach(speeds::add);
        Optional<WorldView> world = snapshot.world();
        root.put("simulated", world.isPresent());
        if (world.isEmpty()) {
            return root;
        }
        WorldView w = world.get();
        root.put("remoteOn", w.remoteOn());
        root.put("bmsCableConnected", w.bmsCableConnected());
        root.put("mainSwitchOn", w.mainSwitchOn());
        root.put("cloudiness", w.cloudiness());
        root.put("irradianceWattsPerSquareMetre", round(w.irradianceWattsPerSquareMetre(), 1));
        root.put("ambientCelsius", Double.isNaN(w.ambientCelsius()) ? null : round(w.ambientCelsius(), 1));
        root.put("bankAmps", round(w.bankAmps(), 2));
        root.put("socPercent", round(w.socPercent(), 1));
        ArrayNode components = root.putArray("components");
        for (WorldView.ComponentView c : w.components()) {
            ObjectNode node = components.addObject();
            node.put("name", c.name());
            node.put("product", c.product());
            node.put("role", c.role().name().toLowerCase(Locale.ROOT));
            node.put("on", c.on());
            node.put("amps", round(c.amps(), 2));
            node.put("demandSettable", c.demandSettable());
            if (c.powerWatts().isPresent()) {
                node.put("powerWatts", c.powerWatts().getAsDouble());
            } else {
                node.putNull("powerWatts");
            }
        }
        ArrayNode batteries = root.putArray("batteries");
        for (WorldView.BatteryView b : w.batteries()) {
            ObjectNode node = batteries.addObject();
            node.put("index", b.index());
            node.put("serial", b.serial());
            node.put("answering", b.answering());
            node.put("sensorFailed", b.sensorFailed());
            node.put("socPercent", round(b.socPercent(), 1));
        }
        root.put("strings", w.strings());
        return root;
    }

    /** {@code PUT /api/world/speed}: {@code {"speed": "pause" | "1" | "60" | "1440" | "max" | a number}}. */
    AdjustableClock.Speed speed(JsonNode body) {
        String fix = "Send {\"speed\": \"pause\"}, \"1\", \"60\", \"1440\", \"max\", or any speed from 1 to "
                + Bodies.number(MAX_SPEED) + ".";
        JsonNode value = body.get("speed");
        String text = value == null ? null : value.isNumber() ? value.asText() : value.isTextual() ? value.asText()
                : null;
        if (text == null) {
            throw ApiError.badInput("speed", value == null ? null : Bodies.quoted(value.toString()), "speed must be "
                    + "a speed.", fix);
        }
        if (text.equals("pause")) {
            return AdjustableClock.Speed.PAUSED;
        }
        if (text.equals("max")) {
            return AdjustableClock.Speed.MAX;
        }
        double factor;
        try {
            factor = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            factor = Double.NaN;
        }
        if (!(factor >= 1 && factor <= MAX_SPEED)) {
            throw ApiError.badInput("speed", Bodies.quoted(text), "speed = " + Bodies.quoted(text) + " is not a "
                    + "speed.", fix);
        }
        return new AdjustableClock.Speed(factor);
    }

    /** {@code PUT /api/world/remote}. */
    void remote(JsonNode body) {
        boolean on = Bodies.bool(body, "on");
        act("remote switch " + (on ? "on" : "off"), new Action.Remote(on));
    }

    /** {@code PUT /api/world/bms-cable}. */
    void bmsCable(JsonNode body) {
        boolean connected = Bodies.bool(body, "connected");
        act("BMS cable " + (connected ? "plugged" : "pulled"), new Action.BmsCable(connected));
    }

    /** {@code PUT /api/world/sun}. */
    void sun(JsonNode body) {
        double cloudiness = Bodies.number(body, "cloudiness", "Send a cloudiness from 0 (clear) to 1 (overcast).");
        if (cloudiness < 0 || cloudiness > 1) {
            throw ApiError.badInput("cloudiness", Bodies.number(cloudiness), "cloudiness = "
                    + Bodies.number(cloudiness) + " is not allowed: 0 (clear) to 1 (overcast).",
                    "Send a cloudiness from 0 to 1.");
        }
        act("cloudiness " + cloudiness, new Action.Cloudiness(cloudiness));
    }

    /** {@code PUT /api/world/ambient}. */
    void ambient(JsonNode body) {
        double celsius = Bodies.number(body, "celsius", "Send the daily mean temperature in °C, from "
                + Bodies.number(MIN_AMBIENT) + " to " + Bodies.number(MAX_AMBIENT) + ".");
        if (celsius < MIN_AMBIENT || celsius > MAX_AMBIENT) {
            throw ApiError.badInput("celsius", Bodies.number(celsius), "celsius = " + Bodies.number(celsius)
                    + " °C is not allowed: from " + Bodies.number(MIN_AMBIENT) + " to " + Bodies.number(MAX_AMBIENT)
                    + " °C.", "Send a temperature in that range.");
        }
        act("ambient " + celsius + " °C", new Action.AmbientMean(celsius));
    }

    /** {@code PUT /api/world/components/{name}}: {@code {"on": true}} or {@code {"watts": 120}}. */
    void component(Snapshot snapshot, String name, JsonNode body) {
        WorldView.ComponentView component = world(snapshot).components().stream()
                .filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> ApiError.of(HttpStatus.NOT_FOUND,
                        "There is no component '" + Bodies.quoted(name) + "'; the components are "
                        + names(world(snapshot)) + "."));
        if (body.has("on")) {
            boolean on = Bodies.bool(body, "on");
            act(name + " " + (on ? "on" : "off"), new Action.SwitchDevice(name, on));
            return;
        }
        String fix = "Send {\"on\": true|false}, or {\"watts\": W} with W above 0 and at most "
                + Bodies.number(MAX_LOAD_WATTS) + " for a load (switch it off with {\"on\": false}).";
        if (!body.has("watts")) {
            throw ApiError.badInput("on", null, "Give on or watts.", fix);
        }
        double watts = Bodies.number(body, "watts", fix);
        if (!component.demandSettable()) {
            throw ApiError.badInput("watts", Bodies.number(watts), name + " (" + component.product() + ") draws "
                    + "nothing of its own: only a load's power can be set.", "Set the power of a load instead.");
        }
        if (!(watts > 0) || watts > MAX_LOAD_WATTS) {
            throw ApiError.badInput("watts", Bodies.number(watts), "watts = " + Bodies.number(watts) + " is not "
                    + "allowed: above 0 and at most " + Bodies.number(MAX_LOAD_WATTS) + ".", fix);
        }
        act(name + " " + Bodies.number(watts) + " W", new Action.SetDemand(name,
                Demand.of(new Draw(Draw.Kind.WATTS, watts, List.of()))));
    }

    /** {@code PUT /api/world/batteries/{n}}: {@code {"answering": false}} silences battery n. */
    void battery(Snapshot snapshot, String n, JsonNode body) {
        int count = world(snapshot).batteries().size();
        int index;
        try {
            index = Integer.parseInt(n);
        } catch (NumberFormatException e) {
            index = 0;
        }
        if (index < 1 || index > count) {
            throw ApiError.of(HttpStatus.NOT_FOUND, "There is no battery " + Bodies.quoted(n) + ": the bank has "
                    + count + ", numbered 1 to " + count + " in chain order.");
        }
        boolean answering = Bodies.bool(body, "answering");
        act("battery " + index + (answering ? " answering" : " silent"), new Action.BatteryAnswers(index,
                answering));
    }

    /** {@code POST /api/world/strings}: {@code {"add": true}} adds a string, false removes the last. */
    void strings(JsonNode body) {
        boolean add = Bodies.bool(body, "add");
        act(add ? "a string added" : "the last string removed", new Action.BatteryString(add));
    }

    /**
     * {@code POST /api/world/firmware}: starts an update that ends {@link #FIRMWARE_TAKES} later in device time,
     * applied or failed as asked; the BMS answers the start as FW-01 says.
     */
    void firmware(Snapshot snapshot, JsonNode body) {
        boolean succeeds = Bodies.bool(body, "succeeds");
        FirmwareImage image = FirmwareImage.signed(Bms.DEVICE_MODEL, "v1.12", new byte[] {1, 2, 3, 4});
        if (!update.compareAndSet(null, new Update(snapshot.at().plus(FIRMWARE_TAKES), succeeds))) {
            throw ApiError.of(HttpStatus.CONFLICT, "A firmware update is in progress: wait until it ends.");
        }
        try {
            changes.command(new Command.StartFirmwareUpdate(image));
        } catch (ApiError e) {
            update.set(null);
            throw e;
        }
    }

    /** Ends an update in progress once its time has come; called with each snapshot, on the control thread. */
    void onSnapshot(Snapshot snapshot) {
        Update due = update.get();
        if (due != null && !snapshot.at().isBefore(due.endsAt()) && update.compareAndSet(due, null)) {
            changes.submitLater(new Request.ToBms(new Command.FinishFirmwareUpdate(due.succeeds(), due.succeeds()
                    ? "image v1.12 applied" : "the transfer was interrupted")));
        }
    }

    private void act(String description, Action action) {
        changes.world(new Request.ToWorld(description, world -> world.act(action)));
    }

    private static WorldView world(Snapshot snapshot) {
        return snapshot.world().orElseThrow(() -> ApiError.of(HttpStatus.NOT_FOUND, "This device is not wired "
                + "into a simulated world: there is no world panel."));
    }

    private static String names(WorldView world) {
        List<String> names = new ArrayList<>();
        world.components().forEach(c -> names.add(c.name()));
        return String.join(", ", names);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
