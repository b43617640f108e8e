package org.smallbms.app.readout;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Victron's "Product Advertisement": the manufacturer data after the company id (0x02E1, Victron Energy BV). Byte 0
 * is 0x10, byte 1 is not documented (every decoder ignores it; we send 0x00), bytes 2–3 the product id (LSB first),
 * byte 4 the record type, bytes 5–6 the nonce (LSB first), byte 7 the key's first byte, then the record, encrypted.
 * A record type of 0xFF takes byte 7 as a second type byte ({@code 0xFF00 | byte 7}) and is not encrypted.
 *
 * @param byte1 byte 1, as received
 * @param productId the product id (model id)
 * @param recordType the record type; 0xFF00..0xFFFF for an extended type
 * @param nonce the nonce, the AES-CTR counter's first two bytes
 * @param keyCheck the first byte of the key the record was encrypted with (0 for an extended type)
 * @param record the record as received: encrypted unless the type is extended (copied)
 */
public record Container(int byte1, int productId, int recordType, int nonce, int keyCheck, byte[] record) {

    /** Manufacturer data record type "Product Advertisement". */
    public static final int PRODUCT_ADVERTISEMENT = 0x10;
    /** The header before the record. */
    public static final int HEADER_BYTES = 8;
    /** The record type that says a second type byte follows, and no encryption. */
    public static final int EXTENDED_TYPE = 0xFF;
    /** Victron Energy BV's Bluetooth company id, as it comes first in the manufacturer data (LSB first). */
    static final int COMPANY_ID = 0x02E1;
    private static final int BYTE_MASK = 0xFF;
    private static final int BYTE = 8;

    public Container {
        record = record.clone();
    }

    @Override
    public byte[] record() {
        return record.clone();
    }

    /** Whether the record is sent in the clear (an extended type). */
    public boolean extended() {
        return recordType > BYTE_MASK;
    }

    /**
     * Reads the header of an advertisement: the manufacturer data from byte 0x10 on, or with the company id
     * {@code E1 02} before it.
     *
     * @throws ReadoutException when it is too short for the header or is not a product advertisement
     */
    public static Container parse(byte[] data) throws ReadoutException {
        byte[] bytes = withoutCompanyId(data);
        if (bytes.length < HEADER_BYTES) {
            throw new ReadoutException("the advertisement has " + bytes.length + " bytes: a product advertisement "
                    + "has an " + HEADER_BYTES + "-byte header (0x10, a byte, product id, record type, nonce, key "
                    + "byte) before its record. Give the manufacturer data after the company id, e.g. 1000e7a30a...");
        }
        int first = bytes[0] & BYTE_MASK;
        if (first != PRODUCT_ADVERTISEMENT) {
            throw new ReadoutException(String.format(Locale.ROOT, "byte 0 is 0x%02X: not a Victron product "
                    + "advertisement (0x10), so it carries no Instant Readout record. Give the manufacturer data "
                    + "after the company id, starting with 10.", first));
        }
        int type = bytes[4] & BYTE_MASK;
        boolean extended = type == EXTENDED_TYPE;
        int key = bytes[7] & BYTE_MASK;
        return new Container(bytes[1] & BYTE_MASK, uint16(bytes, 2), extended ? (EXTENDED_TYPE << BYTE) | key : type,
                uint16(bytes, 5), extended ? 0 : key, Arrays.copyOfRange(bytes, HEADER_BYTES, bytes.length));
    }

    /** The advertisement as bytes, from byte 0x10 on (without the company id). */
    public byte[] toBytes() {
        byte[] bytes = new byte[HEADER_BYTES + record.length];
        bytes[0] = PRODUCT_ADVERTISEMENT;
        bytes[1] = (byte) byte1;
        bytes[2] = (byte) productId;
        bytes[3] = (byte) (productId >>> BYTE);
        bytes[4] = (byte) (extended() ? EXTENDED_TYPE : recordType);
        bytes[5] = (byte) nonce;
        bytes[6] = (byte) (nonce >>> BYTE);
        bytes[7] = (byte) (extended() ? recordType : keyCheck);
        System.arraycopy(record, 0, bytes, HEADER_BYTES, record.length);
        return bytes;
    }

    /**
     * Bytes written in hexadecimal, as a scanner prints them: {@code 1000e7a30a...}, with or without spaces, dots,
     * colons or dashes between the bytes, and an optional {@code 0x}.
     *
     * @throws ReadoutException when it is not whole bytes of hexadecimal; the message names the first bad character
     */
    public static byte[] parseHex(String text) throws ReadoutException {
        String compact = text.strip();
        if (compact.startsWith("0x") || compact.startsWith("0X")) {
            compact = compact.substring(2);
        }
        compact = compact.replaceAll("[\\s.:-]", "");
        for (int i = 0; i < compact.length(); i++) {
            if (Character.digit(compact.charAt(i), 16) < 0) {
                throw new ReadoutException("the advertisement is not hexadecimal: character " + (i + 1) + " is '"
                        + printable(compact.charAt(i)) + "'. Give the bytes as hexadecimal, e.g. 1000e7a30a3412a1...");
            }
        }
        if (compact.length() % 2 != 0) {
            throw new ReadoutException("the advertisement has " + compact.length() + " hexadecimal characters, an "
                    + "odd number: every byte is two. Check that nothing was cut off.");
        }
        return HexFormat.of().parseHex(compact.toLowerCase(Locale.ROOT));
    }

    private static String printable(char c) {
        return c >= ' ' && c < '\u007f' ? String.valueOf(c) : String.format(Locale.ROOT, "\\u%04x", (int) c);
    }

    private static byte[] withoutCompanyId(byte[] data) {
        boolean hasCompanyId = data.length >= 2 && (data[0] & BYTE_MASK) == (COMPANY_ID & BYTE_MASK)
                && (data[1] & BYTE_MASK) == COMPANY_ID >>> BYTE;
        return hasCompanyId ? Arrays.copyOfRange(data, 2, data.length) : data;
    }

    private static int uint16(byte[] bytes, int at) {
        return (bytes[at] & BYTE_MASK) | (bytes[at + 1] & BYTE_MASK) << BYTE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Container c && byte1 == c.byte1 && productId == c.productId && recordType == c.recordType
                && nonce == c.nonce && keyCheck == c.keyCheck && Arrays.equals(record, c.record);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(record) * 31 + nonce;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Container[product 0x%04X, type 0x%02X, nonce %d, %d bytes]", productId,
                recordType, nonce, record.length);
    }
}
