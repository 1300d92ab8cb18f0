package app.casepath.caserecord;

import app.casepath.process.Stage;

/** Stage names as practitioners say them. */
public final class StageNames {

    private StageNames() {
    }

    public static String of(Stage stage) {
        return switch (stage) {
            case FRONT_DOOR -> "the Front Door";
            case EARLY_HELP -> "Early Help";
            case ASSESSMENT -> "Child and Family Assessment";
            case STRATEGY -> "strategy discussion";
            case CONFERENCE -> "initial child protection conference";
            case CP_PLAN -> "child protection plan";
            case CIN_PLAN -> "Child in Need plan";
            case PANEL -> "Entry to Care Panel";
            case CLOSURE -> "closure";
        };
    }
}
