package org.smallbms.app.readout;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The (Lynx Smart) BMS record, type 0x0A, in the record's own units: what the smallBMS NG broadcasts (IR-01). A
 * value the device does not have is empty and goes on air as the field's "not available". The record fills all 128
 * bits of one AES block; the last bit is unused and set.
 *
 * <pre>
 * start bits  field             units          not available
 *  32  8      error             VE_REG_BMS_ERROR (0 = none)
 *  40 16      time to go        1 min          0xFFFF
 *  56 16      battery voltage   0.01 V, signed 0x7FFF
 *  72 16      battery current   0.1 A, signed  0x7FFF
 *  88 16      IO status         2-bit fields   0
 * 104 18      warnings/alarms   2-bit fields   0
 * 122 10      SoC               0.1 %          0x3FF
 * 132 20      consumed Ah       0.1 Ah, sent as its magnitude (consumed Ah = −record)   0xFFFFF
 * 152  7      temperature       1 °C, sent + 40                                        0x7F
 * 159  1      unused, set
 * </pre>
 *
 * @param error the BMS error (VE_REG_BMS_ERROR), 0 for none
 * @param timeToGoMinutes the time to go, 0..65534 min
 * @param centivolts the battery voltage in 0.01 V, −32768..32766
 * @param deciamps the battery current in 0.1 A, −32768..32766, positive when charging
 * @param io the IO status
 * @param warningsAlarms the warnings and alarms
 * @param socPermille the state of charge in 0.1 %, 0..1022
 * @param consumedDeciAmpHours the consumed Ah in 0.1 Ah, −1048574..0
 * @param celsius the battery temperature in whole degrees, −40..86
 */
public record BmsRecord(int error, OptionalInt timeToGoMinutes, OptionalInt centivolts, OptionalInt deciamps,
        IoStatus io, WarningsAlarms warningsAlarms, OptionalInt socPermille, OptionalInt consumedDeciAmpHours,
        OptionalInt celsius) {

    /** The record type. */
    public static final int TYPE = 0x0A;
    /** The record's length: one AES block, every bit used. */
    public static final int BYTES = 16;
    static final int TEMPERATURE_BITS = 7;
    /** A temperature goes on air as degrees plus this. */
    static final int TEMPERATURE_OFFSET = -40;

    private static final int ERROR = 32;
    private static final int ERROR_BITS = 8;
    private static final int TIME_TO_GO = 40;
    private static final int VOLTAGE = 56;
    private static final int CURRENT = 72;
    private static final int IO = 88;
    private static final int WORD = 16;
    private static final int WARNINGS_ALARMS = 104;
    private static final int SOC = 122;
    private static final int SOC_BITS = 10;
    private static final int CONSUMED = 132;
    private static final int CONSUMED_BITS = 20;
    private static final int TEMPERATURE = 152;
    private static final int UNUSED = 159;
    private static final int MAX_TEMPERATURE = TEMPERATURE_OFFSET + (int) Bits.ones(TEMPERATURE_BITS) - 1;

    public BmsRecord {
        check("error", error, 0, (int) Bits.ones(ERROR_BITS));
        check("timeToGoMinutes", timeToGoMinutes, 0, (int) Bits.ones(WORD) - 1);
        check("centivolts", centivolts, Short.MIN_VALUE, Short.MAX_VALUE - 1);
        check("deciamps", deciamps, Short.MIN_VALUE, Short.MAX_VALUE - 1);
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(warningsAlarms, "warningsAlarms");
        check("socPermille", socPermille, 0, (int) Bits.ones(SOC_BITS) - 1);
        check("consumedDeciAmpHours", consumedDeciAmpHours, -((int) Bits.ones(CONSUMED_BITS) - 1), 0);
        check("celsius", celsius, TEMPERATURE_OFFSET, MAX_TEMPERATURE);
    }

    private static void check(String name, OptionalInt value, int min, int max) {
        Objects.requireNonNull(value, name);
        if (value.isPresent()) {
            check(name, value.getAsInt(), min, max);
        }
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " = " + value + " does not fit the BMS record: "
                    + min + ".." + max);
        }
    }

    /** Writes the record into the first {@value #BYTES} bytes of {@code out}, the unused bit set. */
    void writeTo(byte[] out) {
        put(out, ERROR, ERROR_BITS, error);
        put(out, TIME_TO_GO, WORD, timeToGoMinutes.orElse((int) Bits.ones(WORD)));
        put(out, VOLTAGE, WORD, centivolts.orElse(Short.MAX_VALUE));
        put(out, CURRENT, WORD, deciamps.orElse(Short.MAX_VALUE));
        put(out, IO, WORD, io.bits());
        put(out, WARNINGS_ALARMS, WarningsAlarms.WIDTH, warningsAlarms.bits());
        put(out, SOC, SOC_BITS, socPermille.orElse((int) Bits.ones(SOC_BITS)));
        put(out, CONSUMED, CONSUMED_BITS, consumedDeciAmpHours.isPresent() ? -consumedDeciAmpHours.getAsInt()
                : Bits.ones(CONSUMED_BITS));
        put(out, TEMPERATURE, TEMPERATURE_BITS, celsius.isPresent() ? celsius.getAsInt() - TEMPERATURE_OFFSET
                : Bits.ones(TEMPERATURE_BITS));
        put(out, UNUSED, 1, 1);
    }

    /** The record as its {@value #BYTES} bytes on air, before encryption. */
    public byte[] toBytes() {
        byte[] out = new byte[BYTES];
        writeTo(out);
        return out;
    }

    private static void put(byte[] out, int start, int width, long value) {
        Bits.write(out, start - RecordReader.HEADER_BITS, width, value);
    }

    /**
     * Reads a decrypted BMS record; the bits after the temperature may be missing.
     *
     * @throws ReadoutException when the record is shorter than its fields
     */
    public static BmsRecord read(byte[] record) throws ReadoutException {
        return read(new RecordReader(RecordType.BMS.label(), record));
    }

    static BmsRecord read(RecordReader r) throws ReadoutException {
        int error = (int) r.always("error", ERROR, ERROR_BITS);
        OptionalInt ttg = optional(r.unsigned("time to go", TIME_TO_GO, WORD));
        OptionalInt volts = optional(r.signed("battery voltage", VOLTAGE, WORD));
        OptionalInt amps = optional(r.signed("battery current", CURRENT, WORD));
        IoStatus io = new IoStatus((int) r.always("IO status", IO, WORD));
        WarningsAlarms wa = new WarningsAlarms((int) r.always("warnings/alarms", WARNINGS_ALARMS,
                WarningsAlarms.WIDTH));
        OptionalInt soc = optional(r.unsigned("SoC", SOC, SOC_BITS));
        Long consumed = r.unsigned("consumed Ah", CONSUMED, CONSUMED_BITS);
        OptionalInt cah = consumed == null ? OptionalInt.empty() : OptionalInt.of((int) -consumed);
        OptionalInt celsius = optional(r.celsius("temperature", TEMPERATURE));
        return new BmsRecord(error, ttg, volts, amps, io, wa, soc, cah, celsius);
    }

    private static OptionalInt optional(Long value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value.intValue());
    }
}
