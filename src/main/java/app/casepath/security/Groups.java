package app.casepath.security;

import java.util.List;
import java.util.Map;

/** The candidate groups of roles.md, as held in the engine's identity service. */
public final class Groups {

    private Groups() {
    }

    public static final String FRONT_DOOR = "front-door";
    public static final String FRONT_DOOR_MANAGERS = "front-door-managers";
    public static final String EARLY_HELP = "early-help";
    public static final String SOCIAL_WORKERS = "social-workers";
    public static final String TEAM_MANAGERS = "team-managers";
    public static final String CONFERENCE_CHAIRS = "conference-chairs";
    public static final String PANEL = "panel";
    public static final String SERVICE_MANAGERS = "service-managers";
    public static final String ADMINS = "admins";

    /** Who a late task of a group is escalated to (roles.md); tasks offered to no group go to team managers. */
    public static String managersOf(String group) {
        return switch (group) {
            case FRONT_DOOR -> FRONT_DOOR_MANAGERS;
            case EARLY_HELP, SOCIAL_WORKERS -> TEAM_MANAGERS;
            default -> SERVICE_MANAGERS;
        };
    }

    public static final List<String> ALL = List.of(FRONT_DOOR, FRONT_DOOR_MANAGERS, EARLY_HELP, SOCIAL_WORKERS,
            TEAM_MANAGERS, CONFERENCE_CHAIRS, PANEL, SERVICE_MANAGERS, ADMINS);

    /** Each group's name in the engine's identity service, as Cockpit and Admin show it. */
    public static final Map<String, String> NAMES = Map.of(
            FRONT_DOOR, "Family Front Door",
            FRONT_DOOR_MANAGERS, "Front Door managers",
            EARLY_HELP, "Early Help",
            SOCIAL_WORKERS, "Social workers",
            TEAM_MANAGERS, "Team managers",
            CONFERENCE_CHAIRS, "Child protection chairs",
            PANEL, "Entry to Care Panel",
            SERVICE_MANAGERS, "Service managers",
            ADMINS, "System administrators");

    /**
     * Not a group of people: a system of a partner agency (a police or health portal) holding a bearer
     * token from the council's identity provider with the integration role. It may record contacts and
     * nothing else (SecurityConfig).
     */
    public static final String INTEGRATIONS = "integrations";
}
