package com.frontline.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server left running by an app that was killed (kill -9, a crashed IDE run) holds its data directory's lock.
 * Before starting our own, stop such a leftover, identified by the pid file in our data directory and by its command
 * line naming that directory's service.
 */
public final class StaleProcesses {

    private static final Logger log = LoggerFactory.getLogger(StaleProcesses.class);

    private StaleProcesses() {
    }

    public static void stopLeftover(Path pidFile, String commandMustContain, Duration grace) {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            long pid = Long.parseLong(firstLine);
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isPresent() && handle.get().isAlive() && handle.get().info().commandLine()
                    .map(c -> c.contains(commandMustContain)).orElse(false)) {
                log.warn("Stopping a leftover {} process (pid {}) from an earlier run", commandMustContain, pid);
                handle.get().destroy();
                try {
                    handle.get().onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception timeout) {
                    handle.get().destroyForcibly();
                }
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            log.warn("Ignoring unreadable pid file {}: {}", pidFile, e.getMessage());
        }
    }
}
