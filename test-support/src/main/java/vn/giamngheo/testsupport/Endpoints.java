package vn.giamngheo.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every endpoint a service maps, called without a token: for "every protected endpoint answers 401". */
public final class Endpoints {

    /** One call: method, path (variables filled with {@code x}) and the status it got. */
    public record Call(String method, String path, int status) {

        @Override
        public String toString() {
            return method + " " + path + " → " + status;
        }
    }

    private Endpoints() {
    }

    /**
     * Calls every mapped endpoint except {@code open} ({@code "GET /path"} with variables as {@code x}), the error
     * page and the API documents, without a token.
     */
    public static List<Call> withoutToken(int port, RequestMappingHandlerMapping mapping, Set<String> open) {
        List<Call> calls = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", "x");
                if (path.startsWith("/error") || path.startsWith("/v3/api-docs")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    if (open.contains(method.name() + " " + path)) {
                        continue;
                    }
                    String verb = method == RequestMethod.GET || method == RequestMethod.PUT ? method.name() : "POST";
                    calls.add(new Call(method.name(), path,
                            Http.status(null, verb, "http://localhost:" + port + path, "{}")));
                }
            }
        }
        return calls;
    }
}
