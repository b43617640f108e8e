/**
 * The device step of the smallBMS NG: protection, battery monitor, history, balancer and settings as one pure
 * function, {@link org.smallbms.core.bms.Bms#step}, and the user's commands as another,
 * {@link org.smallbms.core.bms.Bms#handle}. {@link org.smallbms.core.bms.PersistedState} is what the runtime stores
 * so that a restart continues where the BMS stopped.
 *
 * <p>Units are those of the packages it joins: millivolts, milliamps, permille; battery current is positive when
 * charging. Nothing here reads a clock: time arrives as an argument.
 *
 * <p>Depends on the JDK and the other core packages only.
 */
package org.smallbms.core.bms;
