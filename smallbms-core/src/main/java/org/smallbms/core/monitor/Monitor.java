package org.smallbms.core.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smallbms.core.event.Event;
import org.smallbms.core.settings.Settings;
import org.smallbms.core.text.Figures;

/**
 * The battery monitor: state of charge by coulomb counting (MON-01), synchronisation to 100 % (MON-02), consumed Ah
 * (MON-03), time remaining (MON-04) and the user's "set SoC" and "synchronise" (MON-05).
 *
 * <p>Each step counts the interval since the previous report with the current reported now. An interval longer than
 * {@link #MAX_STEP_INTERVAL} is a gap in the data (the BMS was off, or the batteries were silent): it is not counted,
 * and the charged detection timer and the current average start again, because "continuously" was not observed.
 */
public final class Monitor {

    /** MON-01 decision: charge is counted at 99 %. */
    public static final int CHARGE_EFFICIENCY_PERCENT = 99;
    /** MON-01 decision: a current below 0.1 A counts as zero for the time remaining. */
    public static final int CURRENT_THRESHOLD_MILLIAMPS = 100;
    /** MON-04 decision: the time remaining uses the current averaged over the last minute. */
    public static final Duration AVERAGE_WINDOW = Duration.ofMinutes(1);
    /** MON-04 decision: the time remaining shows at most 240 h. */
    public static final Duration MAX_TIME_REMAINING = Duration.ofHours(240);
    /**
     * The longest interval between two reports that is still counted: a minute, the most MON-07 allows to be lost
     * at a restart. Longer is a gap.
     */
    public static final Duration MAX_STEP_INTERVAL = Duration.ofMinutes(1);
    /** How far apart the points of the current average are: the window is a minute to a minute and 5 s long. */
    static final Duration MARK_SPACING = Duration.ofSeconds(5);

    private static final long MAX_STEP_INTERVAL_SECONDS = MAX_STEP_INTERVAL.getSeconds();
    private static final long MARK_SPACING_SECONDS = MARK_SPACING.getSeconds();
    private static final long AVERAGE_WINDOW_SECONDS = AVERAGE_WINDOW.getSeconds();

    private static final long NANOCOULOMBS_PER_MICROCOULOMB = 1000;

    private Monitor() {
    }

    /**
     * One step: counts the interval since the previous report into the SoC, checks the charged condition and keeps
     * the current average. Without a measurement (no valid bank, a battery silent) nothing is counted and the
     * charged detection timer stops.
     */
    public static MonitorStep step(MonitorState previous, Instant now, Optional<Measurement> measurement,
            Settings settings) {
        if (measurement.isEmpty()) {
            MonitorState next = previous.latest().isEmpty() && previous.chargedSince() == null ? previous
                    : new MonitorState(previous.socKnown(), previous.removedNanocoulombs(),
                    previous.capacityAmpHours(), previous.lastMeasuredAt(), null, previous.syncedThisCharge(),
                    previous.netMicrocoulombs(), previous.marks(), Optional.empty());
            return MonitorStep.withoutFlow(next, List.of());
        }
        Measurement m = measurement.get();
        // Most steps have no events: a list is built only for one.
        List<Event> events = List.of();
        boolean known = previous.socKnown();
        long removed = previous.removedNanocoulombs();
        int capacityAmpHours = m.capacityAmpHours();
        long capacity = MonitorState.capacityNanocoulombs(capacityAmpHours);
        if (previous.capacityAmpHours() != capacityAmpHours && previous.capacityAmpHours() > 0) {
            removed = rescale(removed, previous.capacityAmpHours(), capacityAmpHours);
            if (known) {
                events = new ArrayList<>(events);
                events.add(new Event(now, Event.Kind.MONITOR, "capacity", capacityAmpHours + " Ah", "the bank "
                        + "capacity changed from " + previous.capacityAmpHours() + " Ah: SoC kept at "
                        + Figures.permilleAsPercent(socPermille(removed, capacity), 1)));
            }
        }

        Instant last = previous.lastMeasuredAt();
        boolean continuous = last != null && !now.isBefore(last) && !longerThan(last, now, MAX_STEP_INTERVAL_SECONDS);
        long millis = continuous ? millisBetween(last, now) : 0;
        long chargeMicrocoulombs = m.bankMilliamps() * millis;
        long energyMicrojoules = (long) m.bankMillivolts() * m.bankMilliamps() * millis / 1000;
        if (known) {
            long counted = chargeMicrocoulombs > 0
                    ? chargeMicrocoulombs * NANOCOULOMBS_PER_MICROCOULOMB * CHARGE_EFFICIENCY_PERCENT / 100
                    : chargeMicrocoulombs * NANOCOULOMBS_PER_MICROCOULOMB;
            removed = Math.max(0, Math.min(capacity, removed - counted));
        }

        // MON-02: charged voltage and tail current, without a break, for the charged detection time.
        long tailMilliamps = (long) capacityAmpHours * settings.tailCurrentPermille();
        boolean charged = m.bankMillivolts() >= settings.chargedMillivolts() && m.bankMilliamps() <= tailMilliamps;
        Instant since = !charged ? null
                : continuous && previous.chargedSince() != null ? previous.chargedSince() : now;
        boolean synced = charged && previous.syncedThisCharge();
        boolean synchronise = charged && !synced && !now.isBefore(since.plus(settings.chargedDetectionTime()));
        if (synchronise) {
            removed = 0;
            known = true;
            synced = true;
            events = new ArrayList<>(events);
            events.add(new Event(now, Event.Kind.MONITOR, "SoC", Figures.permilleAsPercent(1000, 1),
                    "synchronised: bank voltage " + Figures.millivoltsAsVolts(m.bankMillivolts(), 2)
                    + " ≥ charged voltage " + Figures.millivoltsAsVolts(settings.chargedMillivolts(), 2)
                    + " and current " + Figures.milliampsAsAmps(m.bankMilliamps(), 1)
                    + " ≤ tail current " + Figures.milliampsAsAmps(tailMilliamps, 1)
                    + " since " + since + " (" + settings.chargedDetectionTime().toMinutes() + " min)"));
        }

        long net = previous.netMicrocoulombs() + chargeMicrocoulombs;
        List<Mark> marks = continuous ? advance(previous.marks(), now, net)
                : new Marks(new Mark[] {new Mark(now, net)});
        MonitorState next = new MonitorState(known, removed, capacityAmpHours, now, since, synced, net, marks,
                measurement);
        return new MonitorStep(next, events, chargeMicrocoulombs, energyMicrojoules, synchronise);
    }

    /** Why the user cannot set the SoC to {@code permille} now; empty when they can (MON-05). */
    public static Optional<String> setSocProblem(MonitorState state, int permille) {
        if (permille < 0 || permille > 1000) {
            return Optional.of("State of charge = " + Figures.permilleAsPercent(permille, 1)
                    + " is not allowed: the allowed values are 0.0..100.0 %. Nothing was changed.");
        }
        if (state.capacityAmpHours() == 0) {
            return Optional.of("State of charge cannot be set yet: the bank capacity is not known until the "
                    + "batteries have reported. Nothing was changed.");
        }
        return Optional.empty();
    }

    /**
     * MON-05: the user sets the SoC. Consumed Ah follows: the charge below full at this SoC.
     *
     * @throws IllegalArgumentException when {@link #setSocProblem} names a problem
     */
    public static MonitorStep setSoc(MonitorState state, Instant now, int permille) {
        setSocProblem(state, permille).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        long removed = MonitorState.capacityNanocoulombs(state.capacityAmpHours()) / 1000 * (1000 - permille);
        MonitorState next = new MonitorState(true, removed, state.capacityAmpHours(), state.lastMeasuredAt(),
                state.chargedSince(), state.syncedThisCharge(), state.netMicrocoulombs(), state.marks(),
                state.latest());
        return MonitorStep.withoutFlow(next, List.of(new Event(now, Event.Kind.COMMAND, "SoC",
                Figures.permilleAsPercent(permille, 1), "set by the user (was " + state.socText() + ")")));
    }

    /**
     * MON-05: "Synchronise SoC to 100 %" by the user: SoC and consumed Ah as after a full charge. Not a detected full
     * charge: the history's synchronisations and last full charge, and the balancer, count only those.
     */
    public static MonitorStep synchronise(MonitorState state, Instant now) {
        MonitorState next = new MonitorState(true, 0, state.capacityAmpHours(), state.lastMeasuredAt(),
                state.chargedSince(), state.syncedThisCharge(), state.netMicrocoulombs(), state.marks(),
                state.latest());
        return MonitorStep.withoutFlow(next, List.of(new Event(now, Event.Kind.COMMAND, "SoC",
                Figures.permilleAsPercent(1000, 1), "synchronised to 100 % by the user (was " + state.socText()
                + ")")));
    }

    /**
     * MON-04: the time at the current averaged over the last minute until the SoC reaches the discharge floor;
     * infinite when not discharging by at least 0.1 A; at most 240 h; unknown while SoC is (PROT-09).
     *
     * @param dischargeFloorPercent 0 disables the floor: the time runs to empty
     */
    public static TimeRemaining timeRemaining(MonitorState state, int dischargeFloorPercent) {
        if (!state.socKnown() || state.latest().isEmpty() || state.capacityAmpHours() == 0) {
            return TimeRemaining.UNKNOWN;
        }
        long averageMilliamps = averageMilliamps(state);
        if (averageMilliamps > -CURRENT_THRESHOLD_MILLIAMPS) {
            return TimeRemaining.INFINITE;
        }
        long capacity = MonitorState.capacityNanocoulombs(state.capacityAmpHours());
        long aboveFloor = capacity / 100 * (100 - dischargeFloorPercent) - state.removedNanocoulombs();
        if (aboveFloor <= 0) {
            return TimeRemaining.of(Duration.ZERO);
        }
        long millis = aboveFloor / (-averageMilliamps * NANOCOULOMBS_PER_MICROCOULOMB);
        return TimeRemaining.of(millis >= MAX_TIME_REMAINING.toMillis() ? MAX_TIME_REMAINING
                : Duration.ofMillis(millis));
    }

    /** The bank current averaged over the last minute; the latest current until a second report arrives. */
    public static long averageMilliamps(MonitorState state) {
        Measurement latest = state.latest().orElseThrow(() -> new IllegalStateException("no current measured"));
        Mark oldest = state.marks().get(0);
        long millis = Duration.between(oldest.at(), state.lastMeasuredAt()).toMillis();
        if (millis == 0) {
            return latest.bankMilliamps();
        }
        return (state.netMicrocoulombs() - oldest.netMicrocoulombs()) / millis;
    }

    /** The marks with one for now if the last is {@link #MARK_SPACING} old, without those before the window. */
    private static List<Mark> advance(List<Mark> marks, Instant now, long net) {
        boolean add = marks.isEmpty() || atLeast(marks.get(marks.size() - 1).at(), now, MARK_SPACING_SECONDS);
        int drop = 0;
        int size = marks.size() + (add ? 1 : 0);
        // Keep the newest mark at or before the window start: the window then spans the whole last minute.
        while (size - drop >= 2 && atLeast(markAt(marks, drop + 1, now), now, AVERAGE_WINDOW_SECONDS)) {
            drop++;
        }
        if (!add && drop == 0) {
            return marks;
        }
        // One array, kept as it is by the state: no copy by List.of and none by the state's constructor.
        Mark[] next = new Mark[size - drop];
        int filled = 0;
        for (int i = Math.min(drop, marks.size()); i < marks.size(); i++) {
            next[filled++] = marks.get(i);
        }
        if (add) {
            next[filled] = new Mark(now, net);
        }
        return new Marks(next);
    }

    private static Instant markAt(List<Mark> marks, int index, Instant now) {
        return index < marks.size() ? marks.get(index).at() : now;
    }

    // The time tests of every step, in seconds and nanoseconds: the same answers as Instant and Duration arithmetic
    // for whole-second spans, without building an Instant or a Duration for each.

    /** Whether {@code to} is at least {@code seconds} after {@code from}: {@code !to.isBefore(from + seconds)}. */
    static boolean atLeast(Instant from, Instant to, long seconds) {
        long whole = to.getEpochSecond() - from.getEpochSecond();
        return whole > seconds || whole == seconds && to.getNano() >= from.getNano();
    }

    /** Whether {@code to} is more than {@code seconds} after {@code from}: {@code to.isAfter(from + seconds)}. */
    static boolean longerThan(Instant from, Instant to, long seconds) {
        long whole = to.getEpochSecond() - from.getEpochSecond();
        return whole > seconds || whole == seconds && to.getNano() > from.getNano();
    }

    /** {@code Duration.between(from, to).toMillis()} for {@code to} within a minute after {@code from}. */
    private static long millisBetween(Instant from, Instant to) {
        long seconds = to.getEpochSecond() - from.getEpochSecond();
        int nanos = to.getNano() - from.getNano();
        if (nanos < 0) {
            seconds--;
            nanos += 1_000_000_000;
        }
        return seconds * 1000 + nanos / 1_000_000;
    }

    /** The removed charge for another capacity, at the same SoC, without overflowing. */
    private static long rescale(long removed, int fromAmpHours, int toAmpHours) {
        long from = MonitorState.capacityNanocoulombs(fromAmpHours);
        long to = MonitorState.capacityNanocoulombs(toAmpHours);
        long perPermille = from / 1000;
        return Math.min(to, removed / perPermille * (to / 1000) + removed % perPermille * toAmpHours / fromAmpHours);
    }

    private static int socPermille(long removed, long capacity) {
        return (int) ((capacity - removed) / (capacity / 1000));
    }
}
