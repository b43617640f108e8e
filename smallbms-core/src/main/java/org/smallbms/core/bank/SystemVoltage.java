package org.smallbms.core.bank;

/**
 * The three system voltages (TOP-03). Which Vbat the BMS allows is not a range per system: TOP-07 (revised) allows
 * 9..60 V with no gaps, and Vbat must match the series voltage the batteries report (see the protection's limits).
 */
public enum SystemVoltage {
    V12(12_800),
    V24(25_600),
    V48(51_200);

    /** {@link #values()} copies its array on every call; the protection asks for a system every step. */
    private static final SystemVoltage[] ALL = values();

    private final int nominalMillivolts;

    SystemVoltage(int nominalMillivolts) {
        this.nominalMillivolts = nominalMillivolts;
    }

    public int nominalMillivolts() {
        return nominalMillivolts;
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
}
