package vn.giamngheo.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge of every request body from outside but a multipart upload to a path that takes one (bounded by the
 * multipart limits instead): at most
 * {@code maxBytes} whatever its declared type (413 otherwise, nothing read further); and in JSON ({@code application/json}
 * and every {@code application/*+json}, which the JSON converter reads alike) no field name starting with {@code $}
 * (400: a MongoDB operator such as {@code $gt} has no place in input and must never reach a query). Other malformed
 * JSON is left to the controller's own 400.
 */
public class InputGuardFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final int maxBytes;
    private final List<String> uploadPaths;

    /** @param uploadPaths paths (Ant patterns) whose multipart uploads are bounded by the multipart limits instead */
    public InputGuardFilter(int maxBytes, List<String> uploadPaths) {
        this.maxBytes = maxBytes;
        this.uploadPaths = List.copyOf(uploadPaths);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        boolean noBody = type == null && request.getContentLengthLong() <= 0
                && request.getHeader("Transfer-Encoding") == null;
        boolean upload = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                && uploadPaths.stream().anyMatch(p -> PATHS.match(p, request.getRequestURI()));
        return noBody || upload;
    }

    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        String mediaType = (parameters < 0 ? type : type.substring(0, parameters)).strip();
        return mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            Problems.write(response, 413, "Content Too Large", "The request body is larger than " + maxBytes
                    + " bytes");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            Problems.write(response, 413, "Content Too Large", "The request body is larger than " + maxBytes
                    + " bytes");
            return;
        }
        String operator = json(request.getContentType()) ? operatorKey(body) : null;
        if (operator != null) {
            Problems.invalid(response, operator, "field names starting with '$' are not accepted");
            return;
        }
        chain.doFilter(new Replayed(request, body), response);
    }

    /** The JSON pointer of the first field whose name starts with {@code $}, or null. */
    static String operatorKey(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME && parser.currentName().startsWith("$")) {
                    return parser.streamReadContext().pathAsPointer().toString();
                }
            }
        } catch (JacksonException e) {
            return null;
        }
        return null;
    }

    private static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
