package com.frontline.platform.elasticsearch;

import com.frontline.platform.DataDirectories;
import com.frontline.platform.EmbeddedProperties;
import com.frontline.platform.StaleProcesses;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.system.ApplicationHome;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Elasticsearch node from the unpacked distribution, run as a child process on free loopback ports, with its
 * config, data, logs and temp files under {@code <data-dir>/elasticsearch}.
 * <p>
 * The constructor only launches the process, so the app does not wait ~10 s for the node; callers that need it use
 * {@link #awaitReady(Duration)}.
 */
final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 40;

    private final Path dir;
    private final boolean ephemeral;
    private final URI url;
    private final Path consoleLog;
    private final Process process;
    private final long launchedAt = System.nanoTime();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final ClusterHealthProbe probe = new ClusterHealthProbe();
    /**
     * Run by Spring Boot's shutdown hook after every application context has closed, when none closed this node: a
     * JVM hook of its own would stop the node while the web server still drains its requests.
     */
    private final Runnable stopOnExit = this::close;
    private volatile boolean closed;

    EmbeddedElasticsearch(ElasticsearchProperties properties, EmbeddedProperties embedded) {
        Path home = distribution(properties.home());
        this.ephemeral = embedded.ephemeral();
        this.dir = DataDirectories.resolve(embedded, "elasticsearch");
        this.consoleLog = dir.resolve("console.log");
        Path pidFile = dir.resolve("elasticsearch.pid");
        // The node's command line names its temp dir inside ours, so this cannot hit another app's node.
        StaleProcesses.stopLeftover(pidFile, dir.toString(), STOP_GRACE);
        try {
            int[] ports = freeLoopbackPorts(2);
            this.url = URI.create("http://127.0.0.1:" + ports[0]);
            NodeSettings settings = new NodeSettings(dir.resolve("data"), dir.resolve("logs"), ports[0], ports[1]);
            Path config = writeConfig(home, settings);
            Path tmp = Files.createDirectories(dir.resolve("tmp"));
            Files.createDirectories(settings.dataPath());
            Files.createDirectories(settings.logsPath());

            UserSwitch userSwitch = UserSwitch.detect();
            userSwitch.prepare(dir, home);
            ProcessBuilder builder = new ProcessBuilder(userSwitch.command(
                    home.resolve("bin/elasticsearch").toString(), "-p", pidFile.toString()))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(consoleLog.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            environment(builder.environment(), properties.heap(), config, tmp);
            log.info("Starting Elasticsearch on {} with data in {} (console output in {})", url, dir, consoleLog);
            this.process = builder.start();
        } catch (IOException | RuntimeException e) {
            if (ephemeral) {
                DataDirectories.deleteQuietly(dir);
            }
            throw e instanceof IOException io ? new UncheckedIOException("Cannot start Elasticsearch", io)
                    : (RuntimeException) e;
        }
        // Spring closes this bean on a normal shutdown; the handler covers a JVM that exits without closing the context
        SpringApplication.getShutdownHandlers().add(stopOnExit);
        Thread.ofPlatform().daemon().name("elasticsearch-startup")
                .start(() -> watchStartup(properties.startupTimeout()));
    }

    URI url() {
        return url;
    }

    Path directory() {
        return dir;
    }

    ProcessHandle process() {
        return process.toHandle();
    }

    boolean isReady() {
        return ready.isDone() && !ready.isCompletedExceptionally() && process.isAlive();
    }

    /** Why the node cannot be used, or null while it is starting or ready. */
    @Nullable String failure() {
        if (ready.isCompletedExceptionally()) {
            return ready.exceptionNow().getMessage();
        }
        if (ready.isDone() && !process.isAlive()) {
            return "Elasticsearch exited with code " + process.exitValue() + "; see " + consoleLog;
        }
        return null;
    }

    void awaitReady(Duration timeout) {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ElasticsearchUnavailableException(
                    "Elasticsearch is still starting after " + timeout.toSeconds() + " s; see " + consoleLog);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ElasticsearchUnavailableException unavailable ? unavailable
                    : new ElasticsearchUnavailableException("Elasticsearch failed to start", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ElasticsearchUnavailableException("Interrupted while waiting for Elasticsearch", e);
        }
        String failure = failure();
        if (failure != null) {
            throw new ElasticsearchUnavailableException(failure);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ready.completeExceptionally(new ElasticsearchUnavailableException("Elasticsearch has been stopped"));
        stopProcessTree();
        probe.close();
        try {
            SpringApplication.getShutdownHandlers().remove(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // Spring Boot's shutdown hook is running; close() is idempotent
        }
        if (ephemeral) {
            DataDirectories.deleteQuietly(dir);
        }
    }

    private void watchStartup(Duration timeout) {
        long deadline = launchedAt + timeout.toNanos();
        while (!closed) {
            if (!process.isAlive()) {
                ready.completeExceptionally(new ElasticsearchUnavailableException("Elasticsearch exited with code "
                        + process.exitValue() + " while starting. Last lines of " + consoleLog + ":\n" + logTail()));
                return;
            }
            try {
                if (probe.fetch(url, Duration.ofSeconds(2)).usable()) {
                    log.info("Elasticsearch ready on {} after {} ms", url,
                            Duration.ofNanos(System.nanoTime() - launchedAt).toMillis());
                    ready.complete(null);
                    return;
                }
            } catch (IOException notListeningYet) {
                // expected until the node has bound its HTTP port
            } catch (InterruptedException e) {
                return;
            }
            if (System.nanoTime() > deadline) {
                // A node that never became ready still holds ~1 GB and its data directory's lock: stop it.
                ready.completeExceptionally(new ElasticsearchUnavailableException("Elasticsearch was not ready within "
                        + timeout.toSeconds() + " s (frontline.elasticsearch.startup-timeout). Last lines of "
                        + consoleLog + ":\n" + logTail()));
                stopProcessTree();
                return;
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The launcher JVM forwards SIGTERM to the node; the node gets one too, in case the launcher is gone. */
    private void stopProcessTree() {
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, STOP_GRACE)) {
            log.warn("Elasticsearch did not stop within {} s; killing it", STOP_GRACE.toSeconds());
            tree.forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, Duration.ofSeconds(5));
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        try {
            CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Copies the distribution's config (jvm.options, log4j2.properties ...) and writes our elasticsearch.yml. */
    private Path writeConfig(Path home, NodeSettings settings) throws IOException {
        Path source = home.resolve("config");
        Path target = dir.resolve("config");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    // Replace, so a newer distribution's jvm.options win; the keystore the node creates stays.
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(target.resolve("elasticsearch.yml"), settings.toYaml());
        // A node stopped while it first created its keystore leaves this file behind, and every later start then
        // fails ("FileAlreadyExistsException ... elasticsearch.keystore.tmp"). It is never worth keeping.
        Files.deleteIfExists(target.resolve("elasticsearch.keystore.tmp"));
        return target;
    }

    private static void environment(Map<String, String> env, String heap, Path config, Path tmp) {
        // The scripts warn about (JAVA_HOME, JAVA_OPTS) or ignore (JAVA_TOOL_OPTIONS) these; keep the console clean.
        Stream.of("JAVA_HOME", "JAVA_OPTS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS").forEach(env::remove);
        // Elasticsearch 9 needs Java 21+, which the app itself already requires.
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", config.toString());
        env.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        env.put("ES_TMPDIR", tmp.toString());
        // The launcher probes JVM flags in a temp dir it never deletes; keep that litter out of /tmp. The script
        // splits CLI_JAVA_OPTS on spaces, so a path with spaces has to litter.
        if (!tmp.toString().contains(" ")) {
            env.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
        }
    }

    private String logTail() {
        try (RandomAccessFile file = new RandomAccessFile(consoleLog.toFile(), "r")) {
            long start = Math.max(0, file.length() - 16_384);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()).stream()
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(cannot read " + consoleLog + ": " + e.getMessage() + ")";
        }
    }

    /** Holds all sockets open together, so the ports differ; the node binds them a few seconds later. */
    private static int[] freeLoopbackPorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            }
            return Arrays.stream(sockets).mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    private static Path distribution(@Nullable Path home) {
        Path jarDir = null;
        try {
            jarDir = new ApplicationHome(EmbeddedElasticsearch.class).getDir().toPath();
        } catch (RuntimeException e) {
            log.debug("Cannot tell where the app's jar is: {}", e.toString());
        }
        Path found = DistributionLocator.locate(home, Path.of("").toAbsolutePath(), jarDir);
        return found.toAbsolutePath().normalize();
    }
}
