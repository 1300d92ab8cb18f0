package app.casepath.tasks;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A person's command run in a transaction of its own, and run again (a few times, after a short
 * pause) when it loses an optimistic-locking race. Two people working the same task are already
 * ordered by the inbox row's lock, and the second is told the task has gone; so a lost race here
 * is with one of the engine's own jobs (a reminder or escalation firing on the same execution at
 * the same instant), which no person caused and no person should be shown. After the last try
 * the conflict is reported as before (409).
 */
@Component
public class EngineRaces {

    static final int ATTEMPTS = 5;
    private static final List<Class<? extends Throwable>> RACES = List.of(OptimisticLockingException.class,
            ConcurrencyFailureException.class);
    private static final Logger log = LoggerFactory.getLogger(EngineRaces.class);

    private final TransactionTemplate transaction;
    private final RetryTemplate retry;
    private final Counter retried;

    EngineRaces(PlatformTransactionManager transactions, MeterRegistry meters) {
        this.transaction = new TransactionTemplate(transactions);
        this.retried = Counter.builder("casepath.engine.races.retried")
                .description("Commands run again after losing an optimistic-locking race with an engine job")
                .register(meters);
        this.retry = RetryTemplate.builder()
                .maxAttempts(ATTEMPTS)
                .exponentialBackoff(Duration.ofMillis(25), 2, Duration.ofMillis(400))
                .retryOn(RACES)
                .traversingCauses()
                .withListener(new RetryListener() {
                    @Override
                    public <T, E extends Throwable> void onError(RetryContext context, RetryCallback<T, E> callback,
                                                                 Throwable failure) {
                        if (!isRace(failure)) {
                            return;
                        }
                        // Only the exception's type: its message can carry variable values.
                        log.info("Lost a race with the engine ({}), attempt {} of {}", failure.getClass().getSimpleName(),
                                context.getRetryCount(), ATTEMPTS);
                    }
                })
                .build();
    }

    /**
     * Runs the work in a fresh transaction, retried as above. Inside a caller's transaction it
     * runs once, in that transaction: a retry there would replay onto a transaction already
     * marked for rollback, so the outermost caller is the one to retry.
     */
    public <T> T inFreshTransaction(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        return retry.execute(context -> {
            if (context.getRetryCount() > 0) {
                retried.increment();
            }
            return transaction.execute(status -> work.get());
        });
    }

    public void inFreshTransaction(Runnable work) {
        inFreshTransaction(() -> {
            work.run();
            return null;
        });
    }

    private static boolean isRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable each = t;
            if (RACES.stream().anyMatch(race -> race.isInstance(each))) {
                return true;
            }
        }
        return false;
    }

    /** How many commands have been run again since start-up. */
    public double retriedSoFar() {
        return retried.count();
    }
}
