package org.smallbms.app.vedirect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Splits what a VE.Direct device sends into TEXT blocks and HEX lines, a byte at a time, as a reader on the other end
 * of the line does: a block is kept until its checksum has been checked (VE.Direct-Protocol-3.34's guideline), and
 * one that fails, or breaks the guideline's limits (labels of at most 9 bytes, values of at most 33, at most 22
 * fields), is dropped with its reason. A {@code ':'} outside a block starts a HEX line, up to its newline.
 * Never throws for what it is given. Not thread-safe.
 */
public final class TextParser {

    static final int MAX_LABEL = 9;
    static final int MAX_VALUE = 33;
    static final int MAX_FIELDS = 22;
    private static final byte[] CHECKSUM = "\r\nChecksum\t".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_BLOCK = MAX_FIELDS * (2 + MAX_LABEL + 1 + MAX_VALUE) + CHECKSUM.length + 1;

    /** What a byte completed. */
    public sealed interface Item {
    }

    /** A TEXT block whose checksum held: its fields by label, in order. */
    public record Block(Map<String, String> fields) implements Item {
        public Block {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** A HEX line, from its {@code ':'} to before its newline. */
    public record HexLine(String line) implements Item {
        public HexLine {
            Objects.requireNonNull(line, "line");
        }
    }

    /** Bytes dropped, and why. */
    public record Dropped(String reason) implements Item {
        public Dropped {
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final ByteArrayOutputStream block = new ByteArrayOutputStream();
    private final StringBuilder hex = new StringBuilder();
    private boolean inHex;
    private boolean checksumNext;

    /** Takes one byte; what it completed, if anything. */
    public Optional<Item> accept(int b) {
        int value = b & 0xFF;
        if (inHex) {
            if (value == '\n') {
                inHex = false;
                return Optional.of(new HexLine(hex.toString()));
            }
            if (hex.length() >= HexFrame.MAX_LINE + 1) {
                inHex = false;
                return Optional.of(new Dropped("a HEX line longer than " + HexFrame.MAX_LINE + " characters"));
            }
            hex.append((char) value);
            return Optional.empty();
        }
        if (block.size() == 0) {
            if (value == ':') {
                inHex = true;
                hex.setLength(0);
                hex.append(':');
            } else if (value == '\r') {
                block.write(value);
            }
            return Optional.empty();
        }
        block.write(value);
        if (checksumNext) {
            checksumNext = false;
            return Optional.of(finish());
        }
        if (block.size() > MAX_BLOCK) {
            block.reset();
            return Optional.of(new Dropped("a TEXT block longer than " + MAX_BLOCK + " bytes"));
        }
        if (endsWithChecksumLabel()) {
            checksumNext = true;
        }
        return Optional.empty();
    }

    /** Takes every byte of {@code bytes}; what they completed, in order. */
    public List<Item> acceptAll(byte[] bytes) {
        List<Item> items = new ArrayList<>();
        for (byte b : bytes) {
            accept(b).ifPresent(items::add);
        }
        return items;
    }

    private boolean endsWithChecksumLabel() {
        if (block.size() < CHECKSUM.length) {
            return false;
        }
        byte[] bytes = block.toByteArray();
        for (int i = 0; i < CHECKSUM.length; i++) {
            if (bytes[bytes.length - CHECKSUM.length + i] != CHECKSUM[i]) {
                return false;
            }
        }
        return true;
    }

    private Item finish() {
        byte[] bytes = block.toByteArray();
        block.reset();
        int sum = 0;
        for (byte b : bytes) {
            sum += b & 0xFF;
        }
        if ((sum & 0xFF) != 0) {
            return new Dropped(String.format("a TEXT block whose bytes sum to 0x%02X, not 0", sum & 0xFF));
        }
        String text = new String(bytes, 0, bytes.length - CHECKSUM.length - 1, StandardCharsets.ISO_8859_1);
        Map<String, String> fields = new LinkedHashMap<>();
        String[] lines = text.split("\r\n", -1);
        // The block starts with CR LF, so the first piece is empty.
        if (lines.length - 1 > MAX_FIELDS) {
            return new Dropped("a TEXT block of " + (lines.length - 1) + " fields, above the " + MAX_FIELDS);
        }
        for (int i = 1; i < lines.length; i++) {
            int tab = lines[i].indexOf('\t');
            if (tab < 1 || tab > MAX_LABEL || lines[i].length() - tab - 1 > MAX_VALUE) {
                return new Dropped("a TEXT field that is not a label of 1.." + MAX_LABEL + " bytes, a tab and a "
                        + "value of at most " + MAX_VALUE);
            }
            fields.put(lines[i].substring(0, tab), lines[i].substring(tab + 1));
        }
        return new Block(fields);
    }
}
