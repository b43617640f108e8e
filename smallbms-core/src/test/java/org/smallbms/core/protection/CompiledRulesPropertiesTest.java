package org.smallbms.core.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.smallbms.core.codes.Conditions;

/**
 * The fast forms of the rule table give the answers of the table read row by row: {@link CompiledRules} those of
 * deciding each row in order, {@link CompiledTimers} those of {@link TimerRule#next} on each timer.
 */
class CompiledRulesPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Timer[] TIMERS = Timer.values();

    @Property(tries = 2_000)
    @Label("PROT-10 the compiled table decides as the rows read in order, for any facts, timers and state before, "
            + "on both devices")
    void compiledTable_decidesAsTheRows(@ForAll long facts, @ForAll long was, @ForAll int timerBits,
            @ForAll @IntRange(min = -60, max = 60) int leadOffset, @ForAll @IntRange(min = -60, max = 60) int hold,
            @ForAll boolean leadRunning, @ForAll boolean holdRunning, @ForAll boolean classic) {
        long wasBits = was & ((1L << org.smallbms.core.codes.Condition.values().length) - 1);
        Timers timers = Timers.IDLE;
        for (Timer timer : TIMERS) {
            if ((timerBits & 1 << timer.ordinal()) != 0) {
                timers = timers.with(timer, Debounced.ACTIVE);
            }
        }
        ProtectionState before = new ProtectionState(new Conditions(wasBits), Outputs.ALL_FLOATING, Optional.empty(),
                timers, holdRunning ? NOW.plusSeconds(hold) : null, leadRunning ? NOW.plusSeconds(leadOffset) : null,
                FirmwarePhase.IDLE, null, List.of());

        RuleSet rules = classic ? RuleSet.CLASSIC : RuleSet.NG;

        long compiled = rules.compiledRules().decide(before, NOW, facts, timers);

        assertThat(compiled).isEqualTo(rowByRow(rules.rows(), before, NOW, facts, timers));
    }

    @Property(tries = 2_000)
    @Label("the compiled timers move as each timer rule does, for any facts and timers before")
    void compiledTimers_moveAsTheRules(@ForAll long facts, @ForAll int activeBits, @ForAll int pendingBits,
            @ForAll @IntRange(min = -20, max = 20) int pendingOffset) {
        Timers before = Timers.IDLE;
        for (Timer timer : TIMERS) {
            boolean active = (activeBits & 1 << timer.ordinal()) != 0;
            boolean pending = (pendingBits & 1 << timer.ordinal()) != 0;
            before = before.with(timer, pending ? new Debounced(active, NOW.plusSeconds(pendingOffset))
                    : Debounced.of(active));
        }
        Timers expected = before;
        for (TimerRule rule : Rules.TIMERS) {
            expected = expected.with(rule.timer(), rule.next(expected.get(rule.timer()), facts, NOW));
        }

        assertThat(new CompiledTimers(Rules.TIMERS).next(before, facts, NOW)).isEqualTo(expected);
    }

    /** The table's meaning: each row in order, reading the rows above it. */
    private static long rowByRow(List<Rule> rules, ProtectionState s, Instant now, long facts, Timers timers) {
        long was = s.active().bits();
        boolean leadDone = s.preAlarmLeadEndsAt() != null && !now.isBefore(s.preAlarmLeadEndsAt());
        boolean holding = s.shutdownHoldUntil() != null && now.isBefore(s.shutdownHoldUntil());
        long decided = 0;
        for (Rule rule : rules) {
            long bit = 1L << rule.condition().ordinal();
            boolean held = (was & bit) != 0;
            boolean signal = (facts & rule.facts()) != 0 || rule.timer() != null && timers.active(rule.timer());
            boolean holds;
            if (rule.shutdown() != null) {
                boolean urgent = rule.shutdown().emergency() != null
                        && (facts & rule.shutdown().emergency().bit()) != 0;
                if (holding) {
                    holds = held || urgent;
                } else if (rule.shutdown().keepsWithoutData() && (facts & Fact.NO_READINGS.bit()) != 0) {
                    holds = held;
                } else {
                    holds = urgent || signal && (!rule.shutdown().waitsForLead() || leadDone || held);
                }
            } else if (rule.releasedBy() != 0) {
                holds = signal || held && (decided & rule.releasedBy()) == 0;
            } else {
                holds = signal && (decided & rule.unless()) == 0;
            }
            decided |= holds ? bit : 0;
        }
        return decided;
    }
}
