package vn.giamngheo.portal.services;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriBuilder;
import vn.giamngheo.portal.PortalProperties;

/**
 * Calls the services' APIs with the signed-in person's access token (token relay), so that each service applies its
 * own access rules and audit to the person, not to the portal. Every failure becomes a {@link ServiceProblem}: a page
 * never shows a stack trace, and never waits longer than the configured timeouts.
 */
@Component
public class ServiceClient {

    private static final Logger log = LoggerFactory.getLogger(ServiceClient.class);

    private final Map<Service, RestClient> clients = new EnumMap<>(Service.class);
    private final Map<Service, URI> bases = new EnumMap<>(Service.class);
    private final RestClient.Builder builder;
    private final HttpClient http;
    private final Duration read;

    @Autowired
    public ServiceClient(RestClient.Builder builder, PortalProperties properties) {
        // HTTP/1.1: the services speak it, and the JDK client's h2c upgrade would cost a round trip per connection.
        this.builder = builder;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeouts().connect()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        this.read = properties.timeouts().read();
        requests.setReadTimeout(read);
        PortalProperties.Services urls = properties.services();
        bases.putAll(Map.of(Service.HOUSEHOLD, urls.household(), Service.POLICY, urls.policy(),
                Service.NOTIFICATION, urls.notification(), Service.REPORTING, urls.reporting()));
        // Buffered: the answers are small, and a body read whole within the timeout leaves no stream for a JSON
        // reader to trip on after its end (Jackson 3 reads on to check for trailing tokens).
        BufferingClientHttpRequestFactory buffered = new BufferingClientHttpRequestFactory(requests);
        bases.forEach((service, base) -> clients.put(service,
                builder.clone().baseUrl(base.toString()).requestFactory(buffered).build()));
    }

    /** A copy of {@code from} with {@code service} at {@code base}, its other services and timeouts the same. */
    private ServiceClient(ServiceClient from, Service service, URI base) {
        this.builder = from.builder;
        this.http = from.http;
        this.read = from.read;
        bases.putAll(from.bases);
        bases.put(service, base);
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(read);
        BufferingClientHttpRequestFactory buffered = new BufferingClientHttpRequestFactory(requests);
        bases.forEach((s, b) -> clients.put(s, builder.clone().baseUrl(b.toString()).requestFactory(buffered).build()));
    }

    /**
     * The same client with {@code service} at {@code base}: a department's own policy-service instance. Build it once
     * per instance and keep it.
     */
    public ServiceClient at(Service service, URI base) {
        return new ServiceClient(this, service, base);
    }

    /**
     * GET from {@code service} as the person whose {@code accessToken} this is (null: anonymously, for the services'
     * public reference data).
     *
     * @throws ServiceProblem whatever went wrong, in a kind a page can explain
     */
    public <T> T get(Service service, Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type,
            String accessToken) {
        try {
            return clients.get(service).get().uri(uri)
                    .headers(h -> {
                        if (accessToken != null) {
                            h.setBearerAuth(accessToken);
                        }
                    })
                    .retrieve().body(type);
        } catch (RuntimeException e) {
            throw problemOf(service, e);
        }
    }

    public <T> T get(Service service, Function<UriBuilder, URI> uri, Class<T> type, String accessToken) {
        return get(service, uri, ParameterizedTypeReference.forType(type), accessToken);
    }

    /** As {@link #get}, but a problem is kept in the section instead of thrown: for one part of a page. */
    public <T> Section<T> section(Service service, Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type,
            String accessToken) {
        try {
            return Section.of(get(service, uri, type, accessToken));
        } catch (ServiceProblem e) {
            return Section.failed(e);
        }
    }

    /**
     * A change sent to {@code service} as the person whose {@code accessToken} this is: {@code body} as JSON with
     * {@code method}, the answer read as {@code type}. A write waits up to {@code timeout}, longer than a page's read:
     * a change the service is still making when the portal gives up would be reported as not made.
     *
     * @throws ServiceProblem whatever went wrong; {@code REFUSED} carries the service's field errors
     */
    public <T> T send(Service service, HttpMethod method, Function<UriBuilder, URI> uri, Object body, Class<T> type,
            String accessToken, Duration timeout) {
        return send(service, method, uri, body, MediaType.APPLICATION_JSON, type, accessToken, timeout);
    }

    /** As {@link #send(Service, HttpMethod, Function, Object, Class, String, Duration)}, the body as {@code contentType}. */
    public <T> T send(Service service, HttpMethod method, Function<UriBuilder, URI> uri, Object body,
            MediaType contentType, Class<T> type, String accessToken, Duration timeout) {
        try {
            return slow(service, timeout).method(method).uri(uri).headers(h -> h.setBearerAuth(accessToken))
                    .contentType(contentType).body(body).retrieve().body(type);
        } catch (RuntimeException e) {
            throw problemOf(service, e);
        }
    }

    /** A file the service offers (a template, a document): its bytes and the headers a browser needs to save it. */
    public record Download(byte[] content, String contentType, String contentDisposition) {

        /** The file for the browser to save, under the service's name for it ({@code fallbackName} when it gave none). */
        public ResponseEntity<byte[]> toResponse(String fallbackName) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                    .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition != null ? contentDisposition
                            : "attachment; filename=\"" + fallbackName + "\"")
                    .body(content);
        }
    }

    public Download download(Service service, Function<UriBuilder, URI> uri, String accessToken) {
        try {
            ResponseEntity<byte[]> answer = clients.get(service).get().uri(uri)
                    .headers(h -> h.setBearerAuth(accessToken)).retrieve().toEntity(byte[].class);
            MediaType type = answer.getHeaders().getContentType();
            return new Download(answer.getBody() == null ? new byte[0] : answer.getBody(),
                    type == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : type.toString(),
                    answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION));
        } catch (RuntimeException e) {
            throw problemOf(service, e);
        }
    }

    /** A file posted to {@code service} as the multipart part {@code part}, as the person; waits up to {@code timeout}. */
    public <T> T upload(Service service, Function<UriBuilder, URI> uri, String part, String filename, byte[] content,
            Class<T> type, String accessToken, Duration timeout) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add(part, new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        try {
            return slow(service, timeout).post().uri(uri).headers(h -> h.setBearerAuth(accessToken))
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().body(type);
        } catch (RuntimeException e) {
            throw problemOf(service, e);
        }
    }

    private RestClient slow(Service service, Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(timeout);
        return builder.clone().baseUrl(bases.get(service).toString())
                .requestFactory(new BufferingClientHttpRequestFactory(requests)).build();
    }

    /** What a failed call means to the person: the status for answers, unavailable for no answer or a bad one. */
    static ServiceProblem problemOf(Service service, RuntimeException e) {
        if (e instanceof ServiceProblem problem) {
            return problem;
        }
        if (e instanceof RestClientResponseException response) {
            int status = response.getStatusCode().value();
            Map<?, ?> body = problemBody(response);
            String detail = body != null && body.get("detail") instanceof String d ? d : response.getStatusText();
            ServiceProblem.Kind kind = switch (status) {
                case 401 -> ServiceProblem.Kind.SIGN_IN_AGAIN;
                case 403 -> ServiceProblem.Kind.NOT_ALLOWED;
                case 404 -> ServiceProblem.Kind.NOT_FOUND;
                case 400, 409, 422 -> ServiceProblem.Kind.REFUSED;
                default -> ServiceProblem.Kind.UNAVAILABLE;
            };
            if (kind == ServiceProblem.Kind.UNAVAILABLE) {
                log.warn("{} answered {}: {}", service, status, detail);
            }
            return new ServiceProblem(service, kind, status, detail, fieldErrors(body), e).withBody(body);
        }
        if (e instanceof ResourceAccessException) {
            log.warn("{} did not answer: {}", service, e.getMessage());
        } else if (e instanceof RestClientException) {
            log.warn("{} gave an answer the portal could not read", service, e);
        } else {
            log.error("Calling {} failed", service, e);
        }
        return new ServiceProblem(service, ServiceProblem.Kind.UNAVAILABLE, 0, e.getMessage(), List.of(), e);
    }

    private static Map<?, ?> problemBody(RestClientResponseException response) {
        try {
            return response.getResponseBodyAs(Map.class);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** The {@code errors} of the platform's problem details: [{field, reason}]. */
    private static List<ServiceProblem.FieldError> fieldErrors(Map<?, ?> body) {
        List<ServiceProblem.FieldError> errors = new ArrayList<>();
        if (body != null && body.get("errors") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m && m.get("field") != null) {
                    errors.add(new ServiceProblem.FieldError(String.valueOf(m.get("field")),
                            String.valueOf(m.get("reason"))));
                }
            }
        }
        return errors;
    }
}
