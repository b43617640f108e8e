package org.smallbms.core.bank;

/**
 * The three system voltages (TOP-03) with the Vbat range each allows at the BMS terminals (TOP-07).
 *
 * <p><em>Decision</em> (the manual gives only the outer limits, 9 V and 60 V): 12 V 9.0–17.0 V, 24 V 18.0–34.0 V,
 * 48 V 36.0–60.0 V.
 */
public enum SystemVoltage {
    V12(12_800, 9_000, 17_000),
    V24(25_600, 18_000, 34_000),
    V48(51_200, 36_000, 60_000);

    /** {@link #values()} copies its array on every call; the protection asks for a system every step. */
    private static final SystemVoltage[] ALL = values();

    private final int nominalMillivolts;
    private final int minMillivolts;
    private final int maxMillivolts;

    SystemVoltage(int nominalMillivolts, int minMillivolts, int maxMillivolts) {
        this.nominalMillivolts = nominalMillivolts;
        this.minMillivolts = minMillivolts;
        this.maxMillivolts = maxMillivolts;
    }

    public int nominalMillivolts() {
        return nominalMillivolts;
    }

    public int minMillivolts() {
        return minMillivolts;
    }

    public int maxMillivolts() {
        return maxMillivolts;
    }

    public boolean allows(int vbatMillivolts) {
        return vbatMillivolts >= minMillivolts && vbatMillivolts <= maxMillivolts;
    }

    /** "12 V", "24 V" or "48 V". */
    public String label() {
        return switch (this) {
            case V12 -> "12 V";
            case V24 -> "24 V";
            case V48 -> "48 V";
        };
    }

    /** The system a bank of this nominal voltage belongs to; null for none. */
    public static SystemVoltage ofNominal(int bankNominalMillivolts) {
        for (SystemVoltage system : ALL) {
            if (system.nominalMillivolts == bankNominalMillivolts) {
                return system;
            }
        }
        return null;
    }

    /** The system whose range holds this Vbat; null when it is outside all of them. */
    public static SystemVoltage ofVbat(int vbatMillivolts) {
        for (SystemVoltage system : ALL) {
            if (system.allows(vbatMillivolts)) {
                return system;
            }
        }
        return null;
    }
}
