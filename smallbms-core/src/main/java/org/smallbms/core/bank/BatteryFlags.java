package org.smallbms.core.bank;

import java.util.StringJoiner;

/**
 * A set of {@link BatteryFlag}s as an immutable bit set: cheap to combine across a bank on every tick.
 *
 * @param bits one bit per flag, by ordinal
 */
public record BatteryFlags(int bits) {

    public static final BatteryFlags NONE = new BatteryFlags(0);

    private static final int ALL = (1 << BatteryFlag.values().length) - 1;

    public BatteryFlags {
        if ((bits & ~ALL) != 0) {
            throw new IllegalArgumentException("flag bits = " + Integer.toBinaryString(bits)
                    + " has bits beyond the " + BatteryFlag.values().length + " known flags");
        }
    }

    public static BatteryFlags of(BatteryFlag... flags) {
        int bits = 0;
        for (BatteryFlag flag : flags) {
            bits |= flag.bit();
        }
        return new BatteryFlags(bits);
    }

    public boolean has(BatteryFlag flag) {
        return (bits & flag.bit()) != 0;
    }

    public BatteryFlags with(BatteryFlag flag) {
        return new BatteryFlags(bits | flag.bit());
    }

    public boolean isEmpty() {
        return bits == 0;
    }

    @Override
    public String toString() {
        StringJoiner names = new StringJoiner(", ", "[", "]");
        for (BatteryFlag flag : BatteryFlag.values()) {
            if (has(flag)) {
                names.add(flag.name());
            }
        }
        return names.toString();
    }
}
