package org.smallbms.core.settings;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.smallbms.core.bank.SystemVoltage;

/**
 * One complete, valid set of setting values for a system voltage. Immutable; every change returns a new instance or
 * a refusal, so a refused change cannot leave a half-applied set behind (SET-02).
 *
 * <p>Rules beyond each setting's own range: the low SoC warning level is at or above the discharge floor (SET-01),
 * so the warning comes before the shutdown. A change of several settings is checked as a whole: the rules apply to
 * the set it makes, not to each step on the way.
 *
 * <p>The values are kept as an {@code int} per setting, by ordinal, behind the {@link Map} view: the control step
 * reads seven of them every tick, and an {@code EnumMap} of boxed values behind an unmodifiable view cost a lookup,
 * a type check and an unboxing for each.
 *
 * @param system the system voltage the scaled settings are for; 12 V until a bank is detected
 * @param values every setting's value, in the unit its schema names; an unmodifiable map in schema order
 */
public record Settings(SystemVoltage system, Map<Setting, Integer> values) {

    public Settings {
        Objects.requireNonNull(system, "system");
        EnumMap<Setting, Integer> copy = new EnumMap<>(Setting.class);
        copy.putAll(values);
        for (Setting setting : Setting.values()) {
            Integer value = copy.get(setting);
            if (value == null) {
                throw new IllegalArgumentException("values has no " + setting.key() + ": every setting has a value");
            }
            String problem = setting.rangeProblem(system, value);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        String inconsistency = inconsistency(copy, EnumSet.of(Setting.LOW_SOC_WARNING));
        if (inconsistency != null) {
            throw new IllegalArgumentException(inconsistency);
        }
        values = values instanceof Values same ? same : new Values(copy);
    }

    /** Factory settings for a system. */
    public static Settings defaults(SystemVoltage system) {
        EnumMap<Setting, Integer> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            values.put(setting, setting.defaultFor(system));
        }
        return new Settings(system, values);
    }

    public int get(Setting setting) {
        return ((Values) values).array[setting.ordinal()];
    }

    /**
     * SET-02: the settings with {@code setting} at {@code value}, or a refusal that names the setting, the rule and
     * the allowed range. A refusal changes nothing.
     */
    public SettingChange change(Setting setting, int value) {
        Objects.requireNonNull(setting, "setting");
        return change(Map.of(setting, value));
    }

    /**
     * SET-01, SET-02: the settings with every one of {@code changes} at its value, checked as one change: each value
     * must be allowed on its own, and the set they make must keep the rules, whatever order the changes are listed
     * in (a floor of 30 % with a warning level of 40 % is one valid change, though the floor alone is not). A refusal
     * names every value not allowed, or the rule the set would break and the settings it concerns; it changes
     * nothing.
     */
    public SettingChange change(Map<Setting, Integer> changes) {
        EnumMap<Setting, Double> given = new EnumMap<>(Setting.class);
        changes.forEach((setting, value) -> given.put(Objects.requireNonNull(setting, "setting"),
                (double) Objects.requireNonNull(value, "value")));
        return changeAsGiven(given);
    }

    /**
     * {@link #change(Map)} with the values as a user gave them: a value that is not a finite whole number (NaN, an
     * infinity, a fraction, beyond the int range) is refused like one out of range, never cast on the way in.
     */
    public SettingChange changeAsGiven(Map<Setting, Double> changes) {
        Objects.requireNonNull(changes, "changes");
        EnumMap<Setting, Integer> changed = new EnumMap<>(values);
        Set<Setting> given = EnumSet.noneOf(Setting.class);
        List<String> problems = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            if (!changes.containsKey(setting)) {
                continue;
            }
            double value = Objects.requireNonNull(changes.get(setting), setting.key());
            String problem = setting.rule(system, value);
            if (problem != null) {
                problems.add(problem);
            } else {
                changed.put(setting, (int) value);
                given.add(setting);
            }
        }
        if (!problems.isEmpty()) {
            return new SettingChange.Refused(String.join(" ", problems) + Setting.NOTHING_CHANGED);
        }
        if (changed.equals(values)) {
            return new SettingChange.Accepted(this);
        }
        String inconsistency = inconsistency(changed, given);
        if (inconsistency != null) {
            return new SettingChange.Refused(inconsistency);
        }
        return new SettingChange.Accepted(new Settings(system, changed));
    }

    /** SET-03: exactly the settings whose schema says so back at their defaults; the others as they are. */
    public Settings resetToDefaults() {
        EnumMap<Setting, Integer> reset = new EnumMap<>(values);
        for (Setting setting : Setting.values()) {
            if (setting.resetByDefaults()) {
                reset.put(setting, setting.defaultFor(system));
            }
        }
        return reset.equals(values) ? this : new Settings(system, reset);
    }

    /**
     * The same settings for another system voltage: a setting that scales with the system keeps its value per 12.8 V
     * in series (14.0 V on a 12 V system is 28.0 V on a 24 V system), so it stays within its range.
     */
    public Settings forSystem(SystemVoltage next) {
        if (next == system) {
            return this;
        }
        EnumMap<Setting, Integer> scaled = new EnumMap<>(values);
        for (Setting setting : Setting.values()) {
            if (setting.scalesWithSystem()) {
                scaled.put(setting, get(setting) / setting.multiplier(system) * setting.multiplier(next));
            }
        }
        return new Settings(next, scaled);
    }

    /** The settings whose values differ from {@code other}'s, in schema order. */
    public List<Setting> differences(Settings other) {
        List<Setting> changed = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            if (get(setting) != other.get(setting)) {
                changed.add(setting);
            }
        }
        return changed;
    }

    public int chargedMillivolts() {
        return get(Setting.CHARGED_VOLTAGE);
    }

    /** The tail current in tenths of a percent of the bank capacity. */
    public int tailCurrentPermille() {
        return get(Setting.TAIL_CURRENT);
    }

    public Duration chargedDetectionTime() {
        return Duration.ofMinutes(get(Setting.CHARGED_DETECTION_TIME));
    }

    public int lowSocWarningPercent() {
        return get(Setting.LOW_SOC_WARNING);
    }

    public int dischargeFloorPercent() {
        return get(Setting.DISCHARGE_FLOOR);
    }

    public int preAlarmCellMillivolts() {
        return get(Setting.PRE_ALARM_LEVEL);
    }

    public boolean modeOn() {
        return get(Setting.MODE) == 1;
    }

    public boolean bluetoothOn() {
        return get(Setting.BLUETOOTH) == 1;
    }

    public boolean instantReadoutOn() {
        return get(Setting.INSTANT_READOUT) == 1;
    }

    /**
     * Why these values do not fit together, worded from the side of the settings that {@code changed} (which to
     * change first, or with it); null if they fit.
     */
    private static String inconsistency(Map<Setting, Integer> values, Set<Setting> changed) {
        int warning = values.get(Setting.LOW_SOC_WARNING);
        int floor = values.get(Setting.DISCHARGE_FLOOR);
        if (warning >= floor) {
            return null;
        }
        String rule = " the low SoC warning level must be at or above the discharge floor, so the warning comes "
                + "before the shutdown";
        boolean floorChanged = changed.contains(Setting.DISCHARGE_FLOOR);
        if (floorChanged && changed.contains(Setting.LOW_SOC_WARNING)) {
            return "Low SoC warning level = " + warning + " % is below Discharge floor = " + floor + " % in the same "
                    + "change:" + rule + ". Give a warning level of at least " + floor + " % or a floor of at most "
                    + warning + " %." + Setting.NOTHING_CHANGED;
        }
        if (floorChanged) {
            return "Discharge floor = " + floor + " % is above the low SoC warning level " + warning + " %:" + rule
                    + ". The allowed values are 0.." + warning + " % (raise the warning level first, or in the same "
                    + "change)." + Setting.NOTHING_CHANGED;
        }
        return "Low SoC warning level = " + warning + " % is below the discharge floor " + floor + " %:" + rule
                + ". The allowed values are " + floor + "..99 % (lower the discharge floor first, or in the same "
                + "change)." + Setting.NOTHING_CHANGED;
    }

    /** Every setting's value by ordinal, as an unmodifiable map in schema order that equals any map of the same. */
    private static final class Values extends AbstractMap<Setting, Integer> {

        private static final Setting[] SETTINGS = Setting.values();

        private final int[] array = new int[SETTINGS.length];

        Values(Map<Setting, Integer> complete) {
            for (Setting setting : SETTINGS) {
                array[setting.ordinal()] = complete.get(setting);
            }
        }

        @Override
        public int size() {
            return array.length;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof Setting;
        }

        @Override
        public Integer get(Object key) {
            return key instanceof Setting setting ? array[setting.ordinal()] : null;
        }

        @Override
        public Set<Entry<Setting, Integer>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return array.length;
                }

                @Override
                public Iterator<Entry<Setting, Integer>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < array.length;
                        }

                        @Override
                        public Entry<Setting, Integer> next() {
                            if (next >= array.length) {
                                throw new NoSuchElementException();
                            }
                            Setting setting = SETTINGS[next];
                            return new SimpleImmutableEntry<>(setting, array[next++]);
                        }
                    };
                }
            };
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Values other ? Arrays.equals(array, other.array) : super.equals(o);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
