package vn.giamngheo.notification.messages;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.security.HouseholdAccess;
import vn.giamngheo.platform.web.ApiException;

/** Households' phone numbers and officers' e-mail addresses, with the channels each has opted out of. */
@RestController
class ContactController {

    record HouseholdRequest(String phone, List<String> optOut) {
    }

    record OfficerRequest(String name, String email, List<String> units, List<String> optOut) {
    }

    /** The phone number is shown masked: it was given to send messages, not to be read back. */
    record HouseholdView(String householdId, String phone, List<Channel> optOut) {
        static HouseholdView of(Contacts.HouseholdContact c) {
            return new HouseholdView(c.householdId(), Message.mask(c.phone()), List.copyOf(c.optOut()));
        }
    }

    private final Contacts contacts;
    private final HouseholdAccess areas;

    ContactController(Contacts contacts, HouseholdAccess areas) {
        this.contacts = contacts;
        this.areas = areas;
    }

    @PutMapping("/api/v1/contacts/households/{householdId}")
    HouseholdView putHousehold(@PathVariable String householdId, @RequestBody HouseholdRequest request) {
        // A number for a household the registry never announced would be texted about whoever gets that id.
        areas.checkKnown(householdId);
        return HouseholdView.of(contacts.putHousehold(householdId, request.phone(), request.optOut()));
    }

    @GetMapping("/api/v1/contacts/households/{householdId}")
    HouseholdView household(@PathVariable String householdId) {
        areas.check(householdId);
        return HouseholdView.of(contacts.household(householdId)
                .orElseThrow(() -> ApiException.notFound("Contact of household " + householdId)));
    }

    @PutMapping("/api/v1/contacts/officers/{officerId}")
    Contacts.OfficerContact putOfficer(@PathVariable String officerId, @RequestBody OfficerRequest request) {
        return contacts.putOfficer(officerId, request.name(), request.email(), request.units(), request.optOut());
    }

    @GetMapping("/api/v1/contacts/officers")
    List<Contacts.OfficerContact> officers() {
        return contacts.officers();
    }
}
