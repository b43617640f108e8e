package org.smallbms.core.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryFlags;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.bank.BatteryReading;
import org.smallbms.core.bank.OutputReadback;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.codes.Severity;
import org.smallbms.core.remote.Remote;
import org.smallbms.core.remote.RemoteTerminal;
import org.smallbms.core.testing.Frames;

/**
 * The safety invariants of the protection step over random timelines: segments of 1..40 s in which a two-battery
 * bank holds one condition (a cell voltage, battery flags, the remote, the mode, a silent battery, an open chain,
 * Vbat, the SoC, a shorted output).
 */
class ProtectionPropertiesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final BankFrame BASE = Frames.bank(BatteryModel.NG_12V8_100AH, 1, 2);
    private static final long SHUTDOWN = org.smallbms.core.codes.Conditions.of(Condition.A_B01, Condition.A_B07,
            Condition.A_B08).bits();

    /** One stretch of time with one set of inputs. */
    record Segment(int seconds, int cellMillivolts, int flagBits, int remote, boolean modeOn, boolean silent,
            boolean chainOpen, int vbatOffsetMillivolts, int socPermille, boolean socKnown, boolean loadShorted) {

        BankFrame frame() {
            BatteryReading first = Frames.withCell(BASE.batteries().get(0), 1, cellMillivolts);
            first = new BatteryReading(first.serial(), first.model(), first.firmwareVersion(),
                    first.cellMillivolts(), first.temperatureDeciCelsius(), first.milliamps(), first.millivolts(),
                    new BatteryFlags(flagBits));
            List<BatteryReading> batteries = silent ? List.of(first) : List.of(first, BASE.batteries().get(1));
            int vbat = Math.max(0, first.millivolts() + vbatOffsetMillivolts);
            RemoteTerminal terminal = switch (remote) {
                case 0 -> RemoteTerminal.OPEN;
                case 1 -> RemoteTerminal.hAt(vbat);
                case 2 -> RemoteTerminal.lAt(4_000);
                default -> RemoteTerminal.WIRE_LOOP;
            };
            return new BankFrame(batteries, 2, !chainOpen, vbat, terminal,
                    OutputReadback.of(true, !loadShorted, true), true);
        }

        ProtectionInputs inputs() {
            return new ProtectionInputs(modeOn, 3_100, socKnown, socPermille, 10, 20);
        }
    }

    /** A step as it happened: the inputs and the state it produced. */
    record Step(Instant at, BankFrame frame, ProtectionState state) {
    }

    /** The measured half of a segment: what the batteries and the terminals show. */
    record Electrical(int seconds, int cellMillivolts, int flagBits, int remote, boolean silent, boolean chainOpen,
            int vbatOffsetMillivolts, boolean loadShorted) {
    }

    /** The settings half of a segment. */
    record Settings(boolean modeOn, int socPermille, boolean socKnown) {
    }

    @Provide
    Arbitrary<List<Segment>> timelines() {
        Arbitrary<Electrical> electrical = Combinators.combine(
                Arbitraries.integers().between(1, 40),
                Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.integers().between(2_400, 3_200)),
                        Tuple.of(1, Arbitraries.integers().between(3_200, 3_800))),
                Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.just(0)),
                        Tuple.of(3, Arbitraries.just(1 << BatteryFlag.CELL_LOW_VOLTAGE.ordinal())),
                        Tuple.of(2, Arbitraries.integers().between(0, 31))),
                Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.integers().between(0, 2)),
                        Tuple.of(8, Arbitraries.just(3))),
                Arbitraries.frequency(Tuple.of(6, false), Tuple.of(1, true)),
                Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true)),
                Arbitraries.frequencyOf(
                        Tuple.of(8, Arbitraries.just(0)),
                        Tuple.of(1, Arbitraries.integers().between(-4_000, 13_000))),
                Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true)))
                .as(Electrical::new);
        Arbitrary<Settings> settings = Combinators.combine(
                Arbitraries.frequency(Tuple.of(7, true), Tuple.of(1, false)),
                Arbitraries.integers().between(0, 1_000),
                Arbitraries.frequency(Tuple.of(2, true), Tuple.of(1, false)))
                .as(Settings::new);
        return Combinators.combine(electrical, settings)
                .as((e, s) -> new Segment(e.seconds(), e.cellMillivolts(), e.flagBits(), e.remote(), s.modeOn(),
                        e.silent(), e.chainOpen(), e.vbatOffsetMillivolts(), s.socPermille(), s.socKnown(),
                        e.loadShorted()))
                .list().ofMinSize(1).ofMaxSize(12);
    }

    /** Both devices' rule tables: the safety invariants hold for each. */
    @Provide
    Arbitrary<RuleSet> devices() {
        return Arbitraries.of(RuleSet.NG, RuleSet.CLASSIC);
    }

    private static List<Step> run(List<Segment> segments) {
        return run(RuleSet.NG, segments);
    }

    private static List<Step> run(RuleSet rules, List<Segment> segments) {
        List<Step> steps = new ArrayList<>();
        ProtectionState state = Protection.poweredOff();
        Instant now = T0;
        for (Segment segment : segments) {
            BankFrame frame = segment.frame();
            ProtectionInputs inputs = segment.inputs();
            for (int i = 0; i < segment.seconds(); i++) {
                state = Protection.step(rules, state, now, frame, inputs);
                steps.add(new Step(now, frame, state));
                now = now.plusSeconds(1);
            }
        }
        return steps;
    }

    private static boolean powered(BankFrame frame) {
        return frame.terminalMillivolts() >= Limits.OPERATING_MIN_MILLIVOLTS;
    }

    @Property(tries = 10_000)
    @Label("REM-02 CLS-03 remote off => the Load disconnect, the Charge disconnect and the pre-alarm all float, on "
            + "both devices")
    void remoteOff_allOutputsFloat(@ForAll("devices") RuleSet rules, @ForAll("timelines") List<Segment> segments) {
        for (Step step : run(rules, segments)) {
            if (!Remote.isOn(step.frame().remote(), step.frame().terminalMillivolts())) {
                assertThat(step.state().outputs()).as("at %s", step.at()).isEqualTo(Outputs.ALL_FLOATING);
            }
        }
    }

    @Property(tries = 10_000)
    @Label("PROT-01 CLS-02 a cell at the high threshold or a battery below 5 °C => no Allowed to charge, on both "
            + "devices")
    void cellHighOrCold_noCharge(@ForAll("devices") RuleSet rules, @ForAll("timelines") List<Segment> segments) {
        for (Step step : run(rules, segments)) {
            boolean blocked = step.frame().batteries().stream().anyMatch(b ->
                    b.flags().has(BatteryFlag.CELL_HIGH_VOLTAGE) || b.flags().has(BatteryFlag.CHARGE_LOW_TEMPERATURE));
            if (blocked) {
                assertThat(step.state().outputs().charge()).as("at %s", step.at()).isEqualTo(Level.FLOATING);
            }
        }
    }

    @Property(tries = 10_000)
    @Label("PROT-05 CODE-07 CLS-03 every undervoltage opening of the Load disconnect (A-B01, A-B08; the classic's "
            + "low cell signal) follows >= 30 s of pre-alarm, unless on the NG a cell or Vbat per cell is below the "
            + "emergency level")
    void undervoltageOpening_followsPreAlarmLead(@ForAll("devices") RuleSet rules,
            @ForAll("timelines") List<Segment> segments) {
        List<Step> steps = run(rules, segments);
        List<Condition> undervoltage = List.of(Condition.A_B01, Condition.A_B08, Condition.CELL_UNDERVOLTAGE);
        Instant preAlarmSince = null;
        boolean leadOpening = false;
        for (int k = 0; k < steps.size(); k++) {
            ProtectionState state = steps.get(k).state();
            ProtectionState before = k == 0 ? Protection.poweredOff() : steps.get(k - 1).state();
            boolean opened = before.outputs().load().isHigh() && !state.outputs().load().isHigh();
            List<Condition> raised = state.active().minus(before.active());
            boolean onlyUndervoltage = !raised.isEmpty() && raised.stream().filter(c -> c.effect().blocksDischarge())
                    .allMatch(undervoltage::contains) && raised.stream().anyMatch(undervoltage::contains);
            if (opened && onlyUndervoltage) {
                int minCell = steps.get(k).frame().batteries().stream()
                        .mapToInt(BatteryReading::minCellMillivolts).min().orElse(Integer.MAX_VALUE);
                int series = state.bank().filter(org.smallbms.core.bank.Bank::isValid)
                        .map(org.smallbms.core.bank.Bank::cellsInSeries).orElse(0);
                boolean bankEmergency = steps.get(k).frame().terminalMillivolts()
                        < Limits.EMERGENCY_BANK_MILLIVOLTS_PER_CELL * series;
                boolean emergency = rules == RuleSet.NG && (minCell < Limits.EMERGENCY_CELL.set() || bankEmergency);
                if (!emergency) {
                    assertThat(preAlarmSince).as("pre-alarm before the opening at %s", steps.get(k).at()).isNotNull();
                    assertThat(Duration.between(preAlarmSince, steps.get(k).at()))
                            .isGreaterThanOrEqualTo(Limits.PRE_ALARM_LEAD);
                    leadOpening = true;
                }
            }
            if (!state.outputs().preAlarm().isHigh()) {
                preAlarmSince = null;
            } else if (preAlarmSince == null) {
                preAlarmSince = steps.get(k).at();
            }
        }
        Statistics.label("undervoltage opening after the lead").collect(leadOpening)
                .coverage(c -> c.check(true).percentage(p -> p >= 1.0));
    }

    @Property(tries = 10_000)
    @Label("TOP-08 any error => Allowed to charge and Allowed to discharge both off")
    void anyError_bothOff(@ForAll("timelines") List<Segment> segments) {
        for (Step step : run(segments)) {
            if (step.state().active().hasCodeOf(Severity.ERROR)) {
                assertThat(step.state().outputs().charge()).isEqualTo(Level.FLOATING);
                assertThat(step.state().outputs().load()).isEqualTo(Level.FLOATING);
            }
        }
    }

    @Property(tries = 10_000)
    @Label("CODE-05 no valid data from a battery for 10 s => both outputs off")
    void noValidDataTenSeconds_bothOff(@ForAll("timelines") List<Segment> segments) {
        Instant missingSince = null;
        for (Step step : run(segments)) {
            boolean missing = powered(step.frame()) && step.frame().batteries().size() < step.frame().chainNodes();
            missingSince = !missing ? null : missingSince == null ? step.at() : missingSince;
            if (missingSince != null && !step.at().isBefore(missingSince.plus(Limits.COMM_ALARM_DELAY))) {
                assertThat(step.state().outputs().charge()).as("at %s", step.at()).isEqualTo(Level.FLOATING);
                assertThat(step.state().outputs().load()).as("at %s", step.at()).isEqualTo(Level.FLOATING);
            }
        }
    }

    @Property(tries = 10_000)
    @Label("a step answered from a remembered steady state gives what evaluating every rule gives, on both devices")
    void steadyMemory_sameAsEvaluatingTheRules(@ForAll("devices") RuleSet rules,
            @ForAll("timelines") List<Segment> segments) {
        SteadySteps stepper = new SteadySteps();
        ProtectionState remembering = Protection.poweredOff();
        ProtectionState evaluated = Protection.poweredOff();
        int answeredFromMemory = 0;
        Instant now = T0;
        for (Segment segment : segments) {
            BankFrame frame = segment.frame();
            ProtectionInputs inputs = segment.inputs();
            for (int i = 0; i < segment.seconds(); i++) {
                if (stepper.remembers(remembering)) {
                    answeredFromMemory++;
                }
                // Every other tick an equal frame that is not the same object, as while a battery's current moves.
                BankFrame shown = i % 2 == 0 ? frame : new BankFrame(frame.batteries(), frame.chainNodes(),
                        frame.chainClosed(), frame.terminalMillivolts(), frame.remote(), frame.readback(),
                        frame.selfTestPassed());
                remembering = stepper.step(rules, remembering, now, shown, inputs,
                        Protection.bankFor(rules, remembering, shown));
                evaluated = Protection.step(rules, evaluated, now, shown, inputs);

                assertThat(remembering).as("at %s", now).isEqualTo(evaluated);
                now = now.plusSeconds(1);
            }
        }
        Statistics.label("steps answered from memory").collect(answeredFromMemory > 0)
                .coverage(c -> c.check(true).percentage(p -> p >= 50.0));
    }

    @Property(tries = 10_000)
    @Label("PROT-11 once the loads are cut for an empty battery (A-B01, A-B07, A-B08) they stay off for 60 s")
    void shutdown_loadsStayOffSixtySeconds(@ForAll("timelines") List<Segment> segments) {
        List<Step> steps = run(segments);
        Instant cutAt = null;
        boolean cut = false;
        for (int k = 1; k < steps.size(); k++) {
            ProtectionState before = steps.get(k - 1).state();
            ProtectionState state = steps.get(k).state();
            if (!powered(steps.get(k).frame())) {
                cutAt = null;
                continue;
            }
            if (before.outputs().load().isHigh() && !state.outputs().load().isHigh()
                    && (state.active().bits() & SHUTDOWN) != 0) {
                cutAt = steps.get(k).at();
                cut = true;
            }
            if (cutAt != null && steps.get(k).at().isBefore(cutAt.plus(Limits.SHUTDOWN_HOLD))) {
                assertThat(state.outputs().load()).as("loads at %s, cut at %s", steps.get(k).at(), cutAt)
                        .isEqualTo(Level.FLOATING);
            }
        }
        Statistics.label("loads cut for an empty battery").collect(cut)
                .coverage(c -> c.check(true).percentage(p -> p >= 5.0));
    }

    @Property(tries = 10_000)
    @Label("PROT-12 while A-B01, A-B07 or A-B08 is active the pre-alarm floats")
    void shutdownAlarm_preAlarmFloats(@ForAll("timelines") List<Segment> segments) {
        for (Step step : run(segments)) {
            if ((step.state().active().bits() & SHUTDOWN) != 0) {
                assertThat(step.state().outputs().preAlarm()).as("at %s", step.at()).isEqualTo(Level.FLOATING);
            }
        }
    }

    @Property(tries = 10_000)
    @Label("TOP-06 CODE-02 an open chain warns at once; E-B05 comes only after 5 s open and goes 5 s after it closes")
    void chainOpen_warningAtOnceErrorAfterFiveSeconds(@ForAll("timelines") List<Segment> segments) {
        List<Step> steps = run(segments);
        int openFor = 0;
        int closedFor = 0;
        boolean raised = false;
        for (int k = 0; k < steps.size(); k++) {
            Step step = steps.get(k);
            if (!powered(step.frame())) {
                openFor = 0;
                closedFor = 0;
                continue;
            }
            boolean open = !step.frame().chainClosed();
            openFor = open ? openFor + 1 : 0;
            closedFor = open ? 0 : closedFor + 1;
            if (open) {
                assertThat(step.state().has(Condition.W_B05)).as("W-B05 at %s", step.at()).isTrue();
            }
            boolean error = step.state().has(Condition.E_B05);
            boolean before = k > 0 && steps.get(k - 1).state().has(Condition.E_B05);
            if (error && !before) {
                assertThat(openFor).as("E-B05 raised at %s", step.at()).isGreaterThan(5);
                raised = true;
            }
            if (closedFor > 5) {
                assertThat(error).as("E-B05 at %s, closed for %d s", step.at(), closedFor - 1).isFalse();
            }
        }
        Statistics.label("E-B05 raised").collect(raised).coverage(c -> c.check(true).percentage(p -> p >= 1.0));
    }

}
