package org.smallbms.core.protection;

/** Where a firmware update stands (FW-01..03). */
public enum FirmwarePhase {
    IDLE,
    /** Transferring and applying: the Charge disconnect output is open (FW-01). */
    UPDATING,
    /** Failed; the Load disconnect output opens 120 s after the first failure unless a retry succeeds (FW-02). */
    FAILED
}
