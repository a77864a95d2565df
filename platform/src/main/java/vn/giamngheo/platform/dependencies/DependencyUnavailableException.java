package vn.giamngheo.platform.dependencies;

/**
 * Thrown where code knows that a dependency did not answer but its client library reported it in a general way (a
 * Kafka admin future that timed out), so that it is treated as {@link Unavailable}.
 */
public class DependencyUnavailableException extends RuntimeException {

    private final String dependency;

    public DependencyUnavailableException(String dependency, String message, Throwable cause) {
        super(message, cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }
}
