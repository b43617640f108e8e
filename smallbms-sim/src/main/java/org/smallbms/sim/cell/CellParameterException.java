package org.smallbms.sim.cell;

/**
 * A cell parameter set that breaks a rule: the message names the field (as written in the JSON file), the value,
 * the rule and how to fix it. Thrown by the loader for a user's file and by the records for a programmer's values.
 */
public final class CellParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public CellParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field as written in the JSON file, for example {@code resistance.r0Ohms}. */
    public String field() {
        return field;
    }

    /** Throws unless {@code ok}: "{@code field} = {@code value} {@code rule}: {@code fix}". */
    static void check(boolean ok, String field, Object value, String rule, String fix) {
        if (!ok) {
            throw new CellParameterException(field, field + " = " + value + " " + rule + ": " + fix);
        }
    }

    /** A finite number above zero. */
    static void checkPositive(String field, double value, String fix) {
        check(Double.isFinite(value) && value > 0, field, value, "must be a number above 0", fix);
    }

    /** A finite number within {@code min..max}. */
    static void checkRange(String field, double value, double min, double max, String fix) {
        check(Double.isFinite(value) && value >= min && value <= max, field, value,
                "is outside the allowed " + min + ".." + max, fix);
    }
}
