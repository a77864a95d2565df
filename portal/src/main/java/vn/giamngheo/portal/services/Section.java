package vn.giamngheo.portal.services;

import java.util.function.Function;

/**
 * One part of a page that one service owns: what it said, or why it said nothing. A page renders each section on
 * its own, so a service that is down costs only its sections.
 */
public record Section<T>(T value, ServiceProblem problem) {

    public static <T> Section<T> of(T value) {
        return new Section<>(value, null);
    }

    public static <T> Section<T> failed(ServiceProblem problem) {
        return new Section<>(null, problem);
    }

    public boolean ok() {
        return problem == null;
    }

    public <R> Section<R> map(Function<T, R> mapping) {
        return ok() ? of(mapping.apply(value)) : failed(problem);
    }
}
