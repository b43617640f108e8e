package org.smallbms.core.bms;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.smallbms.core.firmware.FirmwareImage;
import org.smallbms.core.settings.Setting;

/**
 * A user's command (UI-04, MON-05, HIST-03, REM-03, FW-01..03). The values are what the user asked for, not yet
 * checked: {@link Bms#handle} checks them and answers with a refusal that says why.
 *
 * <p>A number a user types arrives as the {@code double} the front end read, NaN, infinities and all: the core refuses
 * what is not a finite value in range, so no front end can turn NaN into 0 % by a cast on the way in.
 *
 * <p>Each command names the handler that carries it out, so a new command does not compile until it has one.
 */
public sealed interface Command {

    /** Carries the command out: {@link Bms#handle} is the entry point. */
    CommandResult applyTo(BmsState state, Instant now);

    /** What a device must have for this command: a device without it refuses the command (CLS-04). */
    DeviceProfile.Feature needs();

    /** What the command does, in words, for a refusal. */
    default String describe() {
        return switch (needs()) {
            case SETTINGS -> "settings to change";
            case BATTERY_MONITOR -> "a battery monitor whose SoC could be set or synchronised";
            case HISTORY -> "a history to reset";
            case FIRMWARE_UPDATE -> "firmware updates";
            case BLUETOOTH -> "Bluetooth";
        };
    }

    /** SET-01, SET-02: change one setting to a value in the unit its schema names (a whole number of it). */
    record ChangeSetting(Setting setting, double value) implements Command {
        public ChangeSetting {
            Objects.requireNonNull(setting, "setting");
        }

        @Override
        public DeviceProfile.Feature needs() {
            return DeviceProfile.Feature.SETTINGS;
        }

        @Override
        public CommandResult applyTo(BmsState state, Instant now) {
            return Bms.changeSetting(state, now, setting, value);
        }
    }

    /**
     * SET-01, SET-02: change several settings at once, checked as one change: each value as for
     * {@link ChangeSetting}, and the set they make must keep the rules across settings (the low SoC warning level at
     * or above the discharge floor), whatever order they come in. Accepted, it gives one event per setting whose value
     * changed; refused, it changes nothing and names the values not allowed, or the rule and the settings it concerns.
     *
     * @param values the requested values by setting, in the unit each schema names; kept in schema order
     */
    record ChangeSettings(Map<Setting, Double> values) implements Command {
        public ChangeSettings {
            Objects.requireNonNull(values, "values");
            EnumMap<Setting, Double> copy = new EnumMap<>(Setting.class);
            values.forEach((setting, value) -> copy.put(Objects.requireNonNull(setting, "setting"),
                    Objects.requireNonNull(value, "value")));
            values = Collections.unmodifiableMap(copy);
        }

        @Override
        public DeviceProfile.Feature needs() {
            return DeviceProfile.Feature.SETTINGS;
        }

        @Override
        public CommandResult applyTo(BmsState state, Instant now) {
            return Bms.changeSettings(state, now, values);
        }
    }

    /** SET-03. */
    record ResetToDefaults() implements Command {
        @Override
        public DeviceProfile.Feature needs() {
            return DeviceProfile.Feature.SETTINGS;
        }

        @Override
        public CommandResult applyTo(BmsState state, Instant now) {
            return Bms.resetToDefaults(state, now);
        }
    }

    /** MON-05: set the state of charge, in percent (0..100, kept to 0.1 %). */
    record SetSoc(double socPercent) implements Command {
        @Override
        public DeviceProfile.Feature needs() {
            return DeviceProfile.Feature.BATTERY_MONITOR;
        }

        @Override
        public CommandResult applyTo(BmsState state, Instant now) {
            return Bms.setSoc(state, now, socPercent);
        }
    }

    /** MON-05: "Synchronise SoC to 100 %". */
    record Synchronise() implements Command {
        @Override
        public DeviceProfile.Feature needs() {
            return DeviceProfile.Feature.BATTERY_MONITOR;
        }

        @Override
        public CommandResult applyTo(BmsState state, Instant now) {
            return Bms.synchronise(state, now);
        }
    }

    /** HIST-03. */
    record ResetHistory() implements Command {
        @Override
        public DeviceProfile.Feature needs() {
            return DeviceProfile.Feature.HISTORY;
        }

        @Override
        public CommandResult applyTo(BmsState state, Instant now) {
            return Bms.resetHistory(state, now);
        }
    }

    /** REM-03: Mode on or off. */
    record SetMode(boolean on) implements Command {
        @Override
        public DeviceProfile.Feature needs() {
            return DeviceProfile.Feature.SETTINGS;
        }

        @Override
        public CommandResult applyTo(BmsState state, Instant now) {
            return Bms.changeSetting(state, now, Setting.MODE, on ? 1 : 0);
        }
    }

    /** FW-01, FW-03: start an update with this image. */
    record StartFirmwareUpdate(FirmwareImage image) implements Command {
        public StartFirmwareUpdate {
            Objects.requireNonNull(image, "image");
        }

        @Override
        public DeviceProfile.Feature needs() {
            return DeviceProfile.Feature.FIRMWARE_UPDATE;
        }

        @Override
        public CommandResult applyTo(BmsState state, Instant now) {
            return Bms.startFirmwareUpdate(state, now, image);
        }
    }

    /** FW-02: the update in progress has finished, applied or failed. */
    record FinishFirmwareUpdate(boolean applied, String detail) implements Command {
        public FinishFirmwareUpdate {
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public DeviceProfile.Feature needs() {
            return DeviceProfile.Feature.FIRMWARE_UPDATE;
        }

        @Override
        public CommandResult applyTo(BmsState state, Instant now) {
            return Bms.finishFirmwareUpdate(state, now, applied, detail);
        }
    }
}
