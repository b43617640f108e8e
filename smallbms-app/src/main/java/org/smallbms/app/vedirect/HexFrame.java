package org.smallbms.app.vedirect;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One VE.Direct HEX frame: a command nibble and its payload bytes. On the wire, {@code ':'}, the nibble as one hex
 * digit, each payload byte as two, then the check byte that makes the command plus every byte sum to 0x55 modulo 256,
 * and a newline. Numbers in the payload are little endian. Immutable.
 */
public final class HexFrame {

    /** The check sum every frame adds up to (BMV HEX protocol, Rev 6). */
    static final int CHECK_SUM = 0x55;
    /** The longest line taken as a frame, without its newline: a 32-byte string register and some margin. */
    public static final int MAX_LINE = 96;

    /** The answer to a frame that cannot be read: response 4, data 0xAAAA. */
    public static final HexFrame FRAMING_ERROR = new HexFrame(Response.ERROR, new byte[] {(byte) 0xAA, (byte) 0xAA});

    /** The response nibbles a device sends. */
    public static final class Response {
        public static final int DONE = 0x1;
        public static final int UNKNOWN = 0x3;
        public static final int ERROR = 0x4;
        public static final int PING = 0x5;
        public static final int GET = 0x7;
        public static final int SET = 0x8;
        public static final int ASYNC = 0xA;

        private Response() {
        }
    }

    private final int command;
    private final byte[] data;

    public HexFrame(int command, byte[] data) {
        if (command < 0 || command > 0xF) {
            throw new IllegalArgumentException("command = " + command + " is not a nibble: give 0..15");
        }
        this.command = command;
        this.data = data.clone();
    }

    public int command() {
        return command;
    }

    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    /** The unsigned byte at {@code index} of the payload. */
    public int byteAt(int index) {
        return data[index] & 0xFF;
    }

    /** What a line held: a frame, or why it is not one. */
    public sealed interface Parsed {
    }

    /** A well-formed frame. */
    public record Frame(HexFrame frame) implements Parsed {
        public Frame {
            Objects.requireNonNull(frame, "frame");
        }
    }

    /** Not a frame; {@code reason} says why, for the log. */
    public record Malformed(String reason) implements Parsed {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Reads one line, from its {@code ':'} to before its newline (a trailing carriage return is allowed). Never
     * throws: a line that is not a frame gives a {@link Malformed} with the reason.
     */
    public static Parsed parse(CharSequence line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        if (end > MAX_LINE) {
            return new Malformed("the line is " + end + " characters long, above the " + MAX_LINE + " allowed");
        }
        if (end < 4 || line.charAt(0) != ':') {
            return new Malformed("a frame is ':', a command digit and at least a check byte in hex; got "
                    + end + " characters");
        }
        if (end % 2 != 0) {
            return new Malformed("after ':' and the command digit the bytes come in pairs of hex digits");
        }
        int command = digit(line.charAt(1));
        if (command < 0) {
            return new Malformed("the command digit is not 0..9 or A..F");
        }
        byte[] bytes = new byte[(end - 2) / 2];
        int sum = command;
        for (int i = 0; i < bytes.length; i++) {
            int high = digit(line.charAt(2 + 2 * i));
            int low = digit(line.charAt(3 + 2 * i));
            if (high < 0 || low < 0) {
                return new Malformed("byte " + i + " is not two uppercase hex digits");
            }
            bytes[i] = (byte) (high << 4 | low);
            sum += high << 4 | low;
        }
        if ((sum & 0xFF) != CHECK_SUM) {
            return new Malformed(String.format("the check byte is wrong: the frame sums to 0x%02X, not 0x55",
                    sum & 0xFF));
        }
        return new Frame(new HexFrame(command, Arrays.copyOf(bytes, bytes.length - 1)));
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** The frame on the wire, with its check byte and newline. */
    public String encode() {
        int sum = command;
        StringBuilder text = new StringBuilder(4 + 2 * data.length).append(':')
                .append(Character.toUpperCase(Character.forDigit(command, 16)));
        HexFormat hex = HexFormat.of().withUpperCase();
        for (byte b : data) {
            sum += b & 0xFF;
            text.append(hex.toHexDigits(b));
        }
        return text.append(hex.toHexDigits((byte) (CHECK_SUM - sum))).append('\n').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HexFrame other && command == other.command && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * command + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return encode().strip();
    }
}
