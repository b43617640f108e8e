package org.smallbms.app.store;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Who this device is: its serial number, the 16-byte key it encrypts Instant Readout with (IR-01), and the hash of
 * its PIN. Made once, when the data directory is new, and kept for the device's life.
 *
 * @param serial the serial number, Victron style: {@code HQ} + year and week of manufacture + five characters
 * @param readoutKey the AES-128 key of Instant Readout (copied)
 * @param pin the PIN's hash
 */
public record DeviceIdentity(String serial, byte[] readoutKey, PinHash pin) {

    private static final String SERIAL_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    public DeviceIdentity {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(pin, "pin");
        if (readoutKey.length != 16) {
            throw new IllegalArgumentException("readoutKey has " + readoutKey.length + " bytes: AES-128 needs 16");
        }
        readoutKey = readoutKey.clone();
    }

    @Override
    public byte[] readoutKey() {
        return readoutKey.clone();
    }

    /**
     * SET-01 (revised): a new device's PIN, six random digits. There is no universal default PIN; the device shows
     * this one once, as a label on a real one carries it.
     *
     * <p>Drawn from 000001..999999, never 000000: that was the universal PIN every old device shipped with, so a
     * store still on it is given a new one at open, and the new one must not be the PIN anyone could guess.
     */
    public static String randomPin(SecureRandom random) {
        return String.format(Locale.ROOT, "%06d", 1 + random.nextInt(999_999));
    }

    /** Why {@code pin} cannot be a PIN; empty when it can: exactly six digits. */
    public static Optional<String> pinProblem(String pin) {
        if (pin.length() == 6 && pin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of("a PIN is exactly six digits, 000000..999999 (the value given has "
                + pin.length() + " characters" + (pin.chars().allMatch(Character::isDigit) ? "" : ", not all digits")
                + ")");
    }

    /**
     * IR-01: the key that replaces {@code old}: 16 new random bytes, but the first is the old first byte plus one
     * (mod 256), as Victron's Instant Readout document asks. Every advertisement carries the key's first byte, so a
     * receiver that still holds the old key sees at once that it no longer fits, rather than decoding garbage.
     */
    public static byte[] nextReadoutKey(SecureRandom random, byte[] old) {
        byte[] key = new byte[old.length];
        random.nextBytes(key);
        key[0] = (byte) (old[0] + 1);
        return key;
    }

    /** A new device made at {@code now}, with the PIN {@code pin}. */
    static DeviceIdentity create(SecureRandom random, Instant now, String pin) {
        var date = now.atOffset(ZoneOffset.UTC);
        StringBuilder serial = new StringBuilder(String.format(Locale.ROOT, "HQ%02d%02d", date.getYear() % 100,
                date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        for (int i = 0; i < 5; i++) {
            serial.append(SERIAL_CHARACTERS.charAt(random.nextInt(SERIAL_CHARACTERS.length())));
        }
        byte[] key = new byte[16];
        random.nextBytes(key);
        return new DeviceIdentity(serial.toString(), key, PinHash.of(random, pin));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceIdentity other && serial.equals(other.serial)
                && MessageDigest.isEqual(readoutKey, other.readoutKey) && pin.equals(other.pin);
    }

    @Override
    public int hashCode() {
        return serial.hashCode();
    }

    @Override
    public String toString() {
        return "DeviceIdentity[" + serial + "]";
    }

    /**
     * A PIN as PBKDF2-HMAC-SHA256 with a random salt: what a client's PIN is checked against, so the identity table
     * never holds a PIN that can be read back.
     *
     * @param salt 16 random bytes (copied)
     * @param iterations the PBKDF2 iteration count
     * @param hash the derived 32 bytes (copied)
     */
    public record PinHash(byte[] salt, int iterations, byte[] hash) {

        /** OWASP's figure for PBKDF2-HMAC-SHA256 in 2023 is 600,000; a PIN hash is made once per PIN change. */
        static final int ITERATIONS = 600_000;

        public PinHash {
            salt = salt.clone();
            hash = hash.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }

        static PinHash of(SecureRandom random, String pin) {
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            return new PinHash(salt, ITERATIONS, derive(pin, salt, ITERATIONS));
        }

        /** Whether {@code pin} is the PIN this hash was made from, in constant time. */
        public boolean matches(String pin) {
            return MessageDigest.isEqual(hash, derive(pin, salt, iterations));
        }

        private static byte[] derive(String pin, byte[] salt, int iterations) {
            PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java platform has PBKDF2WithHmacSHA256", e);
            } finally {
                spec.clearPassword();
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PinHash other && iterations == other.iterations
                    && MessageDigest.isEqual(salt, other.salt) && MessageDigest.isEqual(hash, other.hash);
        }

        @Override
        public int hashCode() {
            return iterations;
        }

        @Override
        public String toString() {
            return "PinHash[PBKDF2-HMAC-SHA256, " + iterations + " iterations]";
        }
    }
}
