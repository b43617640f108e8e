package org.smallbms.app.vedirect;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.core.bms.Command;
import org.smallbms.core.history.History;
import org.smallbms.core.history.Span;
import org.smallbms.core.monitor.Measurement;
import org.smallbms.core.monitor.TimeRemaining;
import org.smallbms.core.protection.Allowed;
import org.smallbms.core.settings.Setting;

/**
 * The registers the device answers, from the BMV HEX protocol (Rev 6) and the BMS registers of velib: which device
 * value, setting or command each one is, in the register's own unit. A value the device does not have (SoC unknown,
 * no measurement, no full charge yet) is the type's "not available" value: all ones for an unsigned type, the largest
 * positive number for a signed one.
 *
 * <p><em>Decisions</em>: battery capacity (0x1000) is read-only, since the device learns it from the batteries; the
 * BMV's relay low-SoC set (0x1008) and the BMS minimum SoC (0x210B) are the discharge floor, the low-SoC alarm
 * (0x0328) is the low SoC warning level; temperatures are the warmest battery's. Voltage, current, power and
 * temperature change with every tick, so they go out in the TEXT blocks, not as async messages.
 */
public final class Registers {

    /** The product id of the smallBMS NG, as Instant Readout and VictronConnect know it. */
    public static final int PRODUCT_ID = 0xA3E7;
    /** The application version the device reports: 1.10 (the top bits 01 say "application", BMV HEX Rev 6). */
    public static final int APP_VERSION = 0x4110;
    static final String MODEL_NAME = "smallBMS NG";

    /** How a register's value is laid out, little endian. */
    public enum Type {
        UN8(1, 0xFFL), UN16(2, 0xFFFFL), SN16(2, 0x7FFFL), UN32(4, 0xFFFF_FFFFL), SN32(4, 0x7FFF_FFFFL), STRING(0, 0);

        private final int bytes;
        private final long notAvailable;

        Type(int bytes, long notAvailable) {
            this.bytes = bytes;
            this.notAvailable = notAvailable;
        }

        public int bytes() {
            return bytes;
        }

        /** The value that says "not available". */
        public long notAvailable() {
            return notAvailable;
        }

        /** The value in {@code data} from {@code offset}, signed types sign-extended; the caller checked the length. */
        long read(byte[] data, int offset) {
            long value = 0;
            for (int i = bytes - 1; i >= 0; i--) {
                value = value << 8 | (data[offset + i] & 0xFF);
            }
            return switch (this) {
                case SN16 -> (short) value;
                case SN32 -> (int) value;
                case UN8, UN16, UN32, STRING -> value;
            };
        }

        void write(long value, byte[] into, int offset) {
            for (int i = 0; i < bytes; i++) {
                into[offset + i] = (byte) (value >> 8 * i);
            }
        }

        /** {@code value} kept to what the type can hold, so a huge figure is never sent wrapped round. */
        long clamp(long value) {
            return switch (this) {
                case UN8, UN16, UN32 -> Math.max(0, Math.min(notAvailable - 1, value));
                case SN16 -> Math.max(Short.MIN_VALUE, Math.min(notAvailable - 1, value));
                case SN32 -> Math.max(Integer.MIN_VALUE, Math.min(notAvailable - 1, value));
                case STRING -> value;
            };
        }
    }

    /** What a set of a register does. */
    public sealed interface Access {
    }

    /** Read only: a set is answered with flag "not supported". */
    public record ReadOnly() implements Access {
    }

    /**
     * A setting: the register's value times {@code multiply}, divided by {@code divide}, is the setting's value in
     * the unit of its schema (e.g. 0.1 V × 100 = mV).
     */
    public record SettingAccess(Setting setting, int multiply, int divide) implements Access {
        public SettingAccess {
            Objects.requireNonNull(setting, "setting");
        }

        /** The register value for a setting value. */
        long toRegister(int settingValue) {
            return (long) settingValue * divide / multiply;
        }

        /** The setting value a register value asks for: a fraction stays a fraction, which the core refuses. */
        double toSetting(long registerValue) {
            return (double) registerValue * multiply / divide;
        }
    }

    /** Write only: a set carries out a command. */
    public record CommandAccess(Supplier<Command> command) implements Access {
        public CommandAccess {
            Objects.requireNonNull(command, "command");
        }
    }

    /**
     * One register.
     *
     * @param id its id
     * @param name what it is, for the docs and the log
     * @param type its layout
     * @param value its value in a snapshot; empty when not available
     * @param text its text, for a string register
     * @param access what a set does
     * @param async whether a change of it is sent as an async message
     */
    public record Register(int id, String name, Type type, Function<Snapshot, OptionalLong> value,
            Function<Snapshot, String> text, Access access, boolean async) {
        public Register {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(access, "access");
        }

        /** The value's bytes in a snapshot, "not available" included. */
        public byte[] encode(Snapshot snapshot) {
            if (type == Type.STRING) {
                return text.apply(snapshot).getBytes(StandardCharsets.US_ASCII);
            }
            OptionalLong v = value.apply(snapshot);
            byte[] bytes = new byte[type.bytes()];
            type.write(v.isPresent() ? type.clamp(v.getAsLong()) : type.notAvailable(), bytes, 0);
            return bytes;
        }
    }

    private static final Map<Integer, Register> TABLE = table();

    private Registers() {
    }

    /** The register with {@code id}; empty for one the device does not have. */
    public static Optional<Register> find(int id) {
        return Optional.ofNullable(TABLE.get(id));
    }

    /** Every register, in the order the docs list them. */
    public static List<Register> all() {
        return List.copyOf(TABLE.values());
    }

    private static Map<Integer, Register> table() {
        Map<Integer, Register> t = new LinkedHashMap<>();
        // Product information.
        add(t, 0x0100, "Product ID", Type.UN32, s -> OptionalLong.of((long) PRODUCT_ID << 8 | 0xFF00_0000L), false);
        addText(t, 0x010A, "Serial number", Snapshot::serial);
        addText(t, 0x010B, "Model name", s -> MODEL_NAME);
        add(t, 0xEEF9, "Software version", Type.UN16, s -> OptionalLong.of(APP_VERSION & 0x3FFF), false);
        // The monitor's live values.
        add(t, 0xED8D, "Main voltage (0.01 V)", Type.SN16, m(m -> m.bankMillivolts() / 10), false);
        add(t, 0xED8F, "Current (0.1 A)", Type.SN16, m(m -> m.bankMilliamps() / 100), false);
        add(t, 0xED8C, "Current (0.001 A)", Type.SN32, m(Measurement::bankMilliamps), false);
        add(t, 0xED8E, "Power (W)", Type.SN16, m(Registers::watts), false);
        add(t, 0xEEFF, "Consumed Ah (0.1 Ah)", Type.SN32, Registers::consumedDeciAmpHours, true);
        add(t, 0x0FFC, "Consumed Ah (0.1 Ah)", Type.SN32, Registers::consumedDeciAmpHours, false);
        add(t, 0x0FFF, "State of charge (0.01 %)", Type.UN16, s -> opt(s.bms().socPermille().map(p -> p * 10L)),
                true);
        add(t, 0x0FFE, "Time to go (min)", Type.UN16, Registers::timeToGoMinutes, true);
        add(t, 0xEDEC, "Battery temperature (0.01 K)", Type.UN16, m(m -> m.maxDeciCelsius() * 10 + 27_315), false);
        add(t, 0xEEB6, "Synchronisation state", Type.UN8, s -> OptionalLong.of(s.bms().socKnown() ? 1 : 0), true);
        // History.
        add(t, 0x0300, "Deepest discharge (0.1 Ah)", Type.SN32, h(h -> h.deepestDischargeMilliampHours() / 100),
                false);
        add(t, 0x0303, "Number of cycles", Type.UN32, h(History::cycles), false);
        add(t, 0x0305, "Cumulative Ah drawn (0.1 Ah)", Type.SN32, h(h -> -h.drawnMilliampHours() / 100), false);
        add(t, 0x0306, "Minimum voltage (0.01 V)", Type.SN32, span(History::batteryMillivolts, true), false);
        add(t, 0x0307, "Maximum voltage (0.01 V)", Type.SN32, span(History::batteryMillivolts, false), false);
        add(t, 0x0308, "Seconds since full charge", Type.UN32, s -> opt(s.bms().history().sinceLastFullCharge(s.at())
                .map(d -> d.toSeconds())), false);
        add(t, 0x0309, "Automatic synchronisations", Type.UN32, h(History::synchronisations), false);
        add(t, 0x0310, "Discharged energy (0.01 kWh)", Type.UN32, h(h -> h.dischargedWattHours() / 10), false);
        add(t, 0x0311, "Charged energy (0.01 kWh)", Type.UN32, h(h -> h.chargedWattHours() / 10), false);
        // The battery-monitor settings the device has.
        add(t, 0x1000, "Battery capacity (Ah)", Type.UN16, m(m -> m.capacityAmpHours()), false);
        setting(t, 0x1001, "Charged voltage (0.1 V)", Setting.CHARGED_VOLTAGE, 100, 1);
        setting(t, 0x1002, "Tail current (0.1 %)", Setting.TAIL_CURRENT, 1, 1);
        setting(t, 0x1003, "Charged detection time (min)", Setting.CHARGED_DETECTION_TIME, 1, 1);
        setting(t, 0x1008, "Discharge floor (0.1 %)", Setting.DISCHARGE_FLOOR, 1, 10);
        setting(t, 0x0328, "Low SoC warning level (0.1 %)", Setting.LOW_SOC_WARNING, 1, 10);
        // The BMS registers.
        setting(t, 0x210B, "Minimum SoC, the discharge floor (0.1 %)", Setting.DISCHARGE_FLOOR, 1, 10);
        add(t, 0xEC46, "Allow-to-charge off reason", Type.UN32, s -> offReason(s.bms().protection()
                .allowedToCharge()), true);
        add(t, 0xEC47, "Allow-to-discharge off reason", Type.UN32, s -> offReason(s.bms().protection()
                .allowedToDischarge()), true);
        // Commands.
        command(t, 0x102C, "Synchronise", Command.Synchronise::new);
        command(t, 0x0004, "Restore defaults", Command.ResetToDefaults::new);
        command(t, 0x1030, "Clear history", Command.ResetHistory::new);
        return Collections.unmodifiableMap(t);
    }

    private static void add(Map<Integer, Register> t, int id, String name, Type type,
            Function<Snapshot, OptionalLong> value, boolean async) {
        t.put(id, new Register(id, name, type, value, s -> "", new ReadOnly(), async));
    }

    private static void addText(Map<Integer, Register> t, int id, String name, Function<Snapshot, String> text) {
        t.put(id, new Register(id, name, Type.STRING, s -> OptionalLong.empty(), text, new ReadOnly(), false));
    }

    private static void setting(Map<Integer, Register> t, int id, String name, Setting setting, int multiply,
            int divide) {
        SettingAccess access = new SettingAccess(setting, multiply, divide);
        t.put(id, new Register(id, name, Type.UN16, s -> OptionalLong.of(access.toRegister(s.bms().settings()
                .get(setting))), s -> "", access, true));
    }

    private static void command(Map<Integer, Register> t, int id, String name, Supplier<Command> command) {
        t.put(id, new Register(id, name, Type.UN8, s -> OptionalLong.of(0), s -> "", new CommandAccess(command),
                false));
    }

    private static Function<Snapshot, OptionalLong> m(Function<Measurement, Number> f) {
        return s -> opt(s.bms().measurement().map(f).map(Number::longValue));
    }

    private static Function<Snapshot, OptionalLong> h(Function<History, Number> f) {
        return s -> OptionalLong.of(f.apply(s.bms().history()).longValue());
    }

    private static Function<Snapshot, OptionalLong> span(Function<History, Span> f, boolean min) {
        return s -> {
            Span span = f.apply(s.bms().history());
            if (span.equals(Span.EMPTY)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of((min ? span.min() : span.max()) / 10);
        };
    }

    private static OptionalLong opt(Optional<? extends Number> value) {
        return value.map(v -> OptionalLong.of(v.longValue())).orElse(OptionalLong.empty());
    }

    static long watts(Measurement m) {
        return Math.round((double) m.bankMillivolts() * m.bankMilliamps() / 1_000_000.0);
    }

    private static OptionalLong consumedDeciAmpHours(Snapshot s) {
        return opt(s.bms().consumedMilliampHours().map(mah -> mah / 100));
    }

    private static OptionalLong timeToGoMinutes(Snapshot s) {
        TimeRemaining ttg = s.bms().timeRemaining();
        return ttg.kind() == TimeRemaining.Kind.FINITE ? OptionalLong.of(ttg.duration().toMinutes())
                : OptionalLong.empty();
    }

    /** 0xEC46/0xEC47: 0 when allowed, 0x1 (battery) when not: the BMS switches off for its batteries. */
    private static OptionalLong offReason(Allowed allowed) {
        return OptionalLong.of(allowed == Allowed.NO ? 0x1 : 0);
    }
}
