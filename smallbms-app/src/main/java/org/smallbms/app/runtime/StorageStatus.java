package org.smallbms.app.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * How the device's storage is doing, as the status line and the snapshot show it.
 *
 * @param warning what is wrong, in words the user can act on; empty while every write succeeds
 * @param lastCheckpointAt the device time of the last state that reached the disk; null before the first
 */
public record StorageStatus(Optional<String> warning, Instant lastCheckpointAt) {

    /** Everything written so far reached the disk. */
    public static final StorageStatus OK = new StorageStatus(Optional.empty(), null);

    public StorageStatus {
        java.util.Objects.requireNonNull(warning, "warning");
    }

    /** A warning with the last good checkpoint kept. */
    public static StorageStatus warning(String message, Instant lastCheckpointAt) {
        return new StorageStatus(Optional.of(message), lastCheckpointAt);
    }

    /** Every write so far succeeded, the last one at {@code checkpointAt}. */
    public static StorageStatus ok(Instant checkpointAt) {
        return new StorageStatus(Optional.empty(), checkpointAt);
    }

    public boolean isOk() {
        return warning.isEmpty();
    }
}
