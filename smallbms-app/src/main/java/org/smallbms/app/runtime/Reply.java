package org.smallbms.app.runtime;

import java.util.Objects;

/**
 * The answer to a {@link Request}, once the control loop has applied it.
 *
 * @param accepted whether it was carried out
 * @param message what was refused and why; empty when accepted
 */
public record Reply(boolean accepted, String message) {

    public static final Reply ACCEPTED = new Reply(true, "");

    public Reply {
        Objects.requireNonNull(message, "message");
    }

    public static Reply rejected(String message) {
        return new Reply(false, message);
    }
}
