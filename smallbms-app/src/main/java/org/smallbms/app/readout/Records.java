package org.smallbms.app.readout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The layout of each record type, as a small function that reads its fields into JSON: names carry their unit,
 * a value not available is {@code null}, a state or a bit set is named ({@link Names}). The numbers are Victron's
 * start bits and widths (the record starts at bit 32); the divisor turns the record's unit into the named one.
 */
final class Records {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int BYTE = 8;
    private static final int WORD = 16;
    private static final int LONG_WORD = 32;
    private static final int CENTI = 100;
    private static final int DECI = 10;
    private static final int MILLI = 1000;
    /** 0 °C in the records' 0.01 K. */
    private static final int ZERO_CELSIUS_CENTIKELVIN = 27_315;
    private static final int CELLS = 8;
    private static final int CELL_BITS = 7;
    /** A SmartLithium cell is sent as hundredths of a volt above 2.60 V. */
    private static final int CELL_BASE_CENTIVOLTS = 260;

    private Records() {
    }

    static ObjectNode test(RecordReader r) throws ReadoutException {
        ObjectNode o = JSON.objectNode();
        o.put("uptimeSeconds", r.unsigned("uptime", 32, 30));
        o.put("temperatureCelsius", r.celsius("temperature", 62));
        return o;
    }

    static ObjectNode solarCharger(RecordReader r) throws ReadoutException {
        ObjectNode o = stateAndError(r);
        o.put("batteryVolts", r.signed("battery voltage", 48, WORD, CENTI));
        o.put("batteryAmps", r.signed("battery current", 64, WORD, DECI));
        o.put("yieldTodayKilowattHours", r.unsigned("yield today", 80, WORD, CENTI));
        o.put("pvWatts", r.unsigned("PV power", 96, WORD));
        o.put("loadAmps", r.unsigned("load current", 112, 9, DECI));
        return o;
    }

    static ObjectNode batteryMonitor(RecordReader r) throws ReadoutException {
        ObjectNode o = JSON.objectNode();
        o.put("timeToGoMinutes", r.unsigned("time to go", 32, WORD));
        o.put("voltageVolts", r.signed("battery voltage", 48, WORD, CENTI));
        o.set("alarms", Names.bits(Names.ALARM_REASONS, r.always("alarm reason", 64, WORD)));
        aux(r, o, true);
        o.put("currentAmps", r.signed("battery current", 98, 22, MILLI));
        Long consumed = r.unsigned("consumed Ah", 120, 20);
        o.put("consumedAmpHours", consumed == null ? null : -consumed / (double) DECI);
        o.put("socPercent", r.unsigned("SoC", 140, 10, DECI));
        return o;
    }

    /** The aux input's value, by its mode: a starter voltage, a midpoint voltage or a temperature. */
    private static void aux(RecordReader r, ObjectNode o, boolean hasMidpoint) throws ReadoutException {
        int mode = (int) r.always("aux input", 96, 2);
        o.put("auxInput", Names.of(Names.AUX_INPUT, (long) mode));
        o.put("starterVolts", mode == 0 ? r.signed("aux voltage", 80, WORD, CENTI) : null);
        if (hasMidpoint) {
            o.put("midpointVolts", mode == 1 ? r.unsigned("mid voltage", 80, WORD, CENTI) : null);
        }
        Long kelvin = mode == 2 ? r.unsigned("temperature", 80, WORD) : null;
        o.put("temperatureCelsius", kelvin == null ? null : (kelvin - ZERO_CELSIUS_CENTIKELVIN) / (double) CENTI);
    }

    static ObjectNode inverter(RecordReader r) throws ReadoutException {
        ObjectNode o = JSON.objectNode();
        o.put("deviceState", Names.of(Names.DEVICE_STATES, r.unsigned("device state", 32, BYTE)));
        o.set("alarms", Names.bits(Names.ALARM_REASONS, r.always("alarm reason", 40, WORD)));
        o.put("batteryVolts", r.signed("battery voltage", 56, WORD, CENTI));
        o.put("acApparentPowerVoltAmperes", r.unsigned("AC apparent power", 72, WORD));
        o.put("acVolts", r.unsigned("AC voltage", 88, 15, CENTI));
        o.put("acAmps", r.unsigned("AC current", 103, 11, DECI));
        return o;
    }

    static ObjectNode dcDc(RecordReader r) throws ReadoutException {
        ObjectNode o = stateAndError(r);
        o.put("inputVolts", r.unsigned("input voltage", 48, WORD, CENTI));
        o.put("outputVolts", r.signed("output voltage", 64, WORD, CENTI));
        o.set("offReasons", Names.bits(Names.OFF_REASONS, r.always("off reason", 80, LONG_WORD)));
        return o;
    }

    static ObjectNode smartLithium(RecordReader r) throws ReadoutException {
        ObjectNode o = JSON.objectNode();
        o.set("bmsFlags", Names.bits(Names.BMS_FLAGS, r.always("BMS flags", 32, LONG_WORD)));
        o.set("errors", Names.bits(Names.SMART_LITHIUM_ERRORS, r.always("SmartLithium error", 64, WORD)));
        ArrayNode cells = o.putArray("cellVolts");
        for (int cell = 0; cell < CELLS; cell++) {
            Long raw = r.unsigned("cell " + (cell + 1), 80 + CELL_BITS * cell, CELL_BITS);
            // 0 means below 2.61 V and 126 above 3.85 V: shown as 2.60 and 3.86, the ends of the range.
            cells.add(raw == null ? null : (CELL_BASE_CENTIVOLTS + raw) / (double) CENTI);
        }
        o.put("batteryVolts", r.unsigned("battery voltage", 136, 12, CENTI));
        o.put("balancer", Names.of(Names.BALANCER, r.unsigned("balancer status", 148, 4)));
        o.put("temperatureCelsius", r.celsius("battery temperature", 152));
        return o;
    }

    static ObjectNode inverterRs(RecordReader r) throws ReadoutException {
        ObjectNode o = stateAndError(r);
        o.put("batteryVolts", r.signed("battery voltage", 48, WORD, CENTI));
        o.put("batteryAmps", r.signed("battery current", 64, WORD, DECI));
        o.put("pvWatts", r.unsigned("PV power", 80, WORD));
        o.put("yieldTodayKilowattHours", r.unsigned("yield today", 96, WORD, CENTI));
        o.put("acOutWatts", r.signed("AC out power", 112, WORD));
        return o;
    }

    static ObjectNode gxDevice(RecordReader r) throws ReadoutException {
        ObjectNode o = JSON.objectNode();
        o.put("batteryVolts", r.unsigned("battery voltage", 32, WORD, CENTI));
        o.put("pvWatts", r.unsigned("PV power", 48, 20));
        o.put("socPercent", r.unsigned("SoC", 68, 7));
        o.put("batteryWatts", r.signed("battery power", 75, 21));
        o.put("dcWatts", r.signed("DC power", 96, 21));
        return o;
    }

    static ObjectNode acCharger(RecordReader r) throws ReadoutException {
        ObjectNode o = stateAndError(r);
        int[] starts = {48, 72, 96};
        for (int i = 0; i < starts.length; i++) {
            String output = "output" + (i + 1);
            o.put(output + "Volts", r.unsigned("battery voltage " + (i + 1), starts[i], 13, CENTI));
            o.put(output + "Amps", r.unsigned("battery current " + (i + 1), starts[i] + 13, 11, DECI));
        }
        o.put("temperatureCelsius", r.celsius("temperature", 120));
        o.put("acAmps", r.unsigned("AC current", 127, 9, DECI));
        return o;
    }

    static ObjectNode smartBatteryProtect(RecordReader r) throws ReadoutException {
        ObjectNode o = JSON.objectNode();
        o.put("deviceState", Names.of(Names.DEVICE_STATES, r.unsigned("device state", 32, BYTE)));
        o.put("outputState", Names.of(Names.OUTPUT_STATES, r.unsigned("output state", 40, BYTE)));
        o.put("errorCode", r.unsigned("error code", 48, BYTE));
        o.set("alarms", Names.bits(Names.ALARM_REASONS, r.always("alarm reason", 56, WORD)));
        o.set("warnings", Names.bits(Names.ALARM_REASONS, r.always("warning reason", 72, WORD)));
        o.put("inputVolts", r.signed("input voltage", 88, WORD, CENTI));
        o.put("outputVolts", r.unsigned("output voltage", 104, WORD, CENTI));
        o.set("offReasons", Names.bits(Names.OFF_REASONS, r.always("off reason", 120, LONG_WORD)));
        return o;
    }

    static ObjectNode bms(RecordReader r) throws ReadoutException {
        return bms(BmsRecord.read(r));
    }

    /** The BMS record as JSON, as the decoder prints it and the web app's tile shows it. */
    static ObjectNode bms(BmsRecord b) {
        ObjectNode o = JSON.objectNode();
        o.put("errorCode", b.error());
        o.put("error", Names.of(Names.BMS_ERRORS, (long) b.error()));
        o.put("timeToGoMinutes", b.timeToGoMinutes().isPresent() ? b.timeToGoMinutes().getAsInt() : null);
        o.put("voltageVolts", b.centivolts().isPresent() ? b.centivolts().getAsInt() / (double) CENTI : null);
        o.put("currentAmps", b.deciamps().isPresent() ? b.deciamps().getAsInt() / (double) DECI : null);
        ObjectNode io = o.putObject("io");
        for (IoStatus.Signal signal : IoStatus.Signal.values()) {
            IoStatus.State state = b.io().get(signal);
            io.put(signal.key(), state == IoStatus.State.YES ? Boolean.TRUE : state == IoStatus.State.NO
                    ? Boolean.FALSE : null);
        }
        ObjectNode alarms = o.putObject("warningsAlarms");
        for (WarningsAlarms.Kind kind : WarningsAlarms.Kind.values()) {
            alarms.put(kind.key(), level(b.warningsAlarms().get(kind)));
        }
        o.put("socPercent", b.socPermille().isPresent() ? b.socPermille().getAsInt() / (double) DECI : null);
        o.put("consumedAmpHours", b.consumedDeciAmpHours().isPresent()
                ? b.consumedDeciAmpHours().getAsInt() / (double) DECI : null);
        o.put("temperatureCelsius", b.celsius().isPresent() ? b.celsius().getAsInt() : null);
        return o;
    }

    private static String level(WarningsAlarms.Level level) {
        return switch (level) {
            case UNSUPPORTED -> null;
            case OK -> "ok";
            case WARNING -> "warning";
            case ALARM -> "alarm";
        };
    }

    static ObjectNode multiRs(RecordReader r) throws ReadoutException {
        ObjectNode o = stateAndError(r);
        o.put("batteryAmps", r.signed("battery current", 48, WORD, DECI));
        o.put("batteryVolts", r.unsigned("battery voltage", 64, 14, CENTI));
        o.put("activeAcIn", Names.of(Names.AC_IN, r.unsigned("active AC in", 78, 2)));
        o.put("acInWatts", r.signed("active AC in power", 80, WORD));
        o.put("acOutWatts", r.signed("AC out power", 96, WORD));
        o.put("pvWatts", r.unsigned("PV power", 112, WORD));
        o.put("yieldTodayKilowattHours", r.unsigned("yield today", 128, WORD, CENTI));
        return o;
    }

    static ObjectNode veBus(RecordReader r) throws ReadoutException {
        ObjectNode o = JSON.objectNode();
        o.put("deviceState", Names.of(Names.DEVICE_STATES, r.unsigned("device state", 32, BYTE)));
        o.put("veBusError", r.unsigned("VE.Bus error", 40, BYTE));
        o.put("batteryAmps", r.signed("battery current", 48, WORD, DECI));
        o.put("batteryVolts", r.unsigned("battery voltage", 64, 14, CENTI));
        o.put("activeAcIn", Names.of(Names.AC_IN, r.unsigned("active AC in", 78, 2)));
        o.put("acInWatts", r.signed("active AC in power", 80, 19));
        o.put("acOutWatts", r.signed("AC out power", 99, 19));
        o.put("alarm", Names.of(Names.ALARM_NOTIFICATION, r.unsigned("alarm", 118, 2)));
        o.put("temperatureCelsius", r.celsius("battery temperature", 120));
        o.put("socPercent", r.unsigned("SoC", 127, 7));
        return o;
    }

    static ObjectNode dcEnergyMeter(RecordReader r) throws ReadoutException {
        ObjectNode o = JSON.objectNode();
        long type = Bits.signed(r.always("monitor mode", 32, WORD), WORD);
        o.put("meterType", Names.of(Names.METER_TYPES, type));
        o.put("voltageVolts", r.signed("battery voltage", 48, WORD, CENTI));
        o.set("alarms", Names.bits(Names.ALARM_REASONS, r.always("alarm reason", 64, WORD)));
        aux(r, o, false);
        o.put("currentAmps", r.signed("battery current", 98, 22, MILLI));
        return o;
    }

    static ObjectNode orionXs(RecordReader r) throws ReadoutException {
        ObjectNode o = stateAndError(r);
        o.put("outputVolts", r.signed("output voltage", 48, WORD, CENTI));
        o.put("outputAmps", r.signed("output current", 64, WORD, CENTI));
        o.put("inputVolts", r.unsigned("input voltage", 80, WORD, CENTI));
        o.put("inputAmps", r.unsigned("input current", 96, WORD, CENTI));
        o.set("offReasons", Names.bits(Names.OFF_REASONS, r.always("off reason", 112, LONG_WORD)));
        return o;
    }

    /** The device state and the charger error that open most chargers' records. */
    private static ObjectNode stateAndError(RecordReader r) throws ReadoutException {
        ObjectNode o = JSON.objectNode();
        o.put("deviceState", Names.of(Names.DEVICE_STATES, r.unsigned("device state", 32, BYTE)));
        o.put("chargerError", r.unsigned("charger error", 40, BYTE));
        return o;
    }
}
