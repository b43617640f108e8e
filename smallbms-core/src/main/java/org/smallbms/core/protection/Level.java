package org.smallbms.core.protection;

/** An output's level (OUT-01): high is Vbat − 0.1 V; free-floating is open circuit, neither source nor sink. */
public enum Level {
    HIGH,
    FLOATING;

    static Level of(boolean high) {
        return high ? HIGH : FLOATING;
    }

    public boolean isHigh() {
        return this == HIGH;
    }
}
