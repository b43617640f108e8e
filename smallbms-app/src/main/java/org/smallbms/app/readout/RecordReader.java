package org.smallbms.app.readout;

import java.util.Locale;

/**
 * Reads the fields of one decrypted record. Positions are the start bits of Victron's tables, which count the
 * record's 4-byte header (type, nonce, key byte) as bits 0–31, so the record itself starts at bit 32. A field that
 * reaches past the end of the record is a {@link ReadoutException} naming the field, never a default value: the
 * record was cut short, or it is not the type its header says. The bits after a record's last field may be missing.
 *
 * <p>"Not available" is all ones for an unsigned field and the largest positive value for a signed one (0x7FFF at
 * 16 bits); such a field reads as {@code null}.
 */
final class RecordReader {

    /** Where Victron's start bits begin counting: the record header before the record. */
    static final int HEADER_BITS = 32;
    private static final int BYTE = 8;

    private final String recordName;
    private final byte[] record;

    /**
     * @param recordName the record type, as an error names it
     * @param record the decrypted record (not copied: the reader only reads)
     */
    RecordReader(String recordName, byte[] record) {
        this.recordName = recordName;
        this.record = record;
    }

    /** The field's raw bits, unsigned. */
    long raw(String field, int start, int width) throws ReadoutException {
        int from = start - HEADER_BITS;
        int end = from + width;
        if (end > record.length * BYTE) {
            throw new ReadoutException(String.format(Locale.ROOT, "the %s record has %d bytes: its field '%s' (bits "
                    + "%d..%d) needs %d. The record is cut short, or it is not a %s record.", recordName,
                    record.length, field, start, start + width - 1, (end + BYTE - 1) / BYTE, recordName));
        }
        return Bits.unsigned(record, from, width);
    }

    /** An unsigned field; {@code null} when it is all ones (not available). */
    Long unsigned(String field, int start, int width) throws ReadoutException {
        long raw = raw(field, start, width);
        return raw == Bits.ones(width) ? null : raw;
    }

    /** An unsigned field that has no "not available" value. */
    long always(String field, int start, int width) throws ReadoutException {
        return raw(field, start, width);
    }

    /** A two's complement field; {@code null} at its largest positive value (not available). */
    Long signed(String field, int start, int width) throws ReadoutException {
        long raw = raw(field, start, width);
        return raw == Bits.ones(width - 1) ? null : Bits.signed(raw, width);
    }

    /** An unsigned field divided by {@code divisor} (100 for 0.01 units); {@code null} when not available. */
    Double unsigned(String field, int start, int width, int divisor) throws ReadoutException {
        Long raw = unsigned(field, start, width);
        return raw == null ? null : raw / (double) divisor;
    }

    /** A signed field divided by {@code divisor}; {@code null} when not available. */
    Double signed(String field, int start, int width, int divisor) throws ReadoutException {
        Long raw = signed(field, start, width);
        return raw == null ? null : raw / (double) divisor;
    }

    /** A temperature sent as whole degrees plus 40 (−40..86 °C) in 7 bits; {@code null} when not available. */
    Long celsius(String field, int start) throws ReadoutException {
        Long raw = unsigned(field, start, BmsRecord.TEMPERATURE_BITS);
        return raw == null ? null : raw + BmsRecord.TEMPERATURE_OFFSET;
    }

    /** How many bytes the record has. */
    int length() {
        return record.length;
    }
}
