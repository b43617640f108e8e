/**
 * Firmware images and their check before an update (FW-03). The update's effect on the outputs lives in the
 * protection step (FW-01, FW-02). Depends on the JDK only (SHA-256 from {@link java.security.MessageDigest}).
 */
package org.smallbms.core.firmware;
