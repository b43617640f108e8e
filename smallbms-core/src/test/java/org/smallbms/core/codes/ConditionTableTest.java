package org.smallbms.core.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The table of manual §5.2 and REQUIREMENTS.md §8, row by row. */
class ConditionTableTest {

    @ParameterizedTest(name = "{0} {1}: {2}, {3}")
    @CsvSource(delimiter = '|', value = {
        "CODE-01 | W-B01 | Low cell voltage                | WARNING | PRE_ALARM",
        "CODE-02 | W-B05 | Communication with battery lost | WARNING | NONE",
        "CODE-03 | W-B07 | Low SoC                         | WARNING | PRE_ALARM",
        "CODE-04 | A-B01 | Low cell voltage                | ALARM   | SHUTDOWN",
        "CODE-05 | A-B05 | Communication with battery lost | ALARM   | CHARGE_AND_DISCHARGE",
        "CODE-06 | A-B07 | Low SoC                         | ALARM   | SHUTDOWN",
        "CODE-07 | A-B08 | Low bank voltage                | ALARM   | SHUTDOWN",
        "CODE-08 | A-B09 | High battery temperature        | ALARM   | CHARGE",
        "CODE-09 | E-B01 | Battery configuration invalid   | ERROR   | CHARGE_AND_DISCHARGE",
        "CODE-10 | E-B05 | Battery configuration invalid   | ERROR   | CHARGE_AND_DISCHARGE",
        "CODE-11 | E-B09 | Battery voltage not allowed     | ERROR   | CHARGE_AND_DISCHARGE",
        "CODE-12 | E-B11 | Hardware error                  | ERROR   | CHARGE_AND_DISCHARGE"})
    @DisplayName("CODE-01..12 each code has the manual's message, its severity and its effect")
    void row(String id, String code, String message, Severity severity, Effect effect) {
        Condition condition = Condition.byLabel(code).orElseThrow();

        assertThat(condition.code()).contains(code);
        assertThat(condition.message()).isEqualTo(message);
        assertThat(condition.severity()).isEqualTo(severity);
        assertThat(condition.effect()).isEqualTo(effect);
    }

    @Test
    @DisplayName("CODE-13 every code has its message and the manual's instruction text")
    void everyCodeHasInstruction() {
        List<String> codes = new ArrayList<>();
        for (Condition condition : Condition.values()) {
            assertThat(condition.message()).isNotBlank();
            assertThat(condition.instruction()).isNotBlank();
            assertThat(condition.reason()).isNotBlank();
            condition.code().ifPresent(codes::add);
        }
        assertThat(codes).containsExactly("W-B01", "W-B05", "W-B07", "A-B01", "A-B05", "A-B07", "A-B08", "A-B09",
                "E-B01", "E-B05", "E-B09", "E-B11");
        assertThat(Condition.A_B01.instruction()).isEqualTo("Charge battery. The system will turn the loads back on "
                + "when the battery is sufficiently charged.");
    }

    @Test
    @DisplayName("TOP-08 every error blocks both charge and discharge")
    void errorsBlockBoth() {
        for (Condition condition : Condition.values()) {
            if (condition.severity() == Severity.ERROR) {
                assertThat(Conditions.of(condition).allowsCharge()).as(condition.label()).isFalse();
                assertThat(Conditions.of(condition).allowsDischarge()).as(condition.label()).isFalse();
            }
        }
    }

    @Test
    @DisplayName("the outputs come from the table alone: switched off silences the pre-alarm")
    void outputsFromTable() {
        assertThat(Conditions.of(Condition.W_B01).raisesPreAlarm()).isTrue();
        assertThat(Conditions.of(Condition.W_B01, Condition.REMOTE_OFF).raisesPreAlarm()).isFalse();
        assertThat(Conditions.of(Condition.A_B09).allowsDischarge()).isTrue();
        assertThat(Conditions.of(Condition.A_B09).allowsCharge()).isFalse();
        assertThat(Conditions.of(Condition.W_B05).allowsCharge()).isTrue();
    }
}
