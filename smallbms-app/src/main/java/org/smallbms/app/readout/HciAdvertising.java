package org.smallbms.app.readout;

/**
 * What a Bluetooth controller would be sent to broadcast an advertisement (documented in docs/instant-readout.md;
 * no transport is built): the HCI command LE Set Advertising Data (OGF 0x08, OCF 0x0008), as an H4 packet, whose 31
 * bytes of advertising data are the flags (LE general discoverable, no BR/EDR) and the manufacturer specific data:
 * Victron's company id, then the advertisement. Flags (3), the AD header (2), the company id (2) and our 24 bytes are
 * exactly the 31 a legacy advertisement holds, so the device's name has to go in the scan response.
 */
public final class HciAdvertising {

    /** An H4 packet that carries an HCI command. */
    static final int COMMAND_PACKET = 0x01;
    /** LE Set Advertising Data: OGF 0x08 (LE controller), OCF 0x0008. */
    static final int SET_ADVERTISING_DATA = 0x08 << 10 | 0x0008;
    /** A legacy advertisement's data. */
    static final int ADVERTISING_DATA_BYTES = 31;
    private static final int FLAGS_TYPE = 0x01;
    /** LE General Discoverable Mode, BR/EDR not supported. */
    private static final int FLAGS = 0x06;
    private static final int MANUFACTURER_TYPE = 0xFF;
    private static final int BYTE = 8;

    private HciAdvertising() {
    }

    /**
     * The H4 packet of LE Set Advertising Data for {@code advertisement} (the manufacturer data after the company
     * id): type, opcode (LSB first), parameter length 32, data length, and 31 bytes of data, zero after the last AD.
     */
    public static byte[] setAdvertisingData(byte[] advertisement) {
        int used = 3 + 2 + 2 + advertisement.length;
        if (used > ADVERTISING_DATA_BYTES) {
            throw new IllegalArgumentException("an advertisement of " + advertisement.length + " bytes does not fit "
                    + "a legacy advertisement's " + ADVERTISING_DATA_BYTES + " bytes with the flags");
        }
        byte[] packet = new byte[4 + 1 + ADVERTISING_DATA_BYTES];
        int at = 0;
        packet[at++] = COMMAND_PACKET;
        packet[at++] = (byte) SET_ADVERTISING_DATA;
        packet[at++] = (byte) (SET_ADVERTISING_DATA >>> BYTE);
        packet[at++] = (byte) (1 + ADVERTISING_DATA_BYTES);
        packet[at++] = (byte) used;
        packet[at++] = 2;
        packet[at++] = FLAGS_TYPE;
        packet[at++] = FLAGS;
        packet[at++] = (byte) (1 + 2 + advertisement.length);
        packet[at++] = (byte) MANUFACTURER_TYPE;
        packet[at++] = (byte) Container.COMPANY_ID;
        packet[at++] = (byte) (Container.COMPANY_ID >>> BYTE);
        System.arraycopy(advertisement, 0, packet, at, advertisement.length);
        return packet;
    }
}
