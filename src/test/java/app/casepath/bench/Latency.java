package app.casepath.bench;

import java.util.Arrays;

/** How long a call takes: warm-up calls first, then timed ones; a report line with p50 and p95 in milliseconds. */
final class Latency {

    private Latency() {
    }

    static String measure(String what, int warmUps, int timed, Runnable call) {
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
        return String.format("%-55s p50 %7.2f ms   p95 %7.2f ms%n", what, ms[ms.length / 2], ms[(int) (ms.length * 0.95)]);
    }
}
