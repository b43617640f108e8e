package org.smallbms.core.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.codes.Condition;

/**
 * docs/protection.md shows both devices' rule tables as they are declared: the part between each pair of markers is
 * what {@link RuleSet#markdown()} makes of the rows. Written anew with {@code -Dsmallbms.record=true}.
 */
class RuleTableDocTest {

    private static final Path DOC = Path.of("..", "docs", "protection.md");

    /** The classic smallBMS's own states: the NG has no row for them. */
    private static final Set<Condition> CLASSIC_ONLY = EnumSet.of(Condition.SIGNAL_LOST,
            Condition.CHARGE_HIGH_TEMPERATURE, Condition.CELL_PRE_ALARM, Condition.CELL_UNDERVOLTAGE);

    @Test
    @DisplayName("PROT-10 the documented NG rule table is the declared one, row for row")
    void documentedNgTable_isTheDeclaredOne() throws IOException {
        checkDocumented(RuleSet.NG, "<!-- rule table: made by RuleSet.NG.markdown(), checked by RuleTableDocTest -->\n",
                "<!-- end of rule table -->");
    }

    @Test
    @DisplayName("CLS-02 the documented classic rule table is the declared one, row for row")
    void documentedClassicTable_isTheDeclaredOne() throws IOException {
        checkDocumented(RuleSet.CLASSIC, "<!-- classic rule table: made by RuleSet.CLASSIC.markdown(), checked by "
                + "RuleTableDocTest -->\n", "<!-- end of classic rule table -->");
    }

    private static void checkDocumented(RuleSet rules, String begin, String end) throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int from = doc.indexOf(begin);
        int to = doc.indexOf(end);
        assertThat(from).as("docs/protection.md has the markers of " + rules).isNotNegative();
        assertThat(to).isGreaterThan(from);
        String table = rules.markdown();
        if (Boolean.getBoolean("smallbms.record")) {
            Files.writeString(DOC, doc.substring(0, from + begin.length()) + table + doc.substring(to),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(doc.substring(from + begin.length(), to)).as("docs/protection.md's table of " + rules
                + "; write it anew with -Dsmallbms.record=true").isEqualTo(table);
    }

    @Test
    @DisplayName("the NG has exactly one row for every condition but the classic's own, and every timer one rule")
    void everyNgConditionHasOneRow() {
        Set<Condition> expected = EnumSet.complementOf(EnumSet.copyOf(CLASSIC_ONLY));
        assertThat(RuleSet.NG.conditions().list()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(RuleSet.NG.rows()).hasSize(expected.size());
        assertThat(RuleSet.NG.timers()).extracting(TimerRule::timer).containsExactlyInAnyOrder(Timer.values());
    }

    @Test
    @DisplayName("CLS-04 the classic raises no code: only states, its own and the NG's power, remote and flag states")
    void classicHasNoCodes() {
        assertThat(RuleSet.CLASSIC.conditions().codes()).isEmpty();
        assertThat(RuleSet.CLASSIC.conditions().list()).containsExactly(Condition.UNPOWERED, Condition.REMOTE_OFF,
                Condition.CHARGE_LOW_TEMPERATURE, Condition.CELL_HIGH_VOLTAGE, Condition.SIGNAL_LOST,
                Condition.CHARGE_HIGH_TEMPERATURE, Condition.CELL_PRE_ALARM, Condition.CELL_UNDERVOLTAGE);
        assertThat(RuleSet.CLASSIC.timers()).isEmpty();
        assertThat(RuleSet.CLASSIC.detectsBank()).isFalse();
    }
}
