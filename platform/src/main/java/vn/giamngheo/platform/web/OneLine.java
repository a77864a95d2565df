package vn.giamngheo.platform.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A name, a village, a title: one line, without tabs or line breaks (which {@link PlainText} lets through for the texts
 * that have paragraphs, such as a complaint).
 */
@Pattern(regexp = "[^\\t\\r\\n]*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface OneLine {

    String message() default "must be one line (no tab or line break)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
