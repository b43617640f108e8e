package org.smallbms.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryFlags;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.bank.BatteryReading;
import org.smallbms.core.bank.OutputReadback;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.protection.Protection;
import org.smallbms.core.protection.ProtectionInputs;
import org.smallbms.core.protection.ProtectionState;
import org.smallbms.core.protection.RuleSet;
import org.smallbms.core.protection.SteadySteps;
import org.smallbms.core.remote.RemoteTerminal;

/**
 * One control step of the protection in steady state: a healthy bank, one tick a second.
 *
 * <p>{@code bank = 1x12V8}: one 12.8 V battery (4 cells). {@code bank = 50x25V6}: 2 in series × 25 in parallel of
 * 25.6 V (400 cells), the largest bank. Time moves on every call, through a ring of precomputed ticks, so the step
 * does its timer arithmetic as it would in a running device.
 *
 * <p>Both step as a running device does, through a {@link SteadySteps}. {@code step} gives the same frame every
 * tick, as a device does while every battery reads the same: the stepper remembers the state steady on that frame
 * and answers at once. {@code stepNewFrame} gives a new frame with the same readings every tick, as while a
 * battery's current changes: the facts the rules read are worked out anew, and as none changed, the stepper answers
 * with the state it remembers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProtectionStepBenchmark {

    @Param({"1x12V8", "50x25V6"})
    public String bank;

    private BankFrame frame;
    private BankFrame[] frames;
    private ProtectionInputs inputs;
    private ProtectionState state;
    private final SteadySteps stepper = new SteadySteps();
    private BmsState device;
    private ProtectionState classicState;
    private BankFrame[] classicFrames;
    private final SteadySteps classicStepper = new SteadySteps();
    private final SteadySteps deviceStepper = new SteadySteps();
    private Instant deviceTime;
    private Instant[] ticks;
    private int tick;

    @Setup(Level.Trial)
    public void setUp() {
        BatteryModel model = bank.equals("1x12V8") ? BatteryModel.NG_12V8_100AH : BatteryModel.NG_25V6_300AH;
        int count = bank.equals("1x12V8") ? 1 : 50;
        int series = bank.equals("1x12V8") ? 1 : 2;
        List<BatteryReading> batteries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] cells = new int[model.cells()];
            Arrays.fill(cells, 3_300 + i % 7);
            batteries.add(new BatteryReading(String.format("HQ%08d", i), model, "v1.10", cells, 250, -2_500,
                    Arrays.stream(cells).sum(), BatteryFlags.NONE));
        }
        int vbat = series * batteries.get(0).millivolts();
        frame = BankFrame.complete(batteries, vbat, RemoteTerminal.WIRE_LOOP, OutputReadback.of(true, true, false));
        // Two frames with the same readings: equal, but not the same object.
        frames = new BankFrame[] {frame, frame.withBatteries(List.copyOf(batteries))};
        inputs = ProtectionInputs.DEFAULTS.withSoc(800);
        ticks = new Instant[4096];
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = t0.plusSeconds(i);
        }
        state = Protection.step(Protection.poweredOff(), t0, frame, inputs);
        state = Protection.step(state, t0, frame, inputs);
        deviceTime = t0.plusSeconds(1);
        device = Bms.step(Bms.step(Bms.initial(), t0, frame), deviceTime, frame);
        BatteryModel smart = bank.equals("1x12V8") ? BatteryModel.SMART_12V8_100AH : BatteryModel.SMART_25V6_200AH;
        List<BatteryReading> smarts = new ArrayList<>();
        for (BatteryReading b : batteries) {
            smarts.add(new BatteryReading(b.serial(), smart, b.firmwareVersion(), b.cellMillivolts(),
                    b.temperatureDeciCelsius(), b.milliamps(), b.millivolts(), BatteryFlags.NONE));
        }
        BankFrame classic = frame.withBatteries(smarts);
        classicFrames = new BankFrame[] {classic, classic.withBatteries(List.copyOf(smarts))};
        classicState = Protection.step(RuleSet.CLASSIC, Protection.step(RuleSet.CLASSIC, Protection.poweredOff(),
                t0, classic, inputs), t0, classic, inputs);
        if (!state.outputs().load().isHigh() || !state.events().isEmpty() || !classicState.outputs().load().isHigh()) {
            throw new IllegalStateException("the benchmark bank is not in steady state: " + state.active());
        }
    }

    @Benchmark
    public ProtectionState step() {
        tick = (tick + 1) & (ticks.length - 1);
        state = stepper.step(RuleSet.NG, state, ticks[tick], frame, inputs,
                Protection.bankFor(RuleSet.NG, state, frame));
        return state;
    }

    @Benchmark
    public ProtectionState stepNewFrame() {
        tick = (tick + 1) & (ticks.length - 1);
        BankFrame next = frames[tick & 1];
        state = stepper.step(RuleSet.NG, state, ticks[tick], next, inputs, Protection.bankFor(RuleSet.NG, state,
                next));
        return state;
    }

    /**
     * The classic smallBMS's step on the same bank of Lithium Battery Smart batteries, a new frame every tick as in
     * {@link #stepNewFrame}: it reads their signals and knows no bank.
     */
    @Benchmark
    public ProtectionState classicStepNewFrame() {
        tick = (tick + 1) & (ticks.length - 1);
        classicState = classicStepper.step(RuleSet.CLASSIC, classicState, ticks[tick], classicFrames[tick & 1],
                inputs, Optional.empty());
        return classicState;
    }

    /**
     * The whole device step for comparison: battery monitor, protection and history. The monitor counts charge
     * every tick, so its state is new each tick and this one allocates (24 of its bytes are the tick's Instant:
     * device time must only move forward, so it cannot come from the ring).
     */
    @Benchmark
    public BmsState deviceStep() {
        deviceTime = deviceTime.plusSeconds(1);
        device = Bms.step(device, deviceTime, frame, deviceStepper);
        return device;
    }
}
