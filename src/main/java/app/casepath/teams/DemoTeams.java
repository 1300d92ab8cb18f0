package app.casepath.teams;

import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo council's teams (teams.md): a Front Door (MASH), two assessment teams, two
 * safeguarding teams, a Children in Need team and an Early Help team, each with a manager, the
 * demo users placed in them (the Children in Need Team has three social workers, so a leaver's
 * children can go to two colleagues in it). Loaded before the demo caseload, whose allocations name them.
 */
@Component
@Profile("demo")
class DemoTeams {

    private final Teams teams;
    private final JdbcClient db;

    DemoTeams(Teams teams, JdbcClient db) {
        this.teams = teams;
        this.db = db;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void load() {
        if (db.sql("select count(*) from team").query(Long.class).single() > 0) {
            return;
        }
        teams.load("Family Front Door (MASH)", "FRONT_DOOR", List.of("fd.manager"), List.of("fd.practitioner"));
        teams.load("Assessment Team North", "ASSESSMENT", List.of("team.manager"), List.of("social.worker"));
        teams.load("Assessment Team South", "ASSESSMENT", List.of("team.manager"), List.of("social.worker2"));
        teams.load("Safeguarding Team East", "CHILD_PROTECTION", List.of("team.manager"), List.of("social.worker", "social.worker3"));
        teams.load("Safeguarding Team West", "CHILD_PROTECTION", List.of("team.manager"), List.of("social.worker2"));
        teams.load("Children in Need Team", "CHILDREN_IN_NEED", List.of("team.manager"), List.of("social.worker", "social.worker2", "social.worker3"));
        teams.load("Early Help Team", "EARLY_HELP", List.of("team.manager"), List.of("eh.practitioner"));
    }
}
