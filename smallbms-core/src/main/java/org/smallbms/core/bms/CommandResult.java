package org.smallbms.core.bms;

import java.util.Objects;

/** The answer to a {@link Command}: the new state with the command's events, or a refusal that changes nothing. */
public sealed interface CommandResult {

    /** The state after the command, whatever the answer: on a refusal, the state the command was given. */
    BmsState state();

    /** @param state the state after the command; its events are the command's */
    record Accepted(BmsState state) implements CommandResult {
        public Accepted {
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * @param state the state the command was given, unchanged
     * @param message what was refused and why: the setting or value, the rule, what is allowed
     */
    record Rejected(BmsState state, String message) implements CommandResult {
        public Rejected {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(message, "message");
        }
    }
}
