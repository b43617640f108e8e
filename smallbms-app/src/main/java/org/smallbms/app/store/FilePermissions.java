package org.smallbms.app.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data directory holds the PIN's hash and the Instant Readout key: only its owner may read it. A new directory is
 * made {@code rwx------} and the store's files {@code rw-------}. On a file system without POSIX permissions nothing
 * is changed.
 */
final class FilePermissions {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private FilePermissions() {
    }

    /** Creates {@code directory} (and its parents) if missing; the directory itself only its owner's. */
    static void createPrivateDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (posix(parent)) {
                FileAttribute<Set<PosixFilePermission>> owner = PosixFilePermissions.asFileAttribute(
                        OWNER_DIRECTORY);
                Files.createDirectory(directory, owner);
            } else {
                Files.createDirectory(directory);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(directory)) {
                throw e;
            }
        }
    }

    /** Creates {@code file} empty and only its owner's when it does not exist. */
    static void createPrivateFile(Path file) throws IOException {
        try {
            if (posix(file.toAbsolutePath().getParent())) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // Made by a process before us; its permissions are set below.
        }
        ownerOnly(file);
    }

    /** Takes group and other permissions from an existing {@code file}; a missing one is left missing. */
    static void ownerOnly(Path file) throws IOException {
        if (Files.isRegularFile(file) && posix(file)) {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
            if (!OWNER_FILE.containsAll(now)) {
                now.retainAll(OWNER_FILE);
                Files.setPosixFilePermissions(file, now);
            }
        }
    }

    private static boolean posix(Path path) {
        return path != null && Files.getFileAttributeView(path,
                java.nio.file.attribute.PosixFileAttributeView.class) != null;
    }
}
