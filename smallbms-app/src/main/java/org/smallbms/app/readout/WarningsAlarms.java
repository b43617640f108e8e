package org.smallbms.app.readout;

/**
 * The BMS record's warnings and alarms (VE_REG_BMS_WARNINGS_ALARMS): nine 2-bit fields, each unsupported, OK,
 * warning or alarm. The bits are kept as received, so a record decodes and encodes to the same bytes.
 *
 * @param bits the 18 bits, LSB first
 */
public record WarningsAlarms(int bits) {

    /** A field, in the order of its bits (two each, from bit 0). */
    public enum Kind {
        LOW_CELL_VOLTAGE("lowCellVoltage"),
        HIGH_CURRENT("highCurrent"),
        HIGH_BMS_TEMPERATURE("highBmsTemperature"),
        HIGH_CONTACTOR_RESISTANCE("highContactorResistance"),
        BMS_CABLE("bmsCable"),
        LOAD_DISCONNECT("loadDisconnect"),
        LOW_SOC("lowSoc"),
        /** Bits 14–15: no meaning published. */
        UNMAPPED("unmapped"),
        HIGH_BATTERY_TEMPERATURE("highBatteryTemperature");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** Its name in JSON. */
        public String key() {
            return key;
        }
    }

    /** A field's value: its ordinal is the 2-bit value sent. */
    public enum Level {
        UNSUPPORTED, OK, WARNING, ALARM
    }

    /** Every field unsupported. */
    public static final WarningsAlarms NONE = new WarningsAlarms(0);
    static final int WIDTH = 18;
    private static final int FIELD = 2;
    private static final int FIELD_MASK = 0b11;

    public WarningsAlarms {
        if (bits < 0 || bits > Bits.ones(WIDTH)) {
            throw new IllegalArgumentException("warnings/alarms bits = " + bits + " must fit in " + WIDTH + " bits");
        }
    }

    public Level get(Kind kind) {
        return Level.values()[(bits >>> (FIELD * kind.ordinal())) & FIELD_MASK];
    }

    /** This set with {@code kind} at {@code level}. */
    public WarningsAlarms with(Kind kind, Level level) {
        int shift = FIELD * kind.ordinal();
        return new WarningsAlarms((bits & ~(FIELD_MASK << shift)) | level.ordinal() << shift);
    }
}
