package org.smallbms.core.bank;

import java.util.Objects;

/**
 * One battery of the detected bank: what identifies it (TOP-01).
 *
 * @param serial serial number
 * @param model model, hence nominal voltage and capacity
 * @param firmwareVersion firmware version
 */
public record BankBattery(String serial, BatteryModel model, String firmwareVersion) {

    public BankBattery {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(firmwareVersion, "firmwareVersion");
    }

    static BankBattery of(BatteryReading reading) {
        return new BankBattery(reading.serial(), reading.model(), reading.firmwareVersion());
    }
}
