/**
 * The one loop body every driver runs ({@link org.smallbms.core.driver.ClosedLoop}) and the port it drives
 * ({@link org.smallbms.core.driver.Plant}): a simulated system or, one day, real hardware.
 */
package org.smallbms.core.driver;
