package org.smallbms.app.web;

import java.time.Instant;
import java.util.Optional;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.monitor.Measurement;

/**
 * What the charts draw: one sample each device minute (SoC, voltage, current, lowest and highest cell), the last
 * {@value #CAPACITY} minutes (a week). A figure the device does not know at that minute is NaN. Sampled on the
 * control thread, read by the server's; thread-safe. Kept in primitive arrays: a week of samples is a few hundred
 * kilobytes, whatever the speed.
 */
final class Series {

    /** Minutes kept: a week. */
    static final int CAPACITY = 7 * 24 * 60;

    /** Columns, for the answer: each array holds the same minutes, oldest first. */
    record Columns(long[] minutes, double[] socPercent, double[] voltageVolts, double[] currentAmps,
            double[] minCellVolts, double[] maxCellVolts) {
    }

    private final long[] minute = new long[CAPACITY];
    private final double[] soc = new double[CAPACITY];
    private final double[] volts = new double[CAPACITY];
    private final double[] amps = new double[CAPACITY];
    private final double[] minCell = new double[CAPACITY];
    private final double[] maxCell = new double[CAPACITY];
    // Guarded by this: how many samples were ever taken; the newest sits at (count - 1) % CAPACITY.
    private long count;
    private long lastMinute = Long.MIN_VALUE;

    /** Takes a sample if {@code at} is in a device minute not sampled yet. */
    void sample(Instant at, BmsState bms) {
        long m = Math.floorDiv(at.getEpochSecond(), 60);
        synchronized (this) {
            if (m <= lastMinute) {
                return;
            }
            lastMinute = m;
            int i = (int) (count % CAPACITY);
            count++;
            minute[i] = m;
            soc[i] = bms.socPermille().map(p -> p / 10.0).orElse(Double.NaN);
            Optional<Measurement> measured = bms.measurement();
            volts[i] = measured.map(x -> x.bankMillivolts() / 1000.0).orElse(Double.NaN);
            amps[i] = measured.map(x -> x.bankMilliamps() / 1000.0).orElse(Double.NaN);
            minCell[i] = measured.map(x -> x.minCellMillivolts() / 1000.0).orElse(Double.NaN);
            maxCell[i] = measured.map(x -> x.maxCellMillivolts() / 1000.0).orElse(Double.NaN);
        }
    }

    /** The samples from {@code from} to {@code to} (device time, both included), oldest first. */
    synchronized Columns between(Instant from, Instant to) {
        long first = Math.floorDiv(from.getEpochSecond() + 59, 60);
        long last = Math.floorDiv(to.getEpochSecond(), 60);
        int kept = (int) Math.min(count, CAPACITY);
        int start = (int) ((count - kept) % CAPACITY);
        int n = 0;
        int[] picked = new int[kept];
        for (int k = 0; k < kept; k++) {
            int i = (start + k) % CAPACITY;
            if (minute[i] >= first && minute[i] <= last) {
                picked[n++] = i;
            }
        }
        Columns columns = new Columns(new long[n], new double[n], new double[n], new double[n], new double[n],
                new double[n]);
        for (int k = 0; k < n; k++) {
            int i = picked[k];
            columns.minutes()[k] = minute[i];
            columns.socPercent()[k] = soc[i];
            columns.voltageVolts()[k] = volts[i];
            columns.currentAmps()[k] = amps[i];
            columns.minCellVolts()[k] = minCell[i];
            columns.maxCellVolts()[k] = maxCell[i];
        }
        return columns;
    }
}
