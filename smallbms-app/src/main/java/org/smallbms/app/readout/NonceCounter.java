package org.smallbms.app.readout;

/**
 * The advertisements' nonce: 16 bits counted up by one from a start, wrapping from 65535 to 0, so it does not repeat
 * until 65,536 advertisements later. Mutable; one advertiser's, on its thread.
 */
final class NonceCounter {

    /** How many nonces there are: 16 bits. */
    static final int NONCES = 1 << 16;

    private int next;

    /** @param start the first nonce, 0..65535 */
    NonceCounter(int start) {
        if (start < 0 || start >= NONCES) {
            throw new IllegalArgumentException("a nonce is 0..65535, not " + start);
        }
        this.next = start;
    }

    /** The next nonce. */
    int next() {
        int nonce = next;
        next = (next + 1) % NONCES;
        return nonce;
    }
}
