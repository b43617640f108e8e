package org.smallbms.core.settings;

import java.util.Objects;

/** The answer to a settings change: the new settings, or a refusal that says why and changes nothing (SET-02). */
public sealed interface SettingChange {

    /** @param settings the settings after the change */
    record Accepted(Settings settings) implements SettingChange {
        public Accepted {
            Objects.requireNonNull(settings, "settings");
        }
    }

    /** @param message names the setting, the rule and the allowed range */
    record Refused(String message) implements SettingChange {
        public Refused {
            Objects.requireNonNull(message, "message");
        }
    }
}
