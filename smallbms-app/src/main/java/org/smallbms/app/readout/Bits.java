package org.smallbms.app.readout;

/**
 * Fields packed least significant bit first across the bytes of a record, as Victron's records are ("integers are
 * packed in little-endian order across the bytes"): bit {@code i} of a record is bit {@code i % 8} of byte
 * {@code i / 8}. A field of {@code width} bits at {@code start} is one little-endian integer of that width.
 */
final class Bits {

    private static final int BYTE = 8;
    private static final int BYTE_MASK = 0xFF;

    private Bits() {
    }

    /** The unsigned value of the {@code width} (1..63) bits at {@code start}; the caller has checked the length. */
    static long unsigned(byte[] data, int start, int width) {
        long value = 0;
        int done = 0;
        while (done < width) {
            int bit = start + done;
            int shift = bit % BYTE;
            int take = Math.min(BYTE - shift, width - done);
            long chunk = ((data[bit / BYTE] & BYTE_MASK) >>> shift) & ((1L << take) - 1);
            value |= chunk << done;
            done += take;
        }
        return value;
    }

    /** {@code raw}, a {@code width}-bit two's complement number, as a signed value. */
    static long signed(long raw, int width) {
        return (raw << (Long.SIZE - width)) >> (Long.SIZE - width);
    }

    /** Writes the low {@code width} bits of {@code value} at {@code start}, leaving every other bit as it was. */
    static void write(byte[] data, int start, int width, long value) {
        int done = 0;
        while (done < width) {
            int bit = start + done;
            int shift = bit % BYTE;
            int take = Math.min(BYTE - shift, width - done);
            int mask = ((1 << take) - 1) << shift;
            int chunk = (int) ((value >>> done) << shift) & mask;
            int index = bit / BYTE;
            data[index] = (byte) ((data[index] & ~mask) | chunk);
            done += take;
        }
    }

    /** All ones at {@code width} bits: the usual "not available" of an unsigned field. */
    static long ones(int width) {
        return (1L << width) - 1;
    }
}
