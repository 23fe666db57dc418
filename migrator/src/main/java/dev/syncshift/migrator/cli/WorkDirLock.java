package dev.syncshift.migrator.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The lock a run holds on its work dir while it uses the job repository there. A second migrator given the same work
 * dir (the same command started twice, a {@code verify} beside a {@code migrate}) is refused before it starts, naming
 * the work dir and the process that holds it, instead of failing inside the repository's own file lock. The operating
 * system releases the lock when the holder exits, however it ends.
 */
final class WorkDirLock implements AutoCloseable {

    /** The lock file in the work dir; it holds the holder's process id. */
    static final String FILE = "migrator.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private WorkDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code workDir}, which exists, and writes this process's id into it.
     *
     * @return the lock; empty when another process (or another run of this one) holds it
     * @throws IOException when the lock file cannot be made or written
     */
    static Optional<WorkDirLock> take(Path workDir) throws IOException {
        FileChannel channel = FileChannel.open(workDir.resolve(FILE), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)), 0);
            return Optional.of(new WorkDirLock(channel, lock));
        } catch (OverlappingFileLockException e) {
            channel.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The id of the process that holds {@code workDir}'s lock, when its lock file says so. */
    static Optional<String> holder(Path workDir) {
        try {
            String pid = Files.readString(workDir.resolve(FILE), StandardCharsets.US_ASCII).strip();
            return pid.matches("[0-9]{1,19}") ? Optional.of(pid) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Releases the lock; a failure to is left to the operating system, which releases it when the process ends. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // nothing to tell the user: the run is over either way
        }
    }
}
