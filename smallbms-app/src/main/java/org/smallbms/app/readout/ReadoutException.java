package org.smallbms.app.readout;

/**
 * An advertisement that cannot be read: not a product advertisement, a key that does not match, a record shorter
 * than its fields, a type with no published layout. The message names what is wrong and what would fix it. The
 * decoder throws this and nothing else, whatever bytes it is given.
 */
public final class ReadoutException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReadoutException(String message) {
        super(message);
    }
}
