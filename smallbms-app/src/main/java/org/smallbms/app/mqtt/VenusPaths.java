package org.smallbms.app.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.history.History;
import org.smallbms.core.history.Span;
import org.smallbms.core.monitor.BalancerStatus;
import org.smallbms.core.monitor.Measurement;
import org.smallbms.core.monitor.TimeRemaining;
import org.smallbms.core.protection.Allowed;
import org.smallbms.core.protection.ProtectionState;
import org.smallbms.core.settings.Setting;
import org.smallbms.core.settings.Settings;

/**
 * The {@code com.victronenergy.battery} paths the smallBMS NG has, from one snapshot, each with its MQTT payload as
 * dbus-flashmq writes it: {@code {"value": v}}, {@code {"value": null}} for a value the device does not know, and
 * {@code {"max": M, "min": m, "value": v}} for a setting (as Venus publishes its settings). Pure: the same snapshot
 * gives the same payloads, in the same order.
 */
public final class VenusPaths {

    /** What Venus's GUI shows as the product. */
    public static final String PRODUCT_NAME = "smallBMS NG";
    /** {@code /TimeToGo} when not discharging: Venus's maximum, 10 days. */
    static final long TIME_TO_GO_MAX_SECONDS = 864_000;
    /** Venus's alarm levels. */
    static final int OK = 0;
    static final int WARNING = 1;
    static final int ALARM = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private VenusPaths() {
    }

    /**
     * Every path and its payload.
     *
     * @param snapshot the device after a tick
     * @param productId the product id the device reports elsewhere (Instant Readout)
     * @param instance the device instance
     * @param version the firmware version shown
     */
    public static Map<String, String> of(Snapshot snapshot, int productId, int instance, String version) {
        Map<String, String> paths = new LinkedHashMap<>();
        BmsState bms = snapshot.bms();
        put(paths, "/ProductName", PRODUCT_NAME);
        put(paths, "/ProductId", productId);
        put(paths, "/Serial", snapshot.serial());
        put(paths, "/FirmwareVersion", version);
        put(paths, "/DeviceInstance", instance);
        put(paths, "/Connected", 1);
        put(paths, "/Mgmt/ProcessName", "smallbms");
        put(paths, "/Mgmt/ProcessVersion", version);
        put(paths, "/Mgmt/Connection", "MQTT");

        Optional<Measurement> m = bms.measurement();
        put(paths, "/Soc", bms.socPermille().map(p -> p / 10.0).orElse(null));
        put(paths, "/Dc/0/Voltage", m.map(x -> x.bankMillivolts() / 1000.0).orElse(null));
        put(paths, "/Dc/0/Current", m.map(x -> x.bankMilliamps() / 1000.0).orElse(null));
        put(paths, "/Dc/0/Power", m.map(x -> Math.round(x.milliwatts() / 100.0) / 10.0).orElse(null));
        put(paths, "/Dc/0/Temperature", m.map(x -> x.maxDeciCelsius() / 10.0).orElse(null));
        // Venus counts consumed amp-hours negative; the monitor already does.
        put(paths, "/ConsumedAmphours", bms.consumedMilliampHours().map(mah -> mah / 1000.0).orElse(null));
        TimeRemaining remaining = bms.timeRemaining();
        put(paths, "/TimeToGo", switch (remaining.kind()) {
            case UNKNOWN -> null;
            case INFINITE -> TIME_TO_GO_MAX_SECONDS;
            case FINITE -> Math.min(TIME_TO_GO_MAX_SECONDS, remaining.duration().toSeconds());
        });

        ProtectionState p = bms.protection();
        put(paths, "/Io/AllowToCharge", p.allowedToCharge() == Allowed.NO ? 0 : 1);
        put(paths, "/Io/AllowToDischarge", p.allowedToDischarge() == Allowed.NO ? 0 : 1);
        put(paths, "/Mode", bms.settings().get(Setting.MODE));
        put(paths, "/Balancer/Status", balancer(bms.balancer()));

        put(paths, "/Alarms/LowVoltage", level(p, null, Condition.A_B08));
        put(paths, "/Alarms/LowCellVoltage", level(p, Condition.W_B01, Condition.A_B01));
        put(paths, "/Alarms/HighCellVoltage", p.has(Condition.CELL_HIGH_VOLTAGE) ? WARNING : OK);
        put(paths, "/Alarms/LowSoc", level(p, Condition.W_B07, Condition.A_B07));
        put(paths, "/Alarms/HighTemperature", level(p, null, Condition.A_B09));
        put(paths, "/Alarms/LowChargeTemperature", p.has(Condition.CHARGE_LOW_TEMPERATURE) ? WARNING : OK);
        put(paths, "/Alarms/BmsCable", level(p, Condition.W_B05, Condition.A_B05));
        put(paths, "/Alarms/InternalFailure", p.has(Condition.E_B01) || p.has(Condition.E_B05)
                || p.has(Condition.E_B09) || p.has(Condition.E_B11) ? ALARM : OK);

        put(paths, "/System/MinCellVoltage", m.map(x -> x.minCellMillivolts() / 1000.0).orElse(null));
        put(paths, "/System/MaxCellVoltage", m.map(x -> x.maxCellMillivolts() / 1000.0).orElse(null));
        put(paths, "/System/MinCellTemperature", m.map(x -> x.minDeciCelsius() / 10.0).orElse(null));
        put(paths, "/System/MaxCellTemperature", m.map(x -> x.maxDeciCelsius() / 10.0).orElse(null));
        Optional<Bank> bank = p.bank().filter(b -> b.batteryCount() > 0);
        put(paths, "/System/NrOfBatteries", bank.map(Bank::batteryCount).orElse(null));
        put(paths, "/System/BatteriesParallel", bank.map(Bank::parallel).orElse(null));
        put(paths, "/System/BatteriesSeries", bank.map(Bank::series).orElse(null));
        put(paths, "/System/NrOfCellsPerBattery", bank.map(b -> b.model().cells()).orElse(null));
        put(paths, "/System/NrOfModulesBlockingCharge", p.allowedToCharge() == Allowed.NO ? 1 : 0);
        put(paths, "/System/NrOfModulesBlockingDischarge", p.allowedToDischarge() == Allowed.NO ? 1 : 0);
        put(paths, "/InstalledCapacity", bank.filter(Bank::isValid).map(Bank::capacityAmpHours).orElse(null));

        History h = bms.history();
        put(paths, "/History/DeepestDischarge", -h.deepestDischargeMilliampHours() / 1000.0);
        put(paths, "/History/TotalAhDrawn", -h.drawnMilliampHours() / 1000.0);
        put(paths, "/History/ChargeCycles", h.cycles());
        put(paths, "/History/AutomaticSyncs", h.synchronisations());
        put(paths, "/History/DischargedEnergy", h.dischargedWattHours() / 1000.0);
        put(paths, "/History/ChargedEnergy", h.chargedWattHours() / 1000.0);
        put(paths, "/History/TimeSinceLastFullCharge", h.sinceLastFullCharge(snapshot.at()).map(d -> d.toSeconds())
                .orElse(null));
        span(paths, "Voltage", h.batteryMillivolts(), 1000.0);
        span(paths, "CellVoltage", h.cellMillivolts(), 1000.0);
        span(paths, "Temperature", h.batteryDeciCelsius(), 10.0);

        Settings settings = bms.settings();
        for (Setting setting : Setting.values()) {
            if (setting != Setting.MODE) {
                setting(paths, settings, setting);
            }
        }
        return paths;
    }

    /** The Venus path of a setting the device exposes: {@code /Settings/ChargedVoltage}. */
    public static String settingPath(Setting setting) {
        return "/Settings/" + Character.toUpperCase(setting.key().charAt(0)) + setting.key().substring(1);
    }

    /** What one unit of a setting's Venus value is in the unit of its schema: volts to millivolts, % to ‰. */
    static double scale(Setting setting) {
        return switch (setting.unit()) {
            case MILLIVOLTS -> 1000.0;
            case PERMILLE_OF_CAPACITY -> 10.0;
            case MINUTES, PERCENT, ON_OFF -> 1.0;
        };
    }

    private static void setting(Map<String, String> paths, Settings settings, Setting setting) {
        double scale = scale(setting);
        ObjectNode payload = JSON.createObjectNode();
        number(payload, "max", setting.maxFor(settings.system()), scale);
        number(payload, "min", setting.minFor(settings.system()), scale);
        number(payload, "value", settings.get(setting), scale);
        paths.put(settingPath(setting), payload.toString());
    }

    private static void number(ObjectNode node, String field, int raw, double scale) {
        if (scale == 1.0) {
            node.put(field, raw);
        } else {
            node.put(field, raw / scale);
        }
    }

    private static void span(Map<String, String> paths, String name, Span span, double divisor) {
        put(paths, "/History/Minimum" + name, span.isEmpty() ? null : span.min() / divisor);
        put(paths, "/History/Maximum" + name, span.isEmpty() ? null : span.max() / divisor);
    }

    private static int level(ProtectionState p, Condition warning, Condition alarm) {
        if (p.has(alarm)) {
            return ALARM;
        }
        return warning != null && p.has(warning) ? WARNING : OK;
    }

    /** Lynx Smart BMS NG {@code /Balancer/Status}: 0 unknown, 1 balanced, 2 balancing, 3 imbalance. */
    private static int balancer(BalancerStatus status) {
        return switch (status) {
            case UNKNOWN_SOC, UNKNOWN_NEVER_FULLY_CHARGED, UNKNOWN_NOT_FULLY_CHARGED_FOR_30_DAYS,
                    UNKNOWN_BATTERY_ADDED -> 0;
            case BALANCED -> 1;
            case BALANCING -> 2;
            case IMBALANCED -> 3;
        };
    }

    private static void put(Map<String, String> paths, String path, Object value) {
        ObjectNode payload = JSON.createObjectNode();
        if (value == null) {
            payload.putNull("value");
        } else if (value instanceof String s) {
            payload.put("value", s);
        } else if (value instanceof Integer i) {
            payload.put("value", i);
        } else if (value instanceof Long l) {
            payload.put("value", l);
        } else if (value instanceof Double d) {
            // -0.0 would print as "-0.0": a reader comparing text sees a change where there is none.
            payload.put("value", d == 0.0 ? 0.0 : d);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass());
        }
        paths.put(path, payload.toString());
    }
}
