package app.casepath.bench;

/**
 * A benchmark's target (issue 6) judged from its own figure: the report line says the figure, the
 * target and "met" or "not met", so that BENCHMARKS.md copies a verdict rather than writing one.
 */
final class Target {

    private Target() {
    }

    static String atMost(String what, double figure, double limit, String unit) {
        return String.format("%s: %.2f %s; target ≤ %s %s: %s%n", what, figure, unit, plain(limit), unit,
                figure <= limit ? "met" : "not met");
    }

    static String holds(String what, boolean holds, String figure) {
        return String.format("%s: %s; %s%n", what, figure, holds ? "met" : "not met");
    }

    private static String plain(double limit) {
        return limit == Math.rint(limit) ? String.valueOf((long) limit) : String.valueOf(limit);
    }
}
