package dev.syncshift.migrator.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.ToLongFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer: Spring Batch's own metrics ({@code spring.batch.job}, {@code .step}, {@code .item.read},
 * {@code .chunk.write}, …, which Spring Batch 6 records only when given an {@link ObservationRegistry}), the
 * migrator's counts ({@code syncshift.*}) and the SDK's calls per operation ({@code syncshift.aws.*}). A deployment
 * that wants them exported adds a registry of its choice (Prometheus, CloudWatch…) as a bean.
 */
@Configuration(proxyBeanMethods = false)
public class Metrics {

    @Bean
    MeterRegistry meterRegistry(CallStats calls) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        for (String operation : RateLimits.OPERATIONS) {
            counter(registry, "syncshift.aws.calls", operation, calls, CallStats.OperationCalls::calls);
            counter(registry, "syncshift.aws.retries", operation, calls, CallStats.OperationCalls::retries);
            counter(registry, "syncshift.aws.throttled", operation, calls, CallStats.OperationCalls::throttled);
        }
        return registry;
    }

    @Bean
    ObservationRegistry observationRegistry(MeterRegistry meters) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        return registry;
    }

    private static void counter(MeterRegistry registry, String name, String operation, CallStats calls,
            ToLongFunction<CallStats.OperationCalls> value) {
        FunctionCounter.builder(name, calls, stats -> {
            CallStats.OperationCalls counts = stats.snapshot().get(operation);
            return counts == null ? 0 : value.applyAsLong(counts);
        }).tag("operation", operation).register(registry);
    }
}
