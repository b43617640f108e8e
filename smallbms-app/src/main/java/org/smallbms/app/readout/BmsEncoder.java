package org.smallbms.app.readout;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes the smallBMS NG's advertisements: the BMS record packed and encrypted in its product advertisement, once a
 * second, with nothing allocated but the advertisement itself.
 *
 * <p>The speed is behind this seam, beside the readable reference ({@link #reference}): a record of 16 bytes is one
 * AES-CTR block, its ciphertext the record XOR AES(key, counter block). So the encoder keeps one AES cipher for its
 * key, expanded once, and its scratch buffers, and computes that one block itself, where the JDK's CTR mode would
 * need a new initialisation (and its allocations) for every nonce. A test holds the two equal for any record and
 * nonce. Not thread-safe: an encoder belongs to one advertiser.
 */
public final class BmsEncoder {

    /** The whole advertisement after the company id: the header and the 16-byte record. */
    public static final int ADVERTISEMENT_BYTES = Container.HEADER_BYTES + BmsRecord.BYTES;
    private static final int BYTE = 8;
    private static final int NONCE_MASK = 0xFFFF;

    private final ReadoutKey key;
    private final int productId;
    private final Cipher block;
    private final byte[] record = new byte[BmsRecord.BYTES];
    private final byte[] counter = new byte[BmsRecord.BYTES];
    private final byte[] keystream = new byte[BmsRecord.BYTES];

    /**
     * @param key the device's key
     * @param productId the product id the advertisements carry
     */
    public BmsEncoder(ReadoutKey key, int productId) {
        this.key = key;
        this.productId = productId;
        try {
            block = Cipher.getInstance("AES/ECB/NoPadding");
            block.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.bytes(), "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has AES/ECB/NoPadding", e);
        }
    }

    /** The advertisement of {@code bms} at {@code nonce} (0..65535): a new array of {@value #ADVERTISEMENT_BYTES}. */
    public byte[] encode(BmsRecord bms, int nonce) {
        bms.writeTo(record);
        counter[0] = (byte) nonce;
        counter[1] = (byte) (nonce >>> BYTE);
        try {
            block.doFinal(counter, 0, counter.length, keystream, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("one AES block into a block-sized buffer cannot fail", e);
        }
        byte[] advertisement = new byte[ADVERTISEMENT_BYTES];
        header(advertisement, productId, nonce & NONCE_MASK, key.checkByte());
        for (int i = 0; i < BmsRecord.BYTES; i++) {
            advertisement[Container.HEADER_BYTES + i] = (byte) (record[i] ^ keystream[i]);
        }
        return advertisement;
    }

    /** The same advertisement by the readable route: the record's bytes through the JDK's AES-CTR. */
    public static byte[] reference(ReadoutKey key, int productId, BmsRecord bms, int nonce) {
        return new Container(0, productId, BmsRecord.TYPE, nonce & NONCE_MASK, key.checkByte(),
                AesCtr.apply(key, nonce & NONCE_MASK, bms.toBytes())).toBytes();
    }

    private static void header(byte[] out, int productId, int nonce, int keyCheck) {
        out[0] = Container.PRODUCT_ADVERTISEMENT;
        // Byte 1 is not documented; real products send 0x00, 0x02, 0x03 or 0x80 and every decoder ignores it.
        out[1] = 0;
        out[2] = (byte) productId;
        out[3] = (byte) (productId >>> BYTE);
        out[4] = BmsRecord.TYPE;
        out[5] = (byte) nonce;
        out[6] = (byte) (nonce >>> BYTE);
        out[7] = (byte) keyCheck;
    }
}
