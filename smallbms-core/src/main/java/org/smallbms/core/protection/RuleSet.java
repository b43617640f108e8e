package org.smallbms.core.protection;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.codes.Conditions;

/**
 * One device's protection as data: its timers, its rows in the order the step decides them, and whether it detects
 * and validates the bank itself. The smallBMS NG reads its batteries' data and judges the bank; the classic smallBMS
 * switches on the signals its Lithium Battery Smart batteries send (CLS-02) and knows no bank. {@link Protection}
 * steps either the same way.
 */
public final class RuleSet {

    /** The smallBMS NG: {@link Rules#TIMERS} and {@link Rules#NG}. */
    public static final RuleSet NG = new RuleSet("smallBMS NG", Rules.TIMERS, Rules.NG, true);
    /** The classic smallBMS with pre-alarm: no timers, {@link Rules#CLASSIC}. */
    public static final RuleSet CLASSIC = new RuleSet("smallBMS with pre-alarm", List.of(), Rules.CLASSIC, false);

    private final String device;
    private final List<TimerRule> timers;
    private final List<Rule> rows;
    private final boolean detectsBank;
    private final Map<Condition, Rule> byCondition;
    private final Conditions conditions;
    // The same rows, made fast to go down: the step reads them every tick.
    private final CompiledRules compiledRules;
    private final CompiledTimers compiledTimers;

    private RuleSet(String device, List<TimerRule> timers, List<Rule> rows, boolean detectsBank) {
        this.device = device;
        this.timers = List.copyOf(timers);
        this.rows = List.copyOf(rows);
        this.detectsBank = detectsBank;
        Map<Condition, Rule> map = new EnumMap<>(Condition.class);
        long bits = 0;
        for (Rule rule : rows) {
            if (map.put(rule.condition(), rule) != null) {
                throw new IllegalStateException(device + ": " + rule.condition() + " has two rows");
            }
            bits |= Conditions.of(rule.condition()).bits();
        }
        this.byCondition = map;
        this.conditions = new Conditions(bits);
        this.compiledRules = new CompiledRules(rows);
        this.compiledTimers = new CompiledTimers(timers);
    }

    /** The device whose rules these are, as its label names it. */
    public String device() {
        return device;
    }

    /** Every condition a row of this table can raise. */
    public Conditions conditions() {
        return conditions;
    }

    /** Whether the device detects and validates the bank from its batteries' data (TOP-01..09). */
    public boolean detectsBank() {
        return detectsBank;
    }

    List<TimerRule> timers() {
        return timers;
    }

    List<Rule> rows() {
        return rows;
    }

    CompiledRules compiledRules() {
        return compiledRules;
    }

    CompiledTimers compiledTimers() {
        return compiledTimers;
    }

    /** The row of {@code condition}; an error for a condition this device does not have. */
    Rule row(Condition condition) {
        Rule rule = byCondition.get(condition);
        if (rule == null) {
            throw new IllegalArgumentException(device + " has no row for " + condition);
        }
        return rule;
    }

    /**
     * The table as docs/protection.md shows it: the timers, then the rows in the order the step decides them. Made
     * from the rows themselves, so the document cannot drift from what decides.
     */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        if (!timers.isEmpty()) {
            md.append("| Timer | Sets when | after | Clears when | after | When the frame cannot tell |\n");
            md.append("|---|---|---|---|---|---|\n");
            for (TimerRule t : timers) {
                md.append("| `").append(t.timer()).append("` | ").append(t.sets().description()).append(" | ")
                        .append(seconds(t.timer().setDelay())).append(" | ").append(t.clears().description())
                        .append(" | ").append(seconds(t.timer().clearDelay())).append(" | ")
                        .append(t.whenBlind()).append(" |\n");
            }
            md.append('\n');
        }
        md.append("| Row | Condition | Severity | Effect | Holds when |\n");
        md.append("|---|---|---|---|---|\n");
        int row = 1;
        for (Rule rule : rows) {
            Condition c = rule.condition();
            md.append("| ").append(row++).append(" | ").append(c.label()).append(" (").append(c.message())
                    .append(") | ").append(c.severity().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(c.effect().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" | ")
                    .append(rule.holdsWhen()).append(" |\n");
        }
        return md.toString();
    }

    private static String seconds(Duration d) {
        return d.isZero() ? "at once" : d.toSeconds() + " s";
    }

    @Override
    public String toString() {
        return device;
    }
}
