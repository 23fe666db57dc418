package dev.syncshift.emulator.appsync.junit;

import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.AppSyncEmulatorConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one emulator per configuration for the whole test run (S3MockExtension's pattern) and injects it as
 * an {@link AppSyncEmulator} parameter. Register it with {@code @RegisterExtension} and a configuration on
 * port 0; the emulator closes when the run ends.
 */
public final class AppSyncEmulatorExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AppSyncEmulatorExtension.class);

    private final AppSyncEmulatorConfig config;

    /**
     * Creates the extension.
     *
     * @param config the emulator's configuration
     */
    public AppSyncEmulatorExtension(AppSyncEmulatorConfig config) {
        this.config = config;
    }

    /**
     * The running emulator; call from tests after {@code @BeforeAll}.
     *
     * @param context any extension context of the run
     * @return the emulator
     */
    public AppSyncEmulator emulator(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(config, c -> AppSyncEmulator.start(config), AppSyncEmulator.class);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AppSyncEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator(context);
    }
}
