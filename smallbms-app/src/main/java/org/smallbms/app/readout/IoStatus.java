package org.smallbms.app.readout;

/**
 * The BMS record's IO status (VE_REG_BMS_IO): seven 2-bit fields, each not available, yes or no. The bits are kept
 * as received, the two reserved ones and the undefined value 3 included, so a record decodes and encodes to the
 * same bytes.
 *
 * @param bits the 16 bits, LSB first
 */
public record IoStatus(int bits) {

    /** A signal's field, in the order of its bits (two each, from bit 0). */
    public enum Signal {
        CONTACTOR_CLOSED("contactorClosed"),
        ALLOWED_TO_CHARGE("allowedToCharge"),
        ALLOWED_TO_DISCHARGE("allowedToDischarge"),
        USER_RELAY("userRelay"),
        AUX_OUTPUT("auxOutput"),
        REMOTE("remoteOn"),
        ALTERNATOR_ALLOWED_TO_CHARGE("alternatorAllowedToCharge");

        private final String key;

        Signal(String key) {
            this.key = key;
        }

        /** Its name in JSON. */
        public String key() {
            return key;
        }
    }

    /** A field's value: its ordinal is the 2-bit value sent. */
    public enum State {
        NOT_AVAILABLE, YES, NO, UNDEFINED
    }

    /** Every field not available. */
    public static final IoStatus NONE = new IoStatus(0);
    private static final int WIDTH = 16;
    private static final int FIELD = 2;
    private static final int FIELD_MASK = 0b11;

    public IoStatus {
        if (bits < 0 || bits > Bits.ones(WIDTH)) {
            throw new IllegalArgumentException("IO status bits = " + bits + " must fit in " + WIDTH + " bits");
        }
    }

    public State get(Signal signal) {
        return State.values()[(bits >>> (FIELD * signal.ordinal())) & FIELD_MASK];
    }

    /** This status with {@code signal} set to {@code state}. */
    public IoStatus with(Signal signal, State state) {
        int shift = FIELD * signal.ordinal();
        return new IoStatus((bits & ~(FIELD_MASK << shift)) | state.ordinal() << shift);
    }

    /** A signal that is yes or no; not available otherwise. */
    public static State of(boolean yes) {
        return yes ? State.YES : State.NO;
    }
}
