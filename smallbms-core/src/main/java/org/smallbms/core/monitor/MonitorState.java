package org.smallbms.core.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smallbms.core.text.Figures;

/**
 * The battery monitor between two steps. Immutable; everything in it survives a power cut (MON-07), timers included,
 * because they are instants: after a restart the first step sees the gap and restarts them itself.
 *
 * @param socKnown SoC has been synchronised or set since installation (PROT-09)
 * @param removedNanocoulombs the charge below full, 0 (full) to the capacity (empty); 0 while SoC is unknown
 * @param capacityAmpHours the bank capacity the removed charge refers to; 0 before the first measurement
 * @param lastMeasuredAt when the batteries last reported; null before the first report
 * @param chargedSince since when bank voltage and current have shown "charged" without a break (MON-02); null when
 *     they do not now
 * @param syncedThisCharge this spell of "charged" has already synchronised, so it counts once
 * @param netMicrocoulombs the running integral of the bank current, for the time-remaining average
 * @param marks the points of that integral over the last minute, oldest first
 * @param latest the latest bank figures; empty when the last step had none
 */
public record MonitorState(
        boolean socKnown,
        long removedNanocoulombs,
        int capacityAmpHours,
        Instant lastMeasuredAt,
        Instant chargedSince,
        boolean syncedThisCharge,
        long netMicrocoulombs,
        List<Mark> marks,
        Optional<Measurement> latest) {

    /** A new BMS: SoC unknown, nothing measured. */
    public static final MonitorState UNKNOWN = new MonitorState(false, 0, 0, null, null, false, 0, List.of(),
            Optional.empty());

    /** 1 mAh is 3.6 C. */
    static final long NANOCOULOMBS_PER_MILLIAMP_HOUR = 3_600_000_000L;

    public MonitorState {
        Objects.requireNonNull(latest, "latest");
        // The monitor's own list is immutable already (its array is never written again), so it is not copied.
        marks = marks instanceof Marks ? marks : List.copyOf(marks);
        if (capacityAmpHours < 0) {
            throw new IllegalArgumentException("capacityAmpHours = " + capacityAmpHours + " is never negative");
        }
        long capacity = capacityNanocoulombs(capacityAmpHours);
        if (removedNanocoulombs < 0 || capacityAmpHours > 0 && removedNanocoulombs > capacity) {
            throw new IllegalArgumentException("removedNanocoulombs = " + removedNanocoulombs + " is outside 0.."
                    + capacity + ": the charge below full is between full and empty");
        }
        if (!socKnown && removedNanocoulombs != 0) {
            throw new IllegalArgumentException("removedNanocoulombs = " + removedNanocoulombs + " while SoC is "
                    + "unknown: nothing is counted before the first synchronisation or set");
        }
    }

    static long capacityNanocoulombs(int capacityAmpHours) {
        return capacityAmpHours * 1000L * NANOCOULOMBS_PER_MILLIAMP_HOUR;
    }

    /**
     * The state of charge in permille, rounded down so that 100.0 % means full; 0 while unknown. Rounding down also
     * raises the low SoC alarm no later than the floor itself.
     */
    public int socPermille() {
        if (!socKnown) {
            return 0;
        }
        if (capacityAmpHours == 0) {
            return 1000;
        }
        long perPermille = capacityNanocoulombs(capacityAmpHours) / 1000;
        return (int) ((capacityNanocoulombs(capacityAmpHours) - removedNanocoulombs) / perPermille);
    }

    /** The SoC as the status page shows it: {@code "55.0 %"}, or {@code "unknown"}. */
    public String socText() {
        return socKnown ? Figures.permilleAsPercent(socPermille(), 1) : "unknown";
    }

    /** MON-03: Ah drawn since the last full charge, as a negative number of mAh (0 at synchronisation). */
    public long consumedMilliampHours() {
        return -(removedNanocoulombs / NANOCOULOMBS_PER_MILLIAMP_HOUR);
    }
}
