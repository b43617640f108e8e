package org.smallbms.app.readout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;

/**
 * The record types of Victron's extra manufacturer data, each with the layout that reads it (in {@link Records}),
 * where one is published. Sources: Victron's "Extra manufacturer data" document (2022-12-14) and, where noted, the
 * open decoders; the layouts, the vectors and the deviations are in docs/instant-readout.md.
 */
public enum RecordType {
    TEST(0x00, "test record", Records::test, Optional.empty()),
    SOLAR_CHARGER(0x01, "solar charger", Records::solarCharger, Optional.empty()),
    BATTERY_MONITOR(0x02, "battery monitor", Records::batteryMonitor, Optional.empty()),
    INVERTER(0x03, "inverter", Records::inverter, Optional.empty()),
    DC_DC(0x04, "DC-DC converter", Records::dcDc, Optional.empty()),
    SMART_LITHIUM(0x05, "SmartLithium", Records::smartLithium, Optional.empty()),
    INVERTER_RS(0x06, "Inverter RS", Records::inverterRs, Optional.empty()),
    GX_DEVICE(0x07, "GX device", Records::gxDevice,
            Optional.of("Victron calls this layout still to be determined: it may change")),
    AC_CHARGER(0x08, "AC charger", Records::acCharger, Optional.empty()),
    SMART_BATTERY_PROTECT(0x09, "Smart BatteryProtect", Records::smartBatteryProtect, Optional.empty()),
    BMS(BmsRecord.TYPE, "(Lynx Smart) BMS", Records::bms, Optional.empty()),
    MULTI_RS(0x0B, "Multi RS", Records::multiRs, Optional.empty()),
    VE_BUS(0x0C, "VE.Bus", Records::veBus, Optional.empty()),
    DC_ENERGY_METER(0x0D, "DC energy meter", Records::dcEnergyMeter, Optional.empty()),
    SMART_BMS(0x0E, "Smart BMS", null, Optional.empty()),
    ORION_XS(0x0F, "Orion XS", Records::orionXs,
            Optional.of("layout reverse-engineered by the open decoders, not published by Victron")),
    TEST_UNENCRYPTED(0xFF00, "unencrypted test record", null, Optional.empty()),
    SOLAR_SENSE(0xFF01, "SolarSense", null, Optional.empty());

    /** How a record type's fields are read. */
    @FunctionalInterface
    interface Layout {
        ObjectNode read(RecordReader record) throws ReadoutException;
    }

    private final int code;
    private final String label;
    private final Layout layout;
    private final Optional<String> note;

    RecordType(int code, String label, Layout layout, Optional<String> note) {
        this.code = code;
        this.label = label;
        this.layout = layout;
        this.note = note;
    }

    public int code() {
        return code;
    }

    /** Its name, as errors and the decoder's output give it. */
    public String label() {
        return label;
    }

    /** A caution about its layout, when it is not Victron's settled one. */
    public Optional<String> note() {
        return note;
    }

    /** {@code 0x0A}, or {@code 0xFF01} for an extended type. */
    public String hex() {
        return hex(code);
    }

    static String hex(int code) {
        return String.format(Locale.ROOT, code > 0xFF ? "0x%04X" : "0x%02X", code);
    }

    /**
     * The type with {@code code}.
     *
     * @throws ReadoutException when no record type has it
     */
    public static RecordType of(int code) throws ReadoutException {
        for (RecordType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new ReadoutException("record type " + hex(code) + " is unknown: the types are 0x00..0x0F, 0xFF00 and "
                + "0xFF01 (see docs/instant-readout.md). It may be a newer product's, or the bytes are not an "
                + "Instant Readout advertisement.");
    }

    /**
     * The fields of a decrypted record of this type.
     *
     * @throws ReadoutException when the type has no published layout, or the record is shorter than its fields
     */
    ObjectNode read(byte[] record) throws ReadoutException {
        if (layout == null) {
            throw new ReadoutException("record type " + hex() + " (" + label + ") has no published layout, so its "
                    + "fields cannot be named. Its " + record.length + " decrypted bytes: "
                    + java.util.HexFormat.of().formatHex(record) + ".");
        }
        return layout.read(new RecordReader(label, record));
    }
}
