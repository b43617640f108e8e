package org.smallbms.app.readout;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An Instant Readout key: the 16 bytes of AES-128, shown as 32 hexadecimal characters as VictronConnect shows it.
 * Its text form is only for the owner who asks for it ({@link #hex()}); {@link #toString()} never shows it, so a key
 * that reaches a log by mistake shows nothing of itself.
 */
public final class ReadoutKey {

    /** AES-128. */
    public static final int BYTES = 16;
    private static final int HEX_CHARACTERS = 2 * BYTES;
    private static final int BYTE_MASK = 0xFF;

    private final byte[] bytes;

    /** @param bytes the 16 bytes (copied) */
    public ReadoutKey(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("an Instant Readout key has " + BYTES + " bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /**
     * The key written as 32 hexadecimal characters (spaces, colons and dashes between them are ignored).
     *
     * @throws ReadoutException when it is not 32 hexadecimal characters; the message does not repeat the text
     */
    public static ReadoutKey parse(String text) throws ReadoutException {
        String compact = text.replaceAll("[\\s:-]", "");
        if (compact.length() != HEX_CHARACTERS) {
            throw new ReadoutException("the key has " + compact.length() + " characters: an Instant Readout key is "
                    + HEX_CHARACTERS + " hexadecimal characters (16 bytes), as VictronConnect shows it under the "
                    + "product's Instant Readout settings");
        }
        if (!compact.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new ReadoutException("the key is not hexadecimal: an Instant Readout key is " + HEX_CHARACTERS
                    + " characters 0-9 and a-f");
        }
        return new ReadoutKey(HexFormat.of().parseHex(compact.toLowerCase(Locale.ROOT)));
    }

    /** The 16 bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The key's first byte, which every advertisement carries so a receiver can tell a wrong key. */
    public int checkByte() {
        return bytes[0] & BYTE_MASK;
    }

    /** The key as 32 lowercase hexadecimal characters: for its owner, on request. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadoutKey other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Says nothing of the key. */
    @Override
    public String toString() {
        return "ReadoutKey[16 bytes]";
    }
}
