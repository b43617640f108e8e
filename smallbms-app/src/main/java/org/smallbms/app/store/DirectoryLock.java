package org.smallbms.app.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One process per data directory: an OS lock on {@value #FILE_NAME} in the directory, held while the store is open.
 * The operating system releases it when the process ends, however it ends (Ctrl-C, SIGKILL, a power cut), so a
 * crash never leaves a directory locked. The file says which process holds the lock, so a second one can name it.
 */
final class DirectoryLock implements AutoCloseable {

    /** The lock file in the data directory. */
    static final String FILE_NAME = "smallbms.lock";
    /** What the holder writes about itself is short; a larger file is read only this far. */
    private static final int MAX_HOLDER_BYTES = 512;

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code directory} for this process, or says who holds it.
     *
     * @param purpose what this process does with the directory, for the message another process shows
     */
    static DirectoryLock acquire(Path directory, String purpose, Instant now) throws StoreUnavailableException {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FilePermissions.ownerOnly(file);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot use the data directory " + directory + ": "
                    + StorageFailure.describe(e) + ". " + StorageFailure.fix(e, directory), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreUnavailableException("cannot lock the data directory " + directory + ": "
                    + StorageFailure.describe(e), e);
        }
        if (lock == null) {
            String holder = holder(channel);
            closeQuietly(channel);
            throw new StoreUnavailableException("the data directory " + directory + " is in use by another "
                    + "smallbms (" + holder + "): one process at a time keeps a device. Stop that one first, or "
                    + "give --data another directory. Nothing was started.", null);
        }
        try {
            String text = "process " + ProcessHandle.current().pid() + ", " + purpose + " since "
                    + now.truncatedTo(ChronoUnit.SECONDS) + " (wall clock)\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            // The lock holds without the note; a second process then names no process, only the directory.
        }
        return new DirectoryLock(channel, lock);
    }

    /** What the holder wrote about itself, as one line of plain text. */
    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(MAX_HOLDER_BYTES);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
            String line = text.lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", "?");
            return line.isEmpty() ? "a process that has not said which" : line;
        } catch (IOException e) {
            return "a process that cannot be named: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel releases it as well.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // The OS releases the lock with the descriptor either way.
        }
    }
}
