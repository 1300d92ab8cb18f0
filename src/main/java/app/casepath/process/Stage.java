package app.casepath.process;

/** The stages of journey.md: where a case is. */
public enum Stage {
    FRONT_DOOR, EARLY_HELP, ASSESSMENT, STRATEGY, CONFERENCE, CP_PLAN, CIN_PLAN, PANEL, CLOSURE
}
