package org.smallbms.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SettingByKeyTest {

    @Test
    @DisplayName("SET-01 every setting is found by its own key, and the keys list them in schema order")
    void byKey_eachKey_findsItsSetting() {
        for (Setting setting : Setting.values()) {
            assertThat(Setting.byKey(setting.key())).contains(setting);
        }
        assertThat(Setting.keys()).containsExactlyElementsOf(Arrays.stream(Setting.values()).map(Setting::key)
                .toList());
        assertThat(Setting.keys()).startsWith("chargedVoltage", "tailCurrent");
    }

    @Test
    @DisplayName("SET-02 a key that names no setting, in another case, blank or missing, finds nothing for the "
            + "caller to refuse")
    void byKey_unknownKey_findsNothing() {
        assertThat(Setting.byKey("chargedvoltage")).isEmpty();
        assertThat(Setting.byKey(Setting.CHARGED_VOLTAGE.key().toUpperCase(Locale.ROOT))).isEmpty();
        assertThat(Setting.byKey(" chargedVoltage")).isEmpty();
        assertThat(Setting.byKey("")).isEmpty();
        assertThat(Setting.byKey(null)).isEmpty();
        assertThat(Setting.byKey("pin")).isEmpty();
    }
}
