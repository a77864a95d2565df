package vn.giamngheo.portal.services;

/** The platform's services the portal calls; each owns its part of a household's page. */
public enum Service {
    HOUSEHOLD, POLICY, NOTIFICATION, REPORTING;

    /** The key of the service's Vietnamese name in messages_vi.properties. */
    public String messageKey() {
        return "service." + name();
    }
}
