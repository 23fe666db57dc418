package dev.syncshift.migrator.cli;

/** One-line messages for people, from exceptions (never a stack trace). */
final class Messages {

    private Messages() {
    }

    /** The message of the root cause of {@code failure}, first line only. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (message.contains("Database may be already in use")) {
            return "the job repository is in use by another run (one run per --work-dir at a time)";
        }
        return message.lines().findFirst().orElse(message);
    }
}
