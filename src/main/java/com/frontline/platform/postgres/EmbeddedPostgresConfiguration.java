package com.frontline.platform.postgres;

import com.frontline.platform.DataDirectories;
import com.frontline.platform.EmbeddedProperties;
import com.frontline.platform.StaleProcesses;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

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
        return dataSource;
    }

    record EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dir, boolean ephemeral) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            postgres.close();
            if (ephemeral) {
                DataDirectories.deleteQuietly(dir);
            }
        }
    }
}
