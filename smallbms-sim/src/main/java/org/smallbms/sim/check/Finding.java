package org.smallbms.sim.check;

import java.util.Objects;

/**
 * One finding of the system check.
 *
 * @param severity how bad
 * @param rule the requirement it checks, for example {@code SYS-01}
 * @param section the manual section, for example {@code Appendix A}
 * @param subject what it is about: a component's name, {@code bank}, {@code BMS}
 * @param message what is wrong (or, for INFO, what was found)
 * @param fix what to do; empty for INFO
 */
public record Finding(Severity severity, String rule, String section, String subject, String message, String fix) {

    /** How bad a finding is; the check fails on any error. */
    public enum Severity {
        ERROR, WARNING, INFO
    }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }
}
