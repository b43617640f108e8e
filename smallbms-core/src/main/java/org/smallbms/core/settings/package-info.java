/**
 * The user's settings (SET-01..03): one schema, {@link org.smallbms.core.settings.Setting}, declares each setting's
 * key, unit, default, range, step, whether it scales with the system voltage and whether "Reset to defaults" restores
 * it; {@link org.smallbms.core.settings.Settings} holds one valid set of values and refuses a change that breaks a
 * rule with a message naming the setting, the rule and the allowed range, changing nothing.
 *
 * <p>Values are integers in the unit the schema names: millivolts, permille of the bank capacity, minutes, percent,
 * 0/1 for on/off. What the BMS configures by itself (capacity, nominal voltage, batteries, series, parallel) is not a
 * setting: {@link org.smallbms.core.settings.BankConfiguration} reads it off the detected bank.
 *
 * <p>Depends on the JDK and {@code org.smallbms.core.bank} only.
 */
package org.smallbms.core.settings;
