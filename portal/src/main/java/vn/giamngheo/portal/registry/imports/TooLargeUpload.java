package vn.giamngheo.portal.registry.imports;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.Reasons;
import vn.giamngheo.portal.web.PageModel;

/**
 * A file over the multipart limit (the same as household-service's) is refused before any controller runs: the import
 * page says so beside the file field instead of an error page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TooLargeUpload {

    private final Reasons reasons;
    private final DataSize limit;

    TooLargeUpload(Reasons reasons, @Value("${spring.servlet.multipart.max-file-size}") DataSize limit) {
        this.reasons = reasons;
        this.limit = limit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        errors.add("file", reasons.text("import.error.tooLarge", limit.toMegabytes()));
        model.addAttribute("errors", errors);
        model.addAttribute("officer", PageModel.current());
        response.setStatus(413);
        return "registry/import";
    }
}
