package org.smallbms.app.readout;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The record's encryption, as the JDK does it: AES-128-CTR whose 16-byte counter block starts as the nonce's two
 * bytes (LSB first) and fourteen zeros. Victron's Venus OS builds the same block ({@code iv[0] = nonce[0]; iv[1] =
 * nonce[1]}). A record of at most 16 bytes is one AES block; a longer one would count on in the block's last byte,
 * as Java's CTR does ("an MSB counter", in Victron's words). Encryption and decryption are the same operation.
 *
 * <p>This is the reference: a new {@link Cipher} a call. {@link BmsEncoder} is the fast path beside it.
 */
final class AesCtr {

    private static final int BYTE = 8;

    private AesCtr() {
    }

    /** {@code data} encrypted (or decrypted) with {@code key} at {@code nonce}; the same length. */
    static byte[] apply(ReadoutKey key, int nonce, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.bytes(), "AES"),
                    new IvParameterSpec(counterBlock(nonce)));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has AES/CTR/NoPadding", e);
        }
    }

    /** The first counter block for {@code nonce}. */
    static byte[] counterBlock(int nonce) {
        byte[] block = new byte[ReadoutKey.BYTES];
        block[0] = (byte) nonce;
        block[1] = (byte) (nonce >>> BYTE);
        return block;
    }
}
