package org.smallbms.core.bms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.SystemVoltage;
import org.smallbms.core.event.Event;
import org.smallbms.core.monitor.TestBank;
import org.smallbms.core.settings.Setting;

/**
 * SET-01 (revised): a set of changes is checked as a whole. {@link Command.ChangeSettings} accepts exactly when each
 * value is allowed on its own and the set it makes keeps the rule across settings; what it accepts is the set asked
 * for, and changing the same values one at a time, in any order the BMS accepts, ends in the same settings.
 */
class ChangeSettingsPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final BankFrame RESTING = TestBank.ONE_12V_100AH.frame(3_300, 0);
    private static final BmsState STARTED = Bms.step(Bms.initial(), NOW, RESTING);

    /** Mostly values on the setting's grid, some just beyond its range or off its step, a few no number at all. */
    private static Arbitrary<Double> value(Setting setting) {
        int min = setting.minFor(SystemVoltage.V12);
        int max = setting.maxFor(SystemVoltage.V12);
        int step = setting.step();
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.integers().between(0, (max - min) / step).map(k -> (double) (min + k * step))),
                Tuple.of(2, Arbitraries.integers().between(min - 2 * step, max + 2 * step).map(i -> (double) i)),
                Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, min + 0.5, -1e12, 1e12)));
    }

    @Provide
    Arbitrary<Map<Setting, Double>> changes() {
        return Arbitraries.of(Setting.class).set().ofMaxSize(Setting.values().length).flatMap(settings -> {
            List<Arbitrary<Tuple2<Setting, Double>>> parts = new ArrayList<>();
            for (Setting setting : settings) {
                parts.add(value(setting).map(v -> Tuple.of(setting, v)));
            }
            return Combinators.combine(parts).as(pairs -> {
                Map<Setting, Double> map = new EnumMap<>(Setting.class);
                pairs.forEach(pair -> map.put(pair.get1(), pair.get2()));
                return map;
            });
        });
    }

    /** The settings a previous accepted change left (or the factory's), so the property starts anywhere valid. */
    private static BmsState from(Map<Setting, Double> previous) {
        return Bms.handle(STARTED, NOW, new Command.ChangeSettings(previous)).state();
    }

    private static boolean allowedAlone(Setting setting, double value) {
        int min = setting.minFor(SystemVoltage.V12);
        return Double.isFinite(value) && value == Math.rint(value) && value >= min
                && value <= setting.maxFor(SystemVoltage.V12) && ((long) value - min) % setting.step() == 0;
    }

    @Property(tries = 2_000)
    @Label("SET-01 SET-02 ChangeSettings accepts iff each value is allowed and the resulting set keeps warning >= "
            + "floor; accepted, the settings are the set with one event per changed setting; refused, nothing changes "
            + "and each offending setting is named")
    void changeSettings_acceptsExactlyTheValidConsistentSets(@ForAll("changes") Map<Setting, Double> previous,
            @ForAll("changes") Map<Setting, Double> requested) {
        BmsState before = from(previous);
        Map<Setting, Integer> expected = new EnumMap<>(before.settings().values());
        List<Setting> invalid = new ArrayList<>();
        requested.forEach((setting, value) -> {
            if (allowedAlone(setting, value)) {
                expected.put(setting, (int) (double) value);
            } else {
                invalid.add(setting);
            }
        });
        boolean consistent = expected.get(Setting.LOW_SOC_WARNING) >= expected.get(Setting.DISCHARGE_FLOOR);

        CommandResult result = Bms.handle(before, NOW, new Command.ChangeSettings(requested));

        if (invalid.isEmpty() && consistent) {
            assertThat(result).isInstanceOf(CommandResult.Accepted.class);
            assertThat(result.state().settings().values()).isEqualTo(expected);
            List<Setting> changed = result.state().settings().differences(before.settings());
            assertThat(result.state().events()).extracting(Event::name)
                    .containsExactlyElementsOf(changed.stream().map(Setting::key).toList());
            assertThat(changed).allMatch(requested::containsKey);
        } else {
            assertThat(result).isInstanceOfSatisfying(CommandResult.Rejected.class, r -> {
                assertThat(r.message()).endsWith("Nothing was changed.");
                if (invalid.isEmpty()) {
                    assertThat(r.message()).contains("must be at or above the discharge floor");
                } else {
                    invalid.forEach(setting -> assertThat(r.message()).contains(setting.label() + " = "));
                }
            });
            assertThat(result.state()).isSameAs(before);
        }
    }

    @Property(tries = 1_000)
    @Label("SET-01 changing the same values one at a time, in any order the BMS accepts, ends where ChangeSettings "
            + "does; when ChangeSettings accepts, some order one at a time is accepted too")
    void oneByOne_anyAcceptedOrder_endsWhereTheSetDoes(@ForAll("changes") Map<Setting, Double> previous,
            @ForAll("changes") Map<Setting, Double> requested, @ForAll Random random) {
        BmsState before = from(previous);
        CommandResult together = Bms.handle(before, NOW, new Command.ChangeSettings(requested));

        List<List<Setting>> orders = new ArrayList<>();
        List<Setting> keys = new ArrayList<>(requested.keySet());
        for (int i = 0; i < 4; i++) {
            List<Setting> shuffled = new ArrayList<>(keys);
            Collections.shuffle(shuffled, random);
            orders.add(shuffled);
        }
        // The two orders that matter for warning >= floor: the warning level before the floor, and after it.
        List<Setting> warningFirst = new ArrayList<>(keys);
        warningFirst.sort((a, b) -> Boolean.compare(a != Setting.LOW_SOC_WARNING, b != Setting.LOW_SOC_WARNING));
        List<Setting> floorFirst = new ArrayList<>(keys);
        floorFirst.sort((a, b) -> Boolean.compare(a != Setting.DISCHARGE_FLOOR, b != Setting.DISCHARGE_FLOOR));
        orders.add(warningFirst);
        orders.add(floorFirst);

        boolean anyAccepted = false;
        for (List<Setting> order : orders) {
            BmsState state = before;
            boolean accepted = true;
            for (Setting setting : order) {
                CommandResult step = Bms.handle(state, NOW, new Command.ChangeSetting(setting, requested.get(setting)));
                accepted &= step instanceof CommandResult.Accepted;
                state = step.state();
            }
            if (accepted) {
                anyAccepted = true;
                assertThat(together).as("order %s", order).isInstanceOf(CommandResult.Accepted.class);
                assertThat(state.settings()).isEqualTo(together.state().settings());
            }
        }
        if (together instanceof CommandResult.Accepted) {
            assertThat(anyAccepted).as("some order one at a time is accepted").isTrue();
        }
    }

    @Test
    @DisplayName("SET-01 floor 30 % and warning 40 % from the factory's 10 % / 20 %: refused one at a time floor "
            + "first, accepted together with an event for each, in schema order")
    void changeSettings_floorAboveFactoryWarning_acceptedTogether() {
        assertThat(Bms.handle(STARTED, NOW, new Command.ChangeSetting(Setting.DISCHARGE_FLOOR, 30)))
                .isInstanceOf(CommandResult.Rejected.class);
        Map<Setting, Double> set = new LinkedHashMap<>();
        set.put(Setting.DISCHARGE_FLOOR, 30.0);
        set.put(Setting.LOW_SOC_WARNING, 40.0);

        CommandResult result = Bms.handle(STARTED, NOW, new Command.ChangeSettings(set));

        assertThat(result).isInstanceOf(CommandResult.Accepted.class);
        assertThat(result.state().settings().dischargeFloorPercent()).isEqualTo(30);
        assertThat(result.state().settings().lowSocWarningPercent()).isEqualTo(40);
        assertThat(result.state().events()).extracting(Event::name, Event::value).containsExactly(
                tuple("lowSocWarning", "40 %"), tuple("dischargeFloor", "30 %"));
        assertThat(new Command.ChangeSettings(set).values().keySet()).containsExactly(Setting.LOW_SOC_WARNING,
                Setting.DISCHARGE_FLOOR);
    }
}
