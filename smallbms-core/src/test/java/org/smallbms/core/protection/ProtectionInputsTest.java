package org.smallbms.core.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProtectionInputsTest {

    private static final ProtectionInputs BASE = new ProtectionInputs(true, 3_100, true, 500, 10, 20);

    @Test
    @DisplayName("inputs that differ in any one value are not equal; equal inputs have equal hashes")
    void equals_everyValueCounts() {
        List<ProtectionInputs> others = List.of(
                new ProtectionInputs(false, 3_100, true, 500, 10, 20),
                new ProtectionInputs(true, 3_050, true, 500, 10, 20),
                new ProtectionInputs(true, 3_100, false, 500, 10, 20),
                new ProtectionInputs(true, 3_100, true, 501, 10, 20),
                new ProtectionInputs(true, 3_100, true, 500, 11, 20),
                new ProtectionInputs(true, 3_100, true, 500, 10, 21));

        ProtectionInputs same = new ProtectionInputs(true, 3_100, true, 500, 10, 20);
        assertThat(same).isEqualTo(BASE).hasSameHashCodeAs(BASE);
        for (ProtectionInputs other : others) {
            assertThat(other).isNotEqualTo(BASE);
        }
        assertThat(BASE).isNotEqualTo("inputs");
    }
}
