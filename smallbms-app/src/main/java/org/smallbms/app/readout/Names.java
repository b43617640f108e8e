package org.smallbms.app.readout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;

/**
 * The names of the values Victron's records carry as numbers: device states (VE_REG_DEVICE_STATE), BMS errors
 * (VE_REG_BMS_ERROR), and the bits of the alarm reason, the off reason, the BMS flags and the SmartLithium errors.
 * Sources: Victron's register definitions as Venus OS publishes them (gui-v2 {@code velib}) and the VE.Direct
 * protocol document. A value without a name here is shown as its number.
 */
final class Names {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** VE_REG_DEVICE_STATE. */
    static final Map<Integer, String> DEVICE_STATES = Map.ofEntries(
            Map.entry(0, "off"), Map.entry(1, "low power"), Map.entry(2, "fault"), Map.entry(3, "bulk"),
            Map.entry(4, "absorption"), Map.entry(5, "float"), Map.entry(6, "storage"),
            Map.entry(7, "equalize (manual)"), Map.entry(8, "passthru"), Map.entry(9, "inverting"),
            Map.entry(10, "assisting"), Map.entry(11, "power supply"), Map.entry(244, "sustain"),
            Map.entry(245, "starting up"), Map.entry(246, "repeated absorption"), Map.entry(247, "recondition"),
            Map.entry(248, "battery safe"), Map.entry(249, "active"), Map.entry(250, "blocked"),
            Map.entry(251, "test"), Map.entry(252, "external control"));

    /** VE_REG_BMS_ERROR: the values the (Lynx Smart) BMS record's error field takes. */
    static final Map<Integer, String> BMS_ERRORS = Map.ofEntries(
            Map.entry(0, "none"), Map.entry(1, "battery initialisation"), Map.entry(2, "no battery found"),
            Map.entry(3, "unknown product"), Map.entry(4, "battery type"), Map.entry(5, "number of batteries"),
            Map.entry(6, "no shunt found"), Map.entry(7, "measure"), Map.entry(8, "calculate"),
            Map.entry(9, "batteries in series"), Map.entry(10, "number of batteries"),
            Map.entry(11, "hardware failure"), Map.entry(12, "watchdog"), Map.entry(13, "over voltage"),
            Map.entry(14, "under voltage"), Map.entry(15, "over temperature"), Map.entry(16, "under temperature"),
            Map.entry(17, "IO expander"), Map.entry(18, "under charge standby"), Map.entry(20, "contactor startup"),
            Map.entry(22, "ADC failure"), Map.entry(23, "slave failure"), Map.entry(25, "pre-charge"),
            Map.entry(26, "contactor"), Map.entry(28, "slave update"), Map.entry(29, "slave update unavailable"),
            Map.entry(32, "BMS cable"), Map.entry(33, "reference voltage failure"),
            Map.entry(34, "wrong system voltage"), Map.entry(35, "pre-charge timeout"),
            Map.entry(36, "ATC/ATD failure"), Map.entry(116, "calibration data lost"),
            Map.entry(119, "settings data invalid"));

    /** VE_REG_ALARM_REASON (and VE_REG_WARNING_REASON), by bit. */
    static final String[] ALARM_REASONS = {"low voltage", "high voltage", "low SoC", "low starter voltage",
        "high starter voltage", "low temperature", "high temperature", "mid voltage", "overload", "DC ripple",
        "low AC out voltage", "high AC out voltage", "short circuit", "BMS lockout"};

    /** VE_REG_DEVICE_OFF_REASON_2, by bit. */
    static final String[] OFF_REASONS = {"no input power", "switched off (power switch)",
        "switched off (device mode)", "remote input", "protection active", "pay-as-you-go out of credit", "BMS",
        "engine shutdown detection", "analysing input voltage"};

    /** VE_REG_BMS_FLAGS (0x2100), by bit. */
    static final String[] BMS_FLAGS = {"charged", "almost charged", "discharged", "almost discharged", "charging",
        "discharging", "balancing", "relay discharged", "relay charged", "alarm over-voltage",
        "warning over-voltage", "alarm under-voltage", "warning under-voltage", "warning charge current",
        "warning discharge current", "alarm over-temperature", "warning over-temperature",
        "warning under-temperature (charge)", "alarm under-temperature (charge)",
        "warning under-temperature (discharge)", "alarm under-temperature (discharge)", "low SoC",
        "alarm under-temperature", "alarm short circuit", "alarm hardware failure", "allowed to charge",
        "allowed to discharge", "pre-alarm", "warning bad contactor", "alarm high current"};

    /** The low 16 bits of VE_REG_SMART_LITHIUM_ERROR_FLAGS (0xEC80), by bit. */
    static final String[] SMART_LITHIUM_ERRORS = {"balancer failure", "communication", "voltage 0/1",
        "voltage 1/2", "balancer 0 update", "balancer 1 update", "balancer 2 update", "settings data invalid",
        "overlapped voltage", "balancer update", "wrong balancer product id"};

    /** VE_REG_BALANCER_STATUS. */
    static final Map<Integer, String> BALANCER = Map.of(0, "unknown", 1, "balanced", 2, "balancing", 3, "imbalance");

    /** VE_REG_AC_IN_ACTIVE. */
    static final Map<Integer, String> AC_IN = Map.of(0, "AC in 1", 1, "AC in 2", 2, "not connected");

    /** VE_REG_BMV_AUX_INPUT. */
    static final Map<Integer, String> AUX_INPUT = Map.of(0, "starter voltage", 1, "midpoint voltage",
            2, "temperature", 3, "none");

    /** VE_REG_BMV_MONITOR_MODE: what a DC energy meter measures. */
    static final Map<Integer, String> METER_TYPES = Map.ofEntries(
            Map.entry(-9, "solar charger"), Map.entry(-8, "wind charger"), Map.entry(-7, "shaft generator"),
            Map.entry(-6, "alternator"), Map.entry(-5, "fuel cell"), Map.entry(-4, "water generator"),
            Map.entry(-3, "DC-DC charger"), Map.entry(-2, "AC charger"), Map.entry(-1, "generic source"),
            Map.entry(0, "battery monitor"), Map.entry(1, "generic load"), Map.entry(2, "electric drive"),
            Map.entry(3, "fridge"), Map.entry(4, "water pump"), Map.entry(5, "bilge pump"),
            Map.entry(6, "DC system"), Map.entry(7, "inverter"), Map.entry(8, "water heater"));

    /** VE_REG_DC_OUTPUT_STATUS of a Smart BatteryProtect. */
    static final Map<Integer, String> OUTPUT_STATES = Map.of(1, "on", 4, "off");

    /** VE_REG_ALARM_NOTIFICATION of a VE.Bus product. */
    static final Map<Integer, String> ALARM_NOTIFICATION = Map.of(0, "none", 1, "warning", 2, "alarm");

    private Names() {
    }

    /** The name of {@code value} in {@code names}, {@code "unknown (N)"} for another, null for null. */
    static String of(Map<Integer, String> names, Long value) {
        if (value == null) {
            return null;
        }
        String name = names.get(value.intValue());
        return name != null ? name : "unknown (" + value + ")";
    }

    /** The names of the bits set in {@code bits}, lowest first; {@code "bit N"} for a bit with no name. */
    static ArrayNode bits(String[] names, long bits) {
        ArrayNode list = JSON.arrayNode();
        for (int bit = 0; bit < Long.SIZE; bit++) {
            if ((bits >>> bit & 1) != 0) {
                list.add(bit < names.length ? names[bit] : "bit " + bit);
            }
        }
        return list;
    }
}
