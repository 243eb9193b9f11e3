package org.bookingplatform.payment.client;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.util.function.Supplier;

/**
 * The fault-tolerance policy of every call to the payment provider, in one place so that all
 * calls share one circuit breaker and one bulkhead: while the provider is down, neither payments,
 * nor the recovery job, nor refunds keep calling it. The values are defaults; application.properties
 * sets them per environment ({@code quarkus.fault-tolerance."...ProviderGuard/call".*}).
 * <p>
 * Retrying is safe only because every call through here is idempotent: a charge or a refund
 * carries an idempotency key derived from our payment id (the provider answers a repeated key
 * with the first outcome instead of acting again). A call without such
 * a key must not be sent through this guard.
 */
@ApplicationScoped
public class ProviderGuard {

    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            retryOn = {ProviderUnavailableException.class, TimeoutException.class},
            abortOn = {ProviderRejectedException.class, CircuitBreakerOpenException.class, BulkheadException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = ProviderRejectedException.class)
    @CircuitBreakerName("payment-provider")
    @Bulkhead(value = 20, waitingTaskQueue = 50)
    public <T> Uni<T> call(Supplier<Uni<T>> request) {
        return request.get();
    }
}
