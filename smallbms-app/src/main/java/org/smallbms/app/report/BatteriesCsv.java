package org.smallbms.app.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.text.Decimals;
import org.smallbms.sim.battery.Battery;
import org.smallbms.sim.system.SimulatedSystem;
import org.smallbms.sim.system.Simulation;

/**
 * {@code batteries.csv}: every battery of the bank at every sample, beside the bank's {@code timeseries.csv}, so a
 * user can see which battery gave out first. A row per battery and sample, at the same instants and in the same sense
 * as the time series: the battery's SoC, cells and temperature at {@code t}, its current in the step from {@code t}.
 * Streamed as the run goes; what it keeps is one state per battery.
 */
public final class BatteriesCsv implements Simulation.Observer {

    public static final String HEADER = "t_s,battery,soc_percent,amps,min_cell_volts,max_cell_volts,celsius";

    /** A battery at one instant: SoC, lowest and highest cell, temperature. */
    private record State(double socPercent, double minCellVolts, double maxCellVolts, double celsius) {

        static State of(Battery battery) {
            return new State(battery.soc() * 100, battery.minCellVolts(), battery.maxCellVolts(), battery.celsius());
        }
    }

    private final Instant start;
    private final long intervalSeconds;
    private final Writer out;
    private final StringBuilder row = new StringBuilder(96);
    // Each battery, by serial, as it stands at the instant of the next tick: batteries come and go with strings.
    private final Map<String, State> now = new HashMap<>();
    private long nextSample;

    /**
     * @param start the start of the run
     * @param interval the time between samples, as the time series has them
     * @param out where the rows go, after the header this writes at once
     */
    public BatteriesCsv(Instant start, Duration interval, Writer out) throws IOException {
        this.start = start;
        this.intervalSeconds = Math.max(1, interval.getSeconds());
        this.out = out;
        out.write(HEADER);
        out.write('\n');
    }

    @Override
    public void start(Instant at, SimulatedSystem world) {
        keep(world);
    }

    @Override
    public void tick(Instant at, BmsState bms, SimulatedSystem world) {
        long t = Duration.between(start, at).getSeconds();
        if (t >= nextSample) {
            nextSample = t > Long.MAX_VALUE - intervalSeconds ? Long.MAX_VALUE : t + intervalSeconds;
            List<Battery> batteries = world.bank().batteries();
            try {
                for (int i = 0; i < batteries.size(); i++) {
                    Battery battery = batteries.get(i);
                    State state = now.getOrDefault(battery.serial(), State.of(battery));
                    row.setLength(0);
                    row.append(t).append(',').append(battery.serial()).append(',');
                    Decimals.append(row, state.socPercent(), 2).append(',');
                    Decimals.append(row, battery.amps(), 3).append(',');
                    Decimals.append(row, state.minCellVolts(), 4).append(',');
                    Decimals.append(row, state.maxCellVolts(), 4).append(',');
                    Decimals.append(row, state.celsius(), 2).append('\n');
                    out.append(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        keep(world);
    }

    private void keep(SimulatedSystem world) {
        now.clear();
        List<Battery> batteries = world.bank().batteries();
        for (int i = 0; i < batteries.size(); i++) {
            now.put(batteries.get(i).serial(), State.of(batteries.get(i)));
        }
    }
}
