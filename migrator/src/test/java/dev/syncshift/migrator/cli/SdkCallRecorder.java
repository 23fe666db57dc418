package dev.syncshift.migrator.cli;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every AWS SDK call the migrator's own code makes while a test records ({@link #recording}). The SDK adds
 * it to every client built in the test JVM (it is named in the classpath resource
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}); outside a recording it does nothing. A call
 * counts when a class of the migrator's main code is on the calling stack: the test's own clients and the emulators'
 * are left out, and so is the {@link Preloader}, whose throwaway clients never leave the process. Each call is
 * recorded before it is sent, whether it then succeeds or not: AWS authorizes it either way.
 */
public final class SdkCallRecorder implements ExecutionInterceptor {

    /**
     * One call.
     *
     * @param service the SDK's service name ({@code DynamoDb}, {@code CognitoIdentity}, ...)
     * @param operation the API operation
     * @param region the client's region
     * @param request what was asked
     */
    public record Call(String service, String operation, String region, SdkRequest request) {
    }

    private static final String MIGRATOR = "dev.syncshift.migrator.";
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final AtomicReference<@Nullable List<Call>> RECORDING = new AtomicReference<>();

    /** Runs {@code during} and returns its result, adding each call the migrator made meanwhile to {@code into}. */
    public static <T> T recording(List<Call> into, Supplier<T> during) {
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        if (!RECORDING.compareAndSet(null, calls)) {
            throw new IllegalStateException("a recording is already under way");
        }
        try {
            return during.get();
        } finally {
            RECORDING.set(null);
            synchronized (calls) {
                into.addAll(calls);
            }
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        List<Call> calls = RECORDING.get();
        if (calls != null && madeByTheMigrator()) {
            calls.add(new Call(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    attributes.getAttribute(AwsExecutionAttribute.AWS_REGION).id(), context.request()));
        }
    }

    private static boolean madeByTheMigrator() {
        List<Class<?>> callers = WALKER.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(type -> type.getName().startsWith(MIGRATOR)).toList());
        return callers.stream().anyMatch(SdkCallRecorder::mainCode) && !callers.contains(Preloader.class);
    }

    private static boolean mainCode(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source != null && !source.getLocation().getPath().contains("/test-classes/");
    }
}
