package org.smallbms.app.store;

/**
 * The data directory or file cannot be written (read-only, full, missing permission): the device can still run,
 * without keeping what it does.
 */
public final class StoreUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
