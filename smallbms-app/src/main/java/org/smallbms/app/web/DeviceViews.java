package org.smallbms.app.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smallbms.app.runtime.AdjustableClock;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryReading;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.DeviceProfile;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.event.Event;
import org.smallbms.core.history.History;
import org.smallbms.core.history.LoggedError;
import org.smallbms.core.history.Span;
import org.smallbms.core.led.Led;
import org.smallbms.core.led.LedPattern;
import org.smallbms.core.monitor.Measurement;
import org.smallbms.core.monitor.TimeRemaining;
import org.smallbms.core.protection.Level;
import org.smallbms.core.protection.ProtectionState;
import org.smallbms.core.settings.Setting;
import org.smallbms.core.settings.Settings;
import org.smallbms.sim.system.WorldView;

/**
 * The device's pages as JSON, from one snapshot: status (UI-01), battery (UI-02), history (UI-03), settings (UI-04),
 * and one event. Values carry their unit in their name; a figure the device does not know is {@code null}, never 0.
 * Pure functions of what they are given.
 */
final class DeviceViews {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DeviceViews() {
    }

    /**
     * UI-01, LED-01, LED-02: the status page.
     *
     * @param speed how fast the device time runs
     * @param clientConnected whether a page is open (LED-01: a client is connected)
     */
    static ObjectNode status(Snapshot snapshot, AdjustableClock.Speed speed, boolean clientConnected) {
        BmsState bms = snapshot.bms();
        ObjectNode root = JSON.objectNode();
        root.put("serial", snapshot.serial());
        root.put("deviceTime", snapshot.at().toString());
        optional(root, "socPercent", bms.socPermille().map(p -> p / 10.0));
        root.put("socKnown", bms.socKnown());
        root.put("mode", Setting.MODE.format(bms.settings().get(Setting.MODE)));
        Optional<Measurement> m = bms.measurement();
        optional(root, "voltageVolts", m.map(x -> x.bankMillivolts() / 1000.0));
        optional(root, "currentAmps", m.map(x -> x.bankMilliamps() / 1000.0));
        optional(root, "powerWatts", m.map(x -> Math.round(x.milliwatts() / 100.0) / 10.0));
        optional(root, "consumedAmpHours", bms.consumedMilliampHours().map(mah -> mah / 1000.0));
        TimeRemaining remaining = bms.timeRemaining();
        root.put("timeRemaining", remaining.label());
        whole(root, "timeRemainingMinutes", remaining.kind() == TimeRemaining.Kind.FINITE
                ? Optional.of(remaining.duration().toMinutes()) : Optional.empty());
        ProtectionState p = bms.protection();
        allowed(root.putObject("allowedToCharge"), p.allowedToCharge().label(), p.chargeReasons());
        allowed(root.putObject("allowedToDischarge"), p.allowedToDischarge().label(), p.dischargeReasons());
        ObjectNode outputs = root.putObject("outputs");
        outputs.put("chargeDisconnect", level(p.outputs().charge()));
        outputs.put("loadDisconnect", level(p.outputs().load()));
        outputs.put("preAlarm", level(p.outputs().preAlarm()));
        ArrayNode codes = root.putArray("codes");
        for (Condition condition : p.active().codes()) {
            ObjectNode code = codes.addObject();
            code.put("code", condition.label());
            code.put("severity", condition.severity().name());
            code.put("message", condition.message());
            code.put("instruction", condition.instruction());
        }
        DeviceProfile profile = bms.profile();
        ObjectNode device = root.putObject("device");
        device.put("key", profile.key());
        device.put("label", profile.label());
        ArrayNode features = device.putArray("features");
        for (DeviceProfile.Feature feature : DeviceProfile.Feature.values()) {
            if (profile.has(feature)) {
                features.add(feature.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
        // LED-01..03: each LED of this device, as its settings, codes and outputs light it.
        ObjectNode leds = root.putObject("leds");
        boolean powered = !p.has(Condition.UNPOWERED);
        boolean bluetooth = bms.settings().get(Setting.BLUETOOTH) == 1;
        for (Led each : profile.leds()) {
            ObjectNode node = leds.putObject(ledKey(each));
            led(node, each.pattern(powered, bluetooth, clientConnected, p.active(), p.outputs()));
            node.put("label", each.label());
            node.put("colour", each.colour());
        }
        // The battery monitors in the system (a SmartShunt, a BMV-712): the SoC of a classic smallBMS's system.
        ArrayNode monitors = root.putArray("monitors");
        for (WorldView.MonitorView view : snapshot.world().map(WorldView::monitors).orElse(List.of())) {
            ObjectNode monitor = monitors.addObject();
            monitor.put("name", view.name());
            monitor.put("product", view.product());
            optional(monitor, "socPercent", view.socPercent().isPresent()
                    ? Optional.of(Math.round(view.socPercent().getAsDouble() * 10) / 10.0) : Optional.empty());
            monitor.put("consumedAmpHours", Math.round(view.consumedAmpHours() * 10) / 10.0);
            whole(monitor, "timeToGoMinutes", view.timeToGoSeconds().isPresent()
                    ? Optional.of(view.timeToGoSeconds().getAsLong() / 60) : Optional.empty());
            optional(monitor, "voltageVolts", Double.isNaN(view.volts()) ? Optional.empty()
                    : Optional.of(Math.round(view.volts() * 100) / 100.0));
            monitor.put("currentAmps", Math.round(view.amps() * 10) / 10.0);
            if (view.hasRelay()) {
                monitor.put("relay", view.relayClosed() ? "closed" : "open");
            } else {
                monitor.putNull("relay");
            }
        }
        ArrayNode notices = root.putArray("notices");
        bms.notices().forEach(notices::add);
        root.put("firmware", p.firmware().name());
        ObjectNode clock = root.putObject("clock");
        clock.put("speed", speed.key());
        clock.put("paused", speed.paused());
        ObjectNode storage = root.putObject("storage");
        storage.put("ok", snapshot.storage().isOk());
        optionalText(storage, "warning", snapshot.storage().warning());
        return root;
    }

    /** UI-02: the battery page, from what the BMS read over the chain in the last tick. */
    static ObjectNode battery(Snapshot snapshot) {
        BmsState bms = snapshot.bms();
        ObjectNode root = JSON.objectNode();
        ObjectNode balancer = root.putObject("balancer");
        balancer.put("status", bms.balancer().label());
        balancer.put("reason", bms.balancer().reason());
        Optional<Measurement> m = bms.measurement();
        optional(root, "minCellVolts", m.map(x -> x.minCellMillivolts() / 1000.0));
        optional(root, "maxCellVolts", m.map(x -> x.maxCellMillivolts() / 1000.0));
        optional(root, "minTemperatureCelsius", m.map(x -> x.minDeciCelsius() / 10.0));
        optional(root, "maxTemperatureCelsius", m.map(x -> x.maxDeciCelsius() / 10.0));
        Optional<Bank> bank = bms.protection().bank().filter(b -> b.batteryCount() > 0);
        optionalText(root, "model", bank.map(b -> b.model().label()));
        whole(root, "batteryCount", bank.map(b -> (long) b.batteryCount()));
        whole(root, "cellCount", bank.map(b -> (long) b.cellCount()));
        whole(root, "inSeries", bank.map(b -> (long) b.series()));
        whole(root, "inParallel", bank.map(b -> (long) b.parallel()));
        whole(root, "capacityAmpHours", bank.filter(Bank::isValid).map(b -> (long) b.capacityAmpHours()));
        ArrayNode batteries = root.putArray("batteries");
        List<BatteryReading> readings = snapshot.frame().map(BankFrame::batteries).orElse(List.of());
        for (int i = 0; i < readings.size(); i++) {
            BatteryReading r = readings.get(i);
            ObjectNode b = batteries.addObject();
            b.put("index", i + 1);
            b.put("serial", r.serial());
            b.put("model", r.model().label());
            b.put("nominalCapacityAmpHours", r.model().capacityAmpHours());
            b.put("firmwareVersion", r.firmwareVersion());
            b.put("temperatureCelsius", r.temperatureDeciCelsius() / 10.0);
            b.put("voltageVolts", r.millivolts() / 1000.0);
            b.put("currentAmps", r.milliamps() / 1000.0);
            ArrayNode cells = b.putArray("cellVolts");
            for (int c = 0; c < r.cellCount(); c++) {
                cells.add(r.cellMillivolts(c) / 1000.0);
            }
        }
        return root;
    }

    /** UI-03, HIST-01: the history page. */
    static ObjectNode history(Snapshot snapshot) {
        History h = snapshot.bms().history();
        ObjectNode root = JSON.objectNode();
        root.put("deepestDischargeAmpHours", h.deepestDischargeMilliampHours() / 1000.0);
        root.put("cumulativeAmpHoursDrawn", h.drawnMilliampHours() / 1000.0);
        root.put("dischargedEnergyKilowattHours", h.dischargedWattHours() / 1000.0);
        root.put("chargedEnergyKilowattHours", h.chargedWattHours() / 1000.0);
        root.put("synchronisations", h.synchronisations());
        root.put("chargeCycles", h.cycles());
        whole(root, "secondsSinceLastFullCharge", h.sinceLastFullCharge(snapshot.at()).map(d -> d.toSeconds()));
        span(root, "BatteryVolts", h.batteryMillivolts(), 1000.0);
        span(root, "CellVolts", h.cellMillivolts(), 1000.0);
        span(root, "TemperatureCelsius", h.batteryDeciCelsius(), 10.0);
        ArrayNode errors = root.putArray("lastErrors");
        for (LoggedError error : h.lastErrors()) {
            ObjectNode e = errors.addObject();
            e.put("code", error.condition().label());
            e.put("message", error.condition().message());
            e.put("at", error.at().toString());
        }
        return root;
    }

    /** UI-04, SET-01: every setting with its unit, default and range for the system the bank makes. */
    static ObjectNode settings(Snapshot snapshot) {
        Settings settings = snapshot.bms().settings();
        ObjectNode root = JSON.objectNode();
        root.put("system", settings.system().label());
        ArrayNode list = root.putArray("settings");
        for (Setting setting : Setting.values()) {
            list.add(setting(settings, setting));
        }
        return root;
    }

    /** One setting as {@link #settings} lists it. */
    static ObjectNode setting(Settings settings, Setting setting) {
        ObjectNode s = JSON.objectNode();
        s.put("key", setting.key());
        s.put("label", setting.label());
        s.put("unit", setting.unit().valueUnit());
        s.put("value", settings.get(setting));
        s.put("defaultValue", setting.defaultFor(settings.system()));
        s.put("min", setting.minFor(settings.system()));
        s.put("max", setting.maxFor(settings.system()));
        s.put("step", setting.step());
        s.put("shown", setting.format(settings.get(setting)));
        s.put("range", setting.rangeText(settings.system()));
        s.put("resetByDefaults", setting.resetByDefaults());
        return s;
    }

    /** One event of the timeline. */
    static ObjectNode event(Timeline.Entry entry) {
        Event event = entry.event();
        ObjectNode e = JSON.objectNode();
        e.put("id", entry.id());
        e.put("at", event.at().toString());
        e.put("kind", event.kind().label());
        e.put("name", event.name());
        e.put("value", event.value());
        e.put("cause", event.cause());
        return e;
    }

    private static String level(Level level) {
        return level == Level.HIGH ? "HIGH" : "FLOATING";
    }

    /** How the API names an LED: {@code bluetooth}, {@code error}, {@code loadOn}, {@code tempOrOvp}. */
    static String ledKey(Led led) {
        return switch (led) {
            case BLUETOOTH -> "bluetooth";
            case ERROR -> "error";
            case LOAD_ON -> "loadOn";
            case TEMP_OR_OVP -> "tempOrOvp";
        };
    }

    private static void led(ObjectNode node, LedPattern pattern) {
        node.put("state", pattern.name());
        node.put("onMillis", pattern.on().toMillis());
        node.put("offMillis", pattern.off().toMillis());
    }

    private static void span(ObjectNode root, String name, Span span, double scale) {
        Optional<Span> seen = span.isEmpty() ? Optional.empty() : Optional.of(span);
        optional(root, "min" + name, seen.map(s -> s.min() / scale));
        optional(root, "max" + name, seen.map(s -> s.max() / scale));
    }

    private static void allowed(ObjectNode node, String value, List<String> reasons) {
        node.put("value", value);
        ArrayNode list = node.putArray("reasons");
        reasons.forEach(list::add);
    }

    private static void optional(ObjectNode node, String field, Optional<Double> value) {
        if (value.isPresent()) {
            node.put(field, value.get());
        } else {
            node.putNull(field);
        }
    }

    private static void whole(ObjectNode node, String field, Optional<Long> value) {
        if (value.isPresent()) {
            node.put(field, value.get());
        } else {
            node.putNull(field);
        }
    }

    private static void optionalText(ObjectNode node, String field, Optional<String> value) {
        if (value.isPresent()) {
            node.put(field, value.get());
        } else {
            node.putNull(field);
        }
    }
}
