package org.smallbms.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.smallbms.core.bank.SystemVoltage;

class SettingsPropertiesTest {

    @Provide
    Arbitrary<Integer> values() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-5, 120), Arbitraries.integers().between(2_800, 3_200),
                Arbitraries.integers().between(12_000, 60_000), Arbitraries.integers());
    }

    @Property(tries = 10_000)
    @Label("SET-02 a refused change leaves the settings equal to before; an accepted one changes just that setting")
    void refusedChangeChangesNothing(@ForAll Setting first, @ForAll("values") int firstValue,
            @ForAll Setting setting, @ForAll("values") int value, @ForAll SystemVoltage system) {
        Settings before = Settings.defaults(system);
        if (before.change(first, firstValue) instanceof SettingChange.Accepted accepted) {
            before = accepted.settings();
        }
        // A copy taken apart from the settings, so a change that writes into them shows.
        Map<Setting, Integer> valuesBefore = new EnumMap<>(before.values());
        SettingChange change = before.change(setting, value);
        if (change instanceof SettingChange.Accepted accepted) {
            assertThat(accepted.settings().get(setting)).isEqualTo(value);
            assertThat(accepted.settings().differences(before)).isSubsetOf(setting);
        } else {
            assertThat(((SettingChange.Refused) change).message()).contains(setting.label())
                    .endsWith("Nothing was changed.");
            assertThat(before.values()).isEqualTo(valuesBefore);
            for (Setting each : Setting.values()) {
                assertThat(before.get(each)).as(each.key()).isEqualTo(valuesBefore.get(each));
            }
        }
    }
}
