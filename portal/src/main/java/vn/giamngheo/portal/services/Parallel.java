package vn.giamngheo.portal.services;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for the calls a page makes in parallel. */
public final class Parallel {

    private Parallel() {
    }

    /** The call's result; what it threw, as it threw it (a {@link ServiceProblem} stays one). */
    public static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a service", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
