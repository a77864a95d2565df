package vn.giamngheo.platform.rules;

/** A rule or data file is wrong; the message names the file and the line. The service does not start with it. */
public class RuleFileException extends RuntimeException {

    public RuleFileException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }

    public RuleFileException(String file, int line, String message, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message, cause);
    }
}
