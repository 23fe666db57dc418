package dev.syncshift.emulator.appsync.rules;

/** A control-plane resource that does not exist, e.g. an unknown API id: HTTP 404. */
public final class NotFoundException extends AppSyncServiceException {

    private static final long serialVersionUID = 1L;

    NotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "NotFoundException";
    }
}
