package org.smallbms.app.readout;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One advertisement as the device sent it.
 *
 * @param at the device time of the tick that made it
 * @param bytes the manufacturer data after the company id (copied)
 */
public record Broadcast(Instant at, byte[] bytes) {

    public Broadcast {
        Objects.requireNonNull(at, "at");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes in lowercase hexadecimal, as a scanner shows them and {@code smallbms readout decode} takes them. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Broadcast b && at.equals(b.at) && java.util.Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return at.hashCode() * 31 + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Broadcast[" + at + ", " + hex() + "]";
    }
}
