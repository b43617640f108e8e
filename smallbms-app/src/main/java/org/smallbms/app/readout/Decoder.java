package org.smallbms.app.readout;

import java.util.Locale;

/**
 * Reads an Instant Readout advertisement with its product's key: ours (the BMS record) and any Victron product's
 * whose record layout is published. Whatever the bytes, it returns a reading or throws a {@link ReadoutException}
 * that says what is wrong; nothing else.
 *
 * <p>The key can only be checked by its first byte, which the advertisement carries: a key with the right first
 * byte and wrong others decrypts to wrong values, as with every receiver (the format has no authentication tag).
 */
public final class Decoder {

    private Decoder() {
    }

    /**
     * The advertisement {@code advertisement} (the manufacturer data from byte 0x10 on, or with the company id before
     * it) decrypted with {@code key} and read by its record type's layout.
     *
     * @throws ReadoutException when it is not a product advertisement, the key's first byte differs, the type is
     *     unknown or has no published layout, or the record is shorter than its fields
     */
    public static Reading decode(ReadoutKey key, byte[] advertisement) throws ReadoutException {
        Container container = Container.parse(advertisement);
        RecordType type = RecordType.of(container.recordType());
        byte[] record = decrypt(key, container, type);
        return new Reading(container, type, type.read(record));
    }

    /**
     * The BMS record (type 0x0A) of {@code advertisement}, typed.
     *
     * @throws ReadoutException as {@link #decode}, and when the record is of another type
     */
    public static BmsRecord decodeBms(ReadoutKey key, byte[] advertisement) throws ReadoutException {
        Container container = Container.parse(advertisement);
        RecordType type = RecordType.of(container.recordType());
        if (type != RecordType.BMS) {
            throw new ReadoutException("the record is a " + type.label() + " record (" + type.hex() + "), not the "
                    + "BMS record (0x0A) a smallBMS NG sends");
        }
        return BmsRecord.read(decrypt(key, container, type));
    }

    private static byte[] decrypt(ReadoutKey key, Container container, RecordType type) throws ReadoutException {
        if (container.record().length == 0) {
            throw new ReadoutException("the advertisement ends after its header: the " + type.label() + " record "
                    + "(" + type.hex() + ") is missing");
        }
        if (container.extended()) {
            return container.record();
        }
        if (container.keyCheck() != key.checkByte()) {
            throw new ReadoutException(String.format(Locale.ROOT, "wrong key: the advertisement was encrypted with a "
                    + "key that starts with 0x%02X, the key given starts with 0x%02X. Use the product's current "
                    + "Instant Readout key (a new key changes its first byte).", container.keyCheck(),
                    key.checkByte()));
        }
        return AesCtr.apply(key, container.nonce(), container.record());
    }
}
