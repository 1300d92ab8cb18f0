package app.casepath.resilience;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One Casepath node in its own JVM, as a server runs it: the application's main class on the test
 * classpath, its job executor and mail sender switched on, its output in target/resilience/.
 */
final class Node {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String name;
    final int port;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    Node(String name, Path work, String jdbcUrl, int smtpPort) throws IOException {
        this.name = name;
        this.port = freePort();
        this.log = work.resolve(name + ".log");
        this.arguments = List.of(
                "--server.port=" + port,
                "--spring.profiles.active=demo",
                "--casepath.demo.caseload=false",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.connection-timeout=3000",
                "--spring.mail.host=localhost",
                "--spring.mail.port=" + smtpPort,
                "--casepath.mail.poll=PT1S",
                "--casepath.mail.first-retry=PT2S",
                // A dead node's jobs pass to the other after this long (production: a minute).
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                // Both nodes awake within a second and taking a few jobs at a time, so that a
                // test-sized burst of timers is still running when one of them is killed.
                "--camunda.bpm.job-execution.max-wait=1000",
                "--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
                "--camunda.bpm.job-execution.core-pool-size=2",
                "--camunda.bpm.job-execution.max-pool-size=2",
                "--camunda.bpm.job-execution.queue-capacity=3",
                "--camunda.bpm.generic-properties.properties.hostname=" + name);
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", applicationClassPath(),
                "app.casepath.CasepathApplication"));
        command.addAll(arguments);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    void awaitUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited while starting; see " + log);
            }
            try {
                if (get("/actuator/health", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " not up after " + timeout + "; see " + log);
    }

    /** SIGKILL: no shutdown hook, no graceful stop, as when a server loses power. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user);
    }

    HttpResponse<String> post(String path, String json, String user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user) throws IOException, InterruptedException {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    private URI uri(String path) {
        return URI.create(url(path));
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** The log's ERROR lines (Spring Boot's console format: time, level, pid). */
    List<String> errorsInLog() throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.matches("^\\S+\\s+ERROR\\s.*")).toList();
    }

    /** The test classpath without the tests' own classes (their beans and test models are not the app's). */
    private static String applicationClassPath() {
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return java.util.Arrays.stream(testClassPath.split(java.io.File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
