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
 * docs/protection.md shows the rule table as it is declared: the part between its markers is what
 * {@link Rules#markdown()} makes of the rows. Written anew with {@code -Dsmallbms.record=true}.
 */
class RuleTableDocTest {

    private static final Path DOC = Path.of("..", "docs", "protection.md");
    private static final String BEGIN = "<!-- rule table: made by Rules.markdown(), checked by RuleTableDocTest -->\n";
    private static final String END = "<!-- end of rule table -->";

    @Test
    @DisplayName("PROT-10 the documented rule table is the declared one, row for row")
    void documentedTable_isTheDeclaredOne() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/protection.md has the rule table's markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String table = Rules.markdown();
        if (Boolean.getBoolean("smallbms.record")) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + table + doc.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(doc.substring(begin + BEGIN.length(), end)).as("docs/protection.md's table; write it anew with "
                + "-Dsmallbms.record=true").isEqualTo(table);
    }

    @Test
    @DisplayName("every condition has exactly one row, and every timer one rule")
    void everyConditionHasOneRow() {
        Set<Condition> seen = EnumSet.noneOf(Condition.class);
        for (Rule rule : Rules.NG) {
            assertThat(seen.add(rule.condition())).as(rule.condition() + " twice").isTrue();
        }
        assertThat(seen).containsExactlyInAnyOrder(Condition.values());
        assertThat(Rules.TIMERS).extracting(TimerRule::timer).containsExactlyInAnyOrder(Timer.values());
    }
}
