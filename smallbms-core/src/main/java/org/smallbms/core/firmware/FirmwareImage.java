package org.smallbms.core.firmware;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A firmware image as it arrives for an update: the model it is built for, its version, its payload and the SHA-256
 * the payload must have. FW-03: the image is checked (integrity, model) before it is applied.
 *
 * @param target the model the image is built for, for example {@code "smallBMS NG"}
 * @param version the version it brings, for example {@code "v1.12"}
 * @param payload the bytes to apply (copied)
 * @param sha256 the SHA-256 of the payload as published with it (copied)
 */
public record FirmwareImage(String target, String version, byte[] payload, byte[] sha256) {

    public FirmwareImage {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
        payload = payload.clone();
        sha256 = sha256.clone();
    }

    /** An image whose checksum matches its payload. */
    public static FirmwareImage signed(String target, String version, byte[] payload) {
        return new FirmwareImage(target, version, payload, digest(payload));
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /** What is wrong with this image for a device of model {@code expectedTarget}; empty when it may be applied. */
    public Optional<String> problem(String expectedTarget) {
        if (!target.equals(expectedTarget)) {
            return Optional.of("the image is for a " + target + ", this device is a " + expectedTarget);
        }
        if (payload.length == 0) {
            return Optional.of("the image is empty");
        }
        if (!MessageDigest.isEqual(digest(payload), sha256)) {
            return Optional.of("checksum mismatch: the image is corrupt (SHA-256 " + HexFormat.of().formatHex(
                    digest(payload)) + ", expected " + HexFormat.of().formatHex(sha256) + ")");
        }
        return Optional.empty();
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FirmwareImage other && target.equals(other.target) && version.equals(other.version)
                && Arrays.equals(payload, other.payload) && Arrays.equals(sha256, other.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, version, Arrays.hashCode(payload), Arrays.hashCode(sha256));
    }

    @Override
    public String toString() {
        return "FirmwareImage[" + target + " " + version + ", " + payload.length + " bytes]";
    }
}
