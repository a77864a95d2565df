package vn.giamngheo.portal.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** household-service's household as the registry forms need it: its active members with their identity data. */
public final class RegistryViews {

    private RegistryViews() {
    }

    public record Household(String id, String unitCode, String village, String status, List<Member> members) {

        public Household {
            members = members == null ? List.of() : members;
        }

        public List<Member> activeMembers() {
            return members.stream().filter(Member::active).toList();
        }

        public Optional<Member> member(String personId) {
            return activeMembers().stream().filter(m -> m.personId().equals(personId)).findFirst();
        }

        public String headName() {
            // A role the registry gives no names to gets members without them.
            return activeMembers().stream().filter(Member::head).map(Member::fullName).filter(n -> n != null)
                    .findFirst().orElse(null);
        }

        public String nameOf(String personId) {
            return member(personId).map(Member::fullName).filter(n -> n != null).orElse(personId);
        }

        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /** @param sensitive ethnicity, disability and health: only to the roles that need them, null otherwise */
    public record Member(String personId, String fullName, LocalDate dateOfBirth, String sex, String citizenId,
            String relationToHead, String status, Sensitive sensitive) {

        public boolean active() {
            return "ACTIVE".equals(status);
        }

        public boolean head() {
            return "HEAD".equals(relationToHead);
        }

        public String ethnicity() {
            return sensitive == null ? null : sensitive.ethnicity();
        }
    }

    public record Sensitive(String ethnicity, String disability, String health) {
    }
}
