package vn.giamngheo.portal.registry.imports;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload larger than the multipart limit (household-service's, 10 MB) is sent back to its page (the registry import,
 * a round's survey upload), which says so beside the file field. It is turned away here, before any filter reads a parameter: Tomcat refuses to parse such
 * a body and every later {@code getParameter} (the CSRF check's first) would fail, leaving the person no page at all.
 * Only the declared length is read; the body is left for Tomcat to discard (server.tomcat.max-swallow-size).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TooLargeUpload extends OncePerRequestFilter {

    static final String PATH = "/ho-gia-dinh/nhap-excel";
    /** The pages that take an upload: the registry import and a review round's survey file. */
    private static final Pattern UPLOADS = Pattern.compile(Pattern.quote(PATH) + "|/ra-soat/[A-Za-z0-9-]{1,64}/excel");
    /** The query parameter the import page reads to say the file was too large. */
    public static final String TOO_LARGE = "qua-lon";

    private final long limit;

    TooLargeUpload(@Value("${spring.servlet.multipart.max-request-size}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !UPLOADS.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getRequestURI() + "?" + TOO_LARGE + "=1");
            return;
        }
        chain.doFilter(request, response);
    }
}
