package org.bookingplatform.system.harness;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the platform once for every test class of the JVM (the first class that needs it pays the
 * start) and stops it when the whole run ends: the root store closes what it holds then, and a JVM
 * shutdown hook covers an aborted run. Test methods and constructors may take a {@link SystemUnderTest}.
 */
public final class SystemUnderTestExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SystemUnderTestExtension.class, key -> new Running(SystemUnderTest.get()), Running.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SystemUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return SystemUnderTest.get();
    }

    private record Running(SystemUnderTest system) implements AutoCloseable {
        @Override
        public void close() {
            SystemUnderTest.stopIfStarted();
        }
    }
}
