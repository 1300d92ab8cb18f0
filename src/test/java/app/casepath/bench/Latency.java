package app.casepath.bench;

import java.util.Arrays;

/** How long a call takes: warm-up calls first, then timed ones; p50 and p95 in milliseconds. */
final class Latency {

    private Latency() {
    }

    record Measured(String what, double p50, double p95) {
        /** The report line. */
        String line() {
            return String.format("%-55s p50 %7.2f ms   p95 %7.2f ms%n", what, p50, p95);
        }

        /** The line, then the target's verdict on the p95 (none if there is no target at this size). */
        String line(Double p95AtMostMs) {
            return line() + (p95AtMostMs == null ? "" : Target.atMost("  p95", p95, p95AtMostMs, "ms"));
        }
    }

    static Measured measure(String what, int warmUps, int timed, Runnable call) {
        for (int i = 0; i < warmUps; i++) {
            call.run();
        }
        double[] ms = new double[timed];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new Measured(what, ms[ms.length / 2], ms[(int) (ms.length * 0.95)]);
    }
}
