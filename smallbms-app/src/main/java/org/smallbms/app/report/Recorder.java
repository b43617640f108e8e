package org.smallbms.app.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.event.Event;
import org.smallbms.core.protection.Outputs;
import org.smallbms.sim.battery.Battery;
import org.smallbms.sim.system.SimulatedSystem;
import org.smallbms.sim.system.Simulation;

/**
 * Watches a run: streams every event to {@code events.jsonl} as it happens, keeps a {@link Sample} at each interval,
 * and counts what the summary says. A mutable accumulator with one owner, the run.
 */
public final class Recorder implements Simulation.Observer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Instant start;
    private final long intervalSeconds;
    private final double stepSeconds;
    private final Writer events;
    private final List<Sample> samples = new ArrayList<>();
    private final List<Event> kept = new ArrayList<>();
    private final Map<String, Integer> codes = new TreeMap<>();
    private final List<String> findings = new ArrayList<>();
    // Seconds with each output off (the pre-alarm: on), counted every tick: plain fields, not a map of boxed sums.
    private double chargeOffSeconds;
    private double loadOffSeconds;
    private double preAlarmSeconds;
    private double minSoc = Double.MAX_VALUE;
    private double minCell = Double.MAX_VALUE;
    private double maxCell = 0;
    private long nextSample;
    private BmsState last;
    private SimulatedSystem system;

    /**
     * @param start the start of the run
     * @param interval the time between samples
     * @param step the control step
     * @param events where each event goes, one JSON object a line
     */
    public Recorder(Instant start, Duration interval, Duration step, Writer events) {
        this.start = start;
        this.intervalSeconds = Math.max(1, interval.getSeconds());
        this.stepSeconds = step.toNanos() / 1e9;
        this.events = events;
    }

    @Override
    public void event(Event event) {
        double t = Duration.between(start, event.at()).toMillis() / 1000.0;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("t", t);
        line.put("at", event.at().toString());
        line.put("kind", event.kind().label());
        line.put("name", event.name());
        line.put("value", event.value());
        line.put("cause", event.cause());
        try {
            events.write(JSON.writeValueAsString(line));
            events.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (event.kind() == Event.Kind.CODE && event.value().equals("active")) {
            codes.merge(event.name(), 1, Integer::sum);
        }
        if (event.kind() == Event.Kind.FINDING) {
            findings.add(event.name() + " " + event.value() + ": " + event.cause());
        }
        if (event.kind() != Event.Kind.MONITOR) {
            kept.add(event);
        }
    }

    @Override
    public void tick(Instant at, BmsState bms, SimulatedSystem world) {
        last = bms;
        system = world;
        Outputs outputs = bms.protection().outputs();
        if (!outputs.charge().isHigh()) {
            chargeOffSeconds += stepSeconds;
        }
        if (!outputs.load().isHigh()) {
            loadOffSeconds += stepSeconds;
        }
        if (outputs.preAlarm().isHigh()) {
            preAlarmSeconds += stepSeconds;
        }
        double soc = world.soc() * 100;
        minSoc = Math.min(minSoc, soc);
        double low = world.minCellVolts();
        double high = world.maxCellVolts();
        minCell = Math.min(minCell, low);
        maxCell = Math.max(maxCell, high);
        long t = secondsSinceStart(at);
        if (t >= nextSample) {
            nextSample = t + intervalSeconds;
            double celsius = -273;
            for (Battery battery : world.bank().batteries()) {
                celsius = Math.max(celsius, battery.celsius());
            }
            samples.add(new Sample(t, soc, bms.socPermille().map(p -> p / 10.0).orElse(Double.NaN),
                    world.bank().stepVolts(), world.bankAmps(), low, high, celsius, world.ambientCelsius(),
                    outputs.charge().isHigh(), outputs.load().isHigh(), outputs.preAlarm().isHigh()));
        }
    }

    /** The summary of the run so far. */
    public Summary summary(String scenario, long seed, Duration simulated) {
        Map<String, Long> seconds = new LinkedHashMap<>();
        seconds.put("ATC", Math.round(chargeOffSeconds));
        seconds.put("ATD", Math.round(loadOffSeconds));
        seconds.put("PRE_ALARM", Math.round(preAlarmSeconds));
        return new Summary(scenario, seed, simulated.getSeconds(), stepSeconds, system.soc() * 100, minSoc,
                last.monitor().socText(), minCell, maxCell, seconds, codes, system.chargedJoules() / 3600,
                system.dischargedJoules() / 3600, findings);
    }

    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** The events other than the monitor's, in order. */
    public List<Event> events() {
        return List.copyOf(kept);
    }

    public Instant start() {
        return start;
    }

    /**
     * Whole seconds from the start to {@code at}, as {@code Duration.between(start, at).getSeconds()} gives them,
     * without building a Duration every tick.
     */
    long secondsSinceStart(Instant at) {
        long seconds = at.getEpochSecond() - start.getEpochSecond();
        return at.getNano() < start.getNano() ? seconds - 1 : seconds;
    }
}
