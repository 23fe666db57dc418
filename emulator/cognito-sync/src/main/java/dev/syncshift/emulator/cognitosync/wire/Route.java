package dev.syncshift.emulator.cognitosync.wire;

import dev.syncshift.emulator.cognitosync.rules.OperationNames;

/**
 * One operation of the routing table.
 *
 * @param operation the AWS operation name
 * @param protocol which service protocol it speaks
 * @param method the HTTP method (REST) or POST (AWS JSON)
 * @param path the path template (REST) or null (AWS JSON, routed by X-Amz-Target)
 * @param signed whether SigV4 credentials are required (false for GetId and the other unsigned Identity calls)
 * @param handler what serves it
 */
record Route(String operation, Protocol protocol, String method, PathTemplate path, boolean signed,
        OperationHandler handler) {

    static Route rest(String operation, String method, String path, OperationHandler handler) {
        return new Route(operation, Protocol.REST_JSON, method, new PathTemplate(path), true, handler);
    }

    /** An emulator-only route: unsigned, and never throttled, failed or delayed by injected faults. */
    static Route emulatorOnly(String operation, String method, String path, OperationHandler handler) {
        return new Route(operation, Protocol.REST_JSON, method, new PathTemplate(path), false, handler);
    }

    /** Whether this is an AWS operation (fault injection applies) rather than an emulator-only route. */
    boolean emulated() {
        return OperationNames.isKnown(operation);
    }

    static Route json(String operation, OperationHandler handler) {
        return new Route(operation, Protocol.AWS_JSON, "POST", new PathTemplate("/"), true, handler);
    }

    static Route unsignedJson(String operation, OperationHandler handler) {
        return new Route(operation, Protocol.AWS_JSON, "POST", new PathTemplate("/"), false, handler);
    }
}
