package vn.giamngheo.portal.desk;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriBuilder;
import vn.giamngheo.portal.registry.FormErrors;
import vn.giamngheo.portal.registry.RegistryCalls;
import vn.giamngheo.portal.registry.RegistryProperties;
import vn.giamngheo.portal.services.Service;
import vn.giamngheo.portal.services.ServiceClient;
import vn.giamngheo.portal.services.ServiceProblem;
import vn.giamngheo.portal.signin.AccessTokens;
import vn.giamngheo.portal.signin.Officer;
import vn.giamngheo.portal.web.PageModel;

/**
 * What every desk page does with policy-service: find the signed-in department officer, call their department's own
 * instance (and no other) with their token, and turn the service's refusal of another department's record into the
 * desk's refusal page. Every rule (which department owns an application, who may decide it) is the service's; the
 * portal passes the officer's department and shows what the service says.
 */
@Component
class DepartmentDesk {

    static final String ROLE = "DEPARTMENT_OFFICER";
    private static final Pattern OTHER_DEPARTMENT = Pattern.compile(".*belongs to department (\\w+).*");

    private final ServiceClient services;
    private final AccessTokens tokens;
    private final RegistryCalls registry;
    private final RegistryProperties writes;
    private final DeskProperties properties;
    private final Map<String, ServiceClient> instances = new ConcurrentHashMap<>();

    DepartmentDesk(ServiceClient services, AccessTokens tokens, RegistryCalls registry, RegistryProperties writes,
            DeskProperties properties) {
        this.services = services;
        this.tokens = tokens;
        this.registry = registry;
        this.writes = writes;
        this.properties = properties;
    }

    /** The signed-in department officer; anyone else is refused the desk. */
    Officer officer() {
        Officer officer = PageModel.current();
        if (officer == null || !officer.hasAny(ROLE) || officer.department() == null) {
            throw new DeskRefused(null, "not a department officer");
        }
        return officer;
    }

    String department() {
        return officer().department();
    }

    /** The officer's department's policy-service instance. */
    private ServiceClient policy() {
        return instance(department());
    }

    /** {@code department}'s policy-service instance (the general one when it runs none of its own). */
    ServiceClient instance(String department) {
        return instances.computeIfAbsent(department, d -> {
            DeskProperties.Instance instance = properties.departments().get(d);
            return instance == null || instance.url() == null ? services : services.at(Service.POLICY, instance.url());
        });
    }

    String token() {
        return tokens.current();
    }

    <T> T get(Function<UriBuilder, URI> uri, Class<T> type) {
        return get(uri, ParameterizedTypeReference.forType(type));
    }

    <T> T get(Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type) {
        try {
            return policy().get(Service.POLICY, uri, type, tokens.current());
        } catch (ServiceProblem problem) {
            throw refusal(problem);
        }
    }

    /** As {@link #get}, but a refusal of what was asked (400) goes beside the form field that asked it; null then. */
    <T> T get(Function<UriBuilder, URI> uri, Class<T> type, Function<String, String> formField, FormErrors errors) {
        try {
            return policy().get(Service.POLICY, uri, type, tokens.current());
        } catch (ServiceProblem problem) {
            registry.explain(refusal(problem), formField, errors);
            return null;
        }
    }

    ServiceClient.Download download(Function<UriBuilder, URI> uri) {
        try {
            return policy().download(Service.POLICY, uri, tokens.current());
        } catch (ServiceProblem problem) {
            throw refusal(problem);
        }
    }

    /**
     * Sends a change to the department's instance; its answer, or null with the service's reasons in {@code errors}
     * (beside the form field {@code formField} names). A refusal of the record itself is the refusal page.
     */
    <T> T send(HttpMethod method, Function<UriBuilder, URI> uri, Object body, Class<T> type,
            Function<String, String> formField, FormErrors errors) {
        try {
            return policy().send(Service.POLICY, method, uri, body, type, tokens.current(), writes.writeTimeout());
        } catch (ServiceProblem problem) {
            registry.explain(refusal(problem), formField, errors);
            return null;
        }
    }

    /** A 403 from the service becomes the desk's refusal, naming the department the service named. */
    private static ServiceProblem refusal(ServiceProblem problem) {
        if (problem.kind() == ServiceProblem.Kind.NOT_ALLOWED) {
            String detail = problem.detail() == null ? "" : problem.detail();
            Matcher m = OTHER_DEPARTMENT.matcher(detail);
            throw new DeskRefused(m.matches() ? m.group(1) : null, detail);
        }
        return problem;
    }
}
