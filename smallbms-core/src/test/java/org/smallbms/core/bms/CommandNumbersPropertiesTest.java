package org.smallbms.core.bms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.monitor.TestBank;
import org.smallbms.core.settings.Setting;
import org.smallbms.core.settings.SettingChange;

/**
 * The core refuses every number a user can type that is not a finite value in range, whatever the front end: NaN,
 * the infinities, fractions of a whole-number setting and values far beyond the int range are refused with a message
 * and change nothing; everything accepted leaves a state whose values are in range.
 */
class CommandNumbersPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final BankFrame RESTING = TestBank.ONE_12V_100AH.frame(3_300, 0);
    /** A powered BMS that has seen its bank once, so a set SoC knows the capacity. */
    private static final BmsState STARTED = Bms.step(Bms.initial(), NOW, RESTING);

    @Provide
    Arbitrary<Double> anyDouble() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                        Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e20, -1e20, -1.0, 100.05, 100.0,
                        (double) Integer.MAX_VALUE, (double) Integer.MAX_VALUE + 1, (double) Integer.MIN_VALUE,
                        (double) Integer.MIN_VALUE - 1, 2.5, 1e-9)),
                Tuple.of(3, Arbitraries.doubles().between(-200, 20_000).ofScale(2)),
                Tuple.of(2, Arbitraries.integers().between(-100, 70_000).map(i -> (double) i)),
                Tuple.of(1, Arbitraries.doubles()));
    }

    @Property(tries = 3_000)
    // jqwik's own @Label: a JUnit @DisplayName on a @Property makes jqwik skip the property altogether.
    @Label("SET-02, MON-05 every number given to set SoC or a setting is refused unless finite and in range; "
            + "a refusal changes nothing and says why")
    void numbers_refusedUnlessFiniteAndInRange(@ForAll("anyDouble") double value, @ForAll Setting setting) {
        CommandResult soc = Bms.handle(STARTED, NOW, new Command.SetSoc(value));
        if (value >= 0 && value <= 100) {
            assertThat(soc).isInstanceOf(CommandResult.Accepted.class);
            assertThat(soc.state().socPermille()).hasValueSatisfying(p -> assertThat(p).isBetween(0, 1000)
                    .isEqualTo((int) Math.round(value * 10)));
        } else {
            assertRefusedUnchanged(soc, "State of charge");
        }

        CommandResult change = Bms.handle(STARTED, NOW, new Command.ChangeSetting(setting, value));
        boolean whole = value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE;
        if (!whole) {
            assertRefusedUnchanged(change, setting.label());
            Statistics.label("setting change").collect("not a whole number");
        } else {
            // A whole number is the settings' own call: the command must give the same answer and message.
            SettingChange expected = STARTED.settings().change(setting, (int) value);
            if (expected instanceof SettingChange.Accepted accepted) {
                assertThat(change).isInstanceOf(CommandResult.Accepted.class);
                assertThat(change.state().settings()).isEqualTo(accepted.settings());
                assertThat(change.state().settings().get(setting)).isEqualTo((int) value)
                        .isBetween(setting.minFor(STARTED.settings().system()),
                                setting.maxFor(STARTED.settings().system()));
                Statistics.label("setting change").collect("whole, accepted");
            } else {
                String message = ((SettingChange.Refused) expected).message();
                assertThat(change).isInstanceOfSatisfying(CommandResult.Rejected.class, r -> assertThat(r.message())
                        .isEqualTo(message));
                assertThat(change.state()).isSameAs(STARTED);
                Statistics.label("setting change").collect("whole, refused");
            }
        }
        Statistics.label("setting change").coverage(coverage -> {
            coverage.check("whole, accepted").count(c -> c >= 30);
            coverage.check("whole, refused").count(c -> c >= 30);
            coverage.check("not a whole number").count(c -> c >= 30);
        });
    }

    private static void assertRefusedUnchanged(CommandResult result, String names) {
        assertThat(result).isInstanceOfSatisfying(CommandResult.Rejected.class, r -> assertThat(r.message())
                .contains(names).contains("Nothing was changed."));
        assertThat(result.state()).isSameAs(STARTED);
    }

    @Test
    @DisplayName("MON-05 set SoC NaN or -1e20 is refused, not taken as 0 % (which would raise A-B07 and cut the loads)")
    void setSoc_nanOrHuge_isRefusedAndKeepsTheSoc() {
        BmsState known = Bms.handle(STARTED, NOW, new Command.SetSoc(60)).state();
        for (double bad : new double[] {Double.NaN, -1e20, 1e20, Double.NEGATIVE_INFINITY}) {
            CommandResult result = Bms.handle(known, NOW, new Command.SetSoc(bad));
            assertThat(result).isInstanceOf(CommandResult.Rejected.class);
            assertThat(result.state().socPermille()).contains(600);
        }
    }
}
