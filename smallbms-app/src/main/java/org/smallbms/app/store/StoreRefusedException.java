package org.smallbms.app.store;

/**
 * The data file is not one this program may use (corrupt, another application's, written by a newer version): the
 * message names the file, what is wrong and how to start fresh. The file was not changed.
 */
public final class StoreRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    StoreRefusedException(String message) {
        super(message);
    }
}
