package com.frontline.platform.postgres;

import com.frontline.platform.DataDirectories;
import com.frontline.platform.EmbeddedProperties;
import com.frontline.platform.StaleProcesses;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Without {@code spring.datasource.url} the app runs a real PostgreSQL itself (zonky's binaries), keeping its data
 * under {@code <data-dir>/postgres} so that it survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(EmbeddedProperties properties) throws IOException {
        Path dir = DataDirectories.resolve(properties, "postgres");
        StaleProcesses.stopLeftover(dir.resolve("postmaster.pid"), "postgres", Duration.ofSeconds(10));
        long started = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "50")
                // zonky's own JVM hook would stop the server while the web server still drains its requests (each
                // then waited 30 s for a connection): Spring closes this bean after the web server, and Spring
                // Boot's shutdown hook stops it last if no context did
                .setRegisterShutdownHook(false)
                .start();
        log.info("Embedded PostgreSQL ready on port {} with data in {} ({} ms)", postgres.getPort(), dir,
                (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedPostgresServer(postgres, dir, properties.ephemeral());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.postgres().getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("frontline");
        // as spring.datasource.hikari.connection-timeout for an external database: then a clear 503 "try again"
        dataSource.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        return dataSource;
    }

    /** The running server; closed once, by the context or by Spring Boot's shutdown hook after every context. */
    static final class EmbeddedPostgresServer implements AutoCloseable {

        private final EmbeddedPostgres postgres;
        private final Path dir;
        private final boolean ephemeral;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final Runnable stopOnExit = this::closeQuietly;

        EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dir, boolean ephemeral) {
            this.postgres = postgres;
            this.dir = dir;
            this.ephemeral = ephemeral;
            SpringApplication.getShutdownHandlers().add(stopOnExit);
        }

        EmbeddedPostgres postgres() {
            return postgres;
        }

        @Override
        public void close() throws IOException {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                SpringApplication.getShutdownHandlers().remove(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // Spring Boot's shutdown hook is running; it calls closeQuietly, which is now a no-op
            }
            postgres.close();
            if (ephemeral) {
                DataDirectories.deleteQuietly(dir);
            }
        }

        private void closeQuietly() {
            try {
                close();
            } catch (IOException | RuntimeException e) {
                log.warn("Could not stop the embedded PostgreSQL in {}: {}", dir, e.toString());
            }
        }
    }
}
