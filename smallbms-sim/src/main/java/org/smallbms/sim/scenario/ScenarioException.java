package org.smallbms.sim.scenario;

/**
 * A scenario that cannot be run: where (file, line, field), what is wrong and what is allowed. Nothing ran. The
 * parts are {@link Printable#escape escaped} and cut to a bounded length, since they quote what a user typed and
 * end up on a terminal.
 */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;
    /** Longer parts are cut: a message points at the fault, it need not repeat a whole file. */
    private static final int MAX_PART_CHARS = 1000;

    private final String source;
    private final int line;
    private final String field;
    private final String problem;

    public ScenarioException(String source, int line, String field, String problem) {
        super(bounded(source) + (line > 0 ? ":" + line : "") + ": "
                + (field.isEmpty() ? "" : bounded(field) + ": ") + bounded(problem));
        this.source = bounded(source);
        this.line = line;
        this.field = bounded(field);
        this.problem = bounded(problem);
    }

    private static String bounded(String part) {
        String cut = part.length() > MAX_PART_CHARS ? part.substring(0, MAX_PART_CHARS) + "…" : part;
        return Printable.escape(cut);
    }

    public String source() {
        return source;
    }

    /** The line in the file, 1-based; 0 when unknown. */
    public int line() {
        return line;
    }

    /** The field's path, for example {@code components[1].control.output}; empty for the whole file. */
    public String field() {
        return field;
    }

    /** What is wrong and what is allowed. */
    public String problem() {
        return problem;
    }
}
