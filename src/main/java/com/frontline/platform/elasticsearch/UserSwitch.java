package com.frontline.platform.elasticsearch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Elasticsearch refuses to run as root, and root is common here (containers, CI, cloud VMs). How the node is started
 * then decides which files it can reach.
 */
enum UserSwitch {

    /** Not root: start the node as we are. */
    NONE(List.of()),

    /**
     * A user namespace that maps us (root) to uid 65534 inside. Elasticsearch sees a non-root user, while every file
     * access is still checked against the real uid 0 as the owner. So nothing needs a chown, and a project under
     * {@code /root} (mode 700) works. A namespace without any mapping ({@code unshare -U} alone, as zonky's PostgreSQL
     * uses) is not enough: the JDK attach listener chowns its socket to the unmapped uid and fails, and Elasticsearch 9
     * attaches its entitlement agent to itself at boot, so it would die with "Unable to attach entitlement agent".
     */
    USER_NAMESPACE(List.of("unshare", "--user", "--map-user=65534", "--map-group=65534")),

    /**
     * Where user namespaces are forbidden (a container without CAP_SYS_ADMIN): really become nobody. The node's
     * directory is then handed to nobody, and the distribution and the data directory's ancestors must be readable
     * by nobody, which fails for a project under {@code /root}.
     */
    SETPRIV(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));

    private static final Logger log = LoggerFactory.getLogger(UserSwitch.class);
    private static final int NOBODY = 65534;

    private final List<String> commandPrefix;

    UserSwitch(List<String> commandPrefix) {
        this.commandPrefix = commandPrefix;
    }

    List<String> commandPrefix() {
        return commandPrefix;
    }

    static UserSwitch detect() {
        if (!runningAsRoot()) {
            return NONE;
        }
        if (succeeds(USER_NAMESPACE.command("true"))) {
            log.info("Running as root: Elasticsearch runs in a user namespace as uid {}", NOBODY);
            return USER_NAMESPACE;
        }
        if (succeeds(SETPRIV.command("true"))) {
            log.warn("Running as root without user namespaces: Elasticsearch runs as nobody via setpriv");
            return SETPRIV;
        }
        throw new ElasticsearchUnavailableException("Elasticsearch refuses to run as root, and neither 'unshare' "
                + "nor 'setpriv' can switch users here. Run the app as another user or set frontline.elasticsearch.url.");
    }

    /** Makes the node's files reachable for the user it will run as. */
    void prepare(Path nodeDir, Path home) {
        switch (this) {
            case NONE -> {
            }
            // Files an earlier setpriv run handed to nobody would be out of reach inside the namespace.
            case USER_NAMESPACE -> chown(nodeDir, 0);
            case SETPRIV -> {
                chown(nodeDir, NOBODY);
                Path script = home.resolve("bin/elasticsearch");
                if (!succeeds(command("test", "-x", script.toString(), "-a", "-w", nodeDir.toString()))) {
                    throw new ElasticsearchUnavailableException("Running as root without user namespaces, "
                            + "Elasticsearch runs as nobody, who cannot run " + script + " or write " + nodeDir
                            + " (is the project under /root?). Move the project and data directory somewhere nobody "
                            + "can read, or set frontline.elasticsearch.url.");
                }
            }
        }
    }

    private static void chown(Path dir, int id) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (!Integer.valueOf(id).equals(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS))) {
                    Files.setAttribute(path, "unix:uid", id, LinkOption.NOFOLLOW_LINKS);
                }
                if (!Integer.valueOf(id).equals(Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS))) {
                    Files.setAttribute(path, "unix:gid", id, LinkOption.NOFOLLOW_LINKS);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot hand " + dir + " to uid " + id, e);
        }
    }

    List<String> command(String... command) {
        return Stream.concat(commandPrefix.stream(), Stream.of(command)).toList();
    }

    private static boolean runningAsRoot() {
        try {
            // /proc/self belongs to the effective uid; user.name can be wrong under sudo -E or a missing passwd entry.
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
