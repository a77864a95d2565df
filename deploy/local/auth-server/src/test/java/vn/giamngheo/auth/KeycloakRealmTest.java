package vn.giamngheo.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.auth.clients.MachineClient;
import vn.giamngheo.auth.people.PeopleFile;
import vn.giamngheo.auth.people.Person;

/**
 * deploy/compose/keycloak/giamngheo-realm.json must give production the same people, clients, roles and claims as
 * this provider, so that the services and the portal work with Keycloak with no change: checked here against the
 * demo people file and the machine clients, and against the claims the services read.
 */
class KeycloakRealmTest {

    static final Path REALM = Path.of("../../compose/keycloak/giamngheo-realm.json");
    static final Set<String> ROLES = Set.of("CITY_ADMIN", "LABOUR_OFFICER", "WARD_OFFICER", "COMMUNE_CHAIRMAN",
            "DEPARTMENT_OFFICER", "BHXH_SYSTEM", "PLATFORM_SERVICE", "STEERING_VIEWER");

    final JsonNode realm = JsonMapper.builder().build().readTree(REALM.toFile());

    @Test
    void everyDemoPersonIsAUserWithTheSameLoginNameRolesUnitsAndDepartment() throws IOException {
        for (Person person : people()) {
            JsonNode user = find(realm.get("users"), "username", person.login());
            assertThat(user.get("id").asString()).as("sub = login").isEqualTo(person.login());
            assertThat(strings(user.get("attributes").get("fullName"))).containsExactly(person.name());
            assertThat(strings(user.get("attributes").get("units"))).isEqualTo(person.units());
            assertThat(strings(user.get("attributes").get("department")))
                    .isEqualTo(person.department() == null ? List.of() : List.of(person.department()));
            assertThat(strings(user.get("realmRoles"))).isEqualTo(person.roles());
            JsonNode password = user.get("credentials").get(0);
            assertThat(password.get("value").asString()).as("no password in the file")
                    .isEqualTo("${GIAMNGHEO_DEMO_SECRET}");
        }
        long people = StreamSupport.stream(realm.get("users").spliterator(), false)
                .filter(u -> !u.has("serviceAccountClientId")).count();
        assertThat(people).isEqualTo(people().size());
    }

    @Test
    void everyMachineClientHasAServiceAccountWithItsRolesUnitsAndDepartment() {
        for (MachineClient machine : MachineClient.DEMO) {
            JsonNode client = find(realm.get("clients"), "clientId", machine.clientId());
            assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
            assertThat(client.get("standardFlowEnabled").asBoolean()).isFalse();
            assertThat(client.get("secret").asString()).isEqualTo("${GIAMNGHEO_DEMO_SECRET}");
            assertThat(strings(client.get("defaultClientScopes"))).contains("giamngheo");
            JsonNode account = find(realm.get("users"), "serviceAccountClientId", machine.clientId());
            assertThat(strings(account.get("realmRoles"))).isEqualTo(machine.roles());
            assertThat(strings(account.get("attributes").get("units"))).isEqualTo(machine.units());
            assertThat(strings(account.get("attributes").get("department")))
                    .isEqualTo(machine.department() == null ? List.of() : List.of(machine.department()));
        }
    }

    @Test
    void thePortalIsAConfidentialClientWithPkceAndTheLocalAddresses() {
        JsonNode portal = find(realm.get("clients"), "clientId", "portal");

        assertThat(portal.get("publicClient").asBoolean()).isFalse();
        assertThat(portal.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(portal.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(portal.get("consentRequired").asBoolean()).isFalse();
        assertThat(portal.get("secret").asString()).isEqualTo("${GIAMNGHEO_PORTAL_SECRET}");
        assertThat(portal.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(strings(portal.get("redirectUris"))).contains("http://localhost:8080/login/oauth2/code/giamngheo");
        assertThat(portal.get("attributes").get("post.logout.redirect.uris").asString().split("##"))
                .contains("http://localhost:8080/");
        assertThat(strings(portal.get("defaultClientScopes"))).contains("giamngheo", "profile", "basic");
    }

    @Test
    void theRealmHasThePlatformsRolesAndTheSessionAndLockoutOfTheLocalProvider() {
        List<String> roles = new ArrayList<>();
        realm.get("roles").get("realm").forEach(r -> roles.add(r.get("name").asString()));
        assertThat(roles).containsAll(ROLES);
        assertThat(realm.get("ssoSessionIdleTimeout").asInt()).isEqualTo(30 * 60);
        assertThat(realm.get("accessTokenLifespan").asInt()).isEqualTo(5 * 60);
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("failureFactor").asInt()).isEqualTo(5);
    }

    @Test
    void theGiamngheoScopeIssuesTheClaimsTheServicesRead() {
        JsonNode scope = find(realm.get("clientScopes"), "name", "giamngheo");

        JsonNode audience = mapper(scope, "oidc-audience-mapper", "included.custom.audience", "giamngheo");
        assertThat(audience.get("config").get("access.token.claim").asString()).isEqualTo("true");
        Map<String, String> claims = Map.of("roles", "oidc-usermodel-realm-role-mapper",
                "units", "oidc-usermodel-attribute-mapper", "department", "oidc-usermodel-attribute-mapper",
                "name", "oidc-usermodel-attribute-mapper");
        claims.forEach((claim, type) -> {
            JsonNode config = mapper(scope, type, "claim.name", claim).get("config");
            assertThat(config.get("access.token.claim").asString()).as(claim).isEqualTo("true");
            assertThat(config.get("id.token.claim").asString()).as(claim).isEqualTo("true");
        });
        assertThat(mapper(scope, "oidc-usermodel-realm-role-mapper", "claim.name", "roles").get("config")
                .get("multivalued").asString()).isEqualTo("true");
        JsonNode units = mapper(scope, "oidc-usermodel-attribute-mapper", "claim.name", "units").get("config");
        assertThat(units.get("multivalued").asString()).isEqualTo("true");
        assertThat(units.get("user.attribute").asString()).isEqualTo("units");
        assertThat(mapper(scope, "oidc-usermodel-attribute-mapper", "claim.name", "name").get("config")
                .get("user.attribute").asString()).isEqualTo("fullName");
        assertThat(strings(realm.get("defaultDefaultClientScopes"))).contains("giamngheo");
    }

    private static JsonNode mapper(JsonNode scope, String type, String key, String value) {
        for (JsonNode mapper : scope.get("protocolMappers")) {
            if (type.equals(mapper.get("protocolMapper").asString())
                    && value.equals(mapper.get("config").path(key).asString(null))) {
                return mapper;
            }
        }
        throw new AssertionError("no " + type + " with " + key + "=" + value + " in scope " + scope.get("name"));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.path(field).asString(null))) {
                return item;
            }
        }
        throw new AssertionError("nothing with " + field + " = " + value + " in the realm");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asString()));
        }
        return values;
    }

    private static List<Person> people() throws IOException {
        try (InputStream in = new ClassPathResource("people.yml").getInputStream()) {
            return PeopleFile.read("people.yml", new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    Set.of("08707", "08716", "04828", "04891"),
                    Set.of("EDUCATION", "SOCIAL_POLICY_BANK", "HEALTH_INSURANCE"));
        }
    }
}
