package dev.syncshift.emulator.dynamodblocal;

import java.net.URI;
import java.util.Locale;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

/**
 * An in-memory DynamoDB Local answering HTTP on one loopback port. DynamoDB Local's own {@code ServerRunner} binds
 * every interface; this mounts the same request handler in a Jetty server bound to the given host only.
 *
 * <p>Thread-safe. Every instance is its own empty database. Any access key and region are accepted.
 */
public final class LoopbackDynamoDb implements AutoCloseable {

    private final Server server;
    private final URI endpoint;
    private final TransactionCancellations cancellations;

    private LoopbackDynamoDb(Server server, URI endpoint, TransactionCancellations cancellations) {
        this.server = server;
        this.endpoint = endpoint;
        this.cancellations = cancellations;
    }

    /**
     * Starts an empty in-memory DynamoDB Local on {@code 127.0.0.1} and a free port.
     *
     * @throws IllegalStateException when DynamoDB Local is not on the class path or the server cannot start
     */
    public static LoopbackDynamoDb start() {
        return start("127.0.0.1", 0);
    }

    /**
     * Starts an empty in-memory DynamoDB Local on {@code host} and {@code port} (0 for a free one).
     *
     * @throws IllegalStateException when DynamoDB Local is not on the class path or the server cannot start
     */
    public static LoopbackDynamoDb start(String host, int port) {
        latinDigits();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        TransactionCancellations cancellations;
        try {
            cancellations = new TransactionCancellations(new LocalDynamoDBServerHandler(
                    new LocalDynamoDBRequestHandler(0, true, null, true, false), null));
            server.setHandler(cancellations);
            server.start();
        } catch (NoClassDefFoundError missing) {
            throw new IllegalStateException("DynamoDB Local is not on the class path "
                    + "(software.amazon.dynamodb:DynamoDBLocal)", missing);
        } catch (Exception e) {
            throw new IllegalStateException("could not start DynamoDB Local on " + host + ":" + port, e);
        }
        return new LoopbackDynamoDb(server, URI.create("http://" + host + ":" + connector.getLocalPort()),
                cancellations);
    }

    /** The HTTP endpoint, for an SDK client's {@code endpointOverride}. */
    /**
     * DynamoDB Local writes numbers into its SQL with the default format locale: where that locale writes other
     * digits (Arabic's, Persian's), ListTables and a CreateTable with provisioned throughput fail with a 500. From
     * here on this JVM's format locale keeps its language but writes the digits 0-9.
     */
    private static void latinDigits() {
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT,
                new Locale.Builder().setLocale(format).setUnicodeLocaleKeyword("nu", "latn").build());
    }

    public URI endpoint() {
        return endpoint;
    }

    /**
     * Cancels the next TransactWriteItems calls, one per reason, as DynamoDB does under load: {@code ThrottlingError}
     * (the table's capacity) or {@code TransactionConflict} (another transaction on one of its items). Nothing is
     * written; later calls reach DynamoDB Local again.
     */
    public void cancelTransactions(String... reasons) {
        for (String reason : reasons) {
            cancellations.add(reason);
        }
    }

    /**
     * Refuses the next TransactWriteItems call whole, as DynamoDB refuses a request it will not run at all: HTTP 400
     * with {@code errorType} (e.g. {@code AccessDeniedException}, for a role without the permission) and
     * {@code message}. Nothing is written; later calls reach DynamoDB Local again.
     */
    public void refuseTransaction(String errorType, String message) {
        cancellations.refuse(errorType, message);
    }

    /**
     * Gives the table a write capacity, as a provisioned table or a new on-demand one has: TransactWriteItems calls
     * beyond {@code perSecond} in a second of the clock are cancelled with {@code ThrottlingError}, nothing written, as
     * DynamoDB cancels a transaction over the table's throughput.
     *
     * @throws IllegalArgumentException when {@code perSecond} is not positive
     */
    public void throttleTransactions(int perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("perSecond must be positive: " + perSecond);
        }
        cancellations.limit(perSecond);
    }

    /** Stops the server; its data is gone. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop DynamoDB Local at " + endpoint, e);
        }
    }
}
