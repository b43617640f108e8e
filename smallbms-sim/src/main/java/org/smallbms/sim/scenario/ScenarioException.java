package org.smallbms.sim.scenario;

/** A scenario that cannot be run: where (file, line, field), what is wrong and what is allowed. Nothing ran. */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String field;
    private final String problem;

    public ScenarioException(String source, int line, String field, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.source = source;
        this.line = line;
        this.field = field;
        this.problem = problem;
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
