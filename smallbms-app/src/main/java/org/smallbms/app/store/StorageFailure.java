package org.smallbms.app.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What went wrong with the disk, in words a user can act on: "the disk is full", "the file system is read-only",
 * rather than a driver's text ("[SQLITE_FULL] Insertion failed because database is full").
 */
public final class StorageFailure {

    /** The kinds of failure a user can do something about, and the rest. */
    public enum Kind { DISK_FULL, READ_ONLY, PERMISSION, NOT_FOUND, OTHER }

    private StorageFailure() {
    }

    public static Kind kind(SQLException e) {
        if (e instanceof SQLiteException x) {
            SQLiteErrorCode code = x.getResultCode();
            String name = code.name();
            if (code == SQLiteErrorCode.SQLITE_FULL || name.startsWith("SQLITE_IOERR") && detail(e).contains("full")) {
                return Kind.DISK_FULL;
            }
            if (name.startsWith("SQLITE_READONLY")) {
                return Kind.READ_ONLY;
            }
            if (code == SQLiteErrorCode.SQLITE_PERM || name.startsWith("SQLITE_AUTH")) {
                return Kind.PERMISSION;
            }
        }
        return Kind.OTHER;
    }

    public static Kind kind(IOException e) {
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : "";
        reason = reason.toLowerCase(Locale.ROOT);
        if (reason.contains("no space left")) {
            return Kind.DISK_FULL;
        }
        if (reason.contains("read-only")) {
            return Kind.READ_ONLY;
        }
        if (e instanceof AccessDeniedException || reason.contains("permission denied")) {
            return Kind.PERMISSION;
        }
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException
                || reason.contains("not a directory")) {
            return Kind.NOT_FOUND;
        }
        return Kind.OTHER;
    }

    /** The failure in words: what happened, with the driver's or the OS's detail after it. */
    public static String describe(SQLException e) {
        return switch (kind(e)) {
            case DISK_FULL -> "the disk is full (" + detail(e) + ")";
            case READ_ONLY -> "the file or its directory is read-only (" + detail(e) + ")";
            case PERMISSION -> "permission denied (" + detail(e) + ")";
            case NOT_FOUND, OTHER -> detail(e);
        };
    }

    public static String describe(IOException e) {
        String what = e instanceof FileSystemException f ? f.getFile() + ": " + (f.getReason() != null
                ? f.getReason() : f.getClass().getSimpleName()) : String.valueOf(e.getMessage());
        return switch (kind(e)) {
            case DISK_FULL -> "the disk is full (" + what + ")";
            case READ_ONLY -> "the file system is read-only (" + what + ")";
            case PERMISSION -> "permission denied (" + what + ")";
            case NOT_FOUND -> "a part of the path is missing or not a directory (" + what + ")";
            case OTHER -> what;
        };
    }

    /** What the user can do about it. */
    static String fix(IOException e, Path directory) {
        return switch (kind(e)) {
            case DISK_FULL -> "Free some space on the disk, then start again.";
            case READ_ONLY, PERMISSION -> "Make " + directory + " writable for this user, or give --data another "
                    + "directory.";
            case NOT_FOUND, OTHER -> "Give --data a directory this user can create and write.";
        };
    }

    /** The driver's message without its bracketed code: "[SQLITE_FULL] database or disk is full" → the words. */
    private static String detail(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith("[") && message.indexOf("] ") > 0 ? message.substring(message.indexOf("] ") + 2)
                : message;
    }
}
