import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.jaxb.Target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step (run by exec-maven-plugin in generate-sources, in Java's single-file source mode): starts a throw-away
 * embedded PostgreSQL, applies the Flyway migrations and generates jOOQ classes over JDBC. jOOQ's DDLDatabase cannot
 * read our SQL faithfully (jsonb, defaults), so the real database is the only trustworthy source. Skips the work when
 * the migrations are unchanged since the last run.
 *
 * Arguments: migrations dir, target dir, target package.
 */
public class JooqCodegen {

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]).toAbsolutePath();
        Path target = Path.of(args[1]).toAbsolutePath();
        String packageName = args[2];
        Path stamp = target.resolve(".migrations.sha256");
        String hash = hash(migrations, packageName);
        if (Files.exists(stamp) && Files.readString(stamp).equals(hash)) {
            System.out.println("[jooq-codegen] migrations unchanged, generated sources are up to date");
            return;
        }
        deleteRecursively(target);
        long started = System.nanoTime();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Flyway.configure()
                    .dataSource(postgres.getPostgresDatabase())
                    .locations("filesystem:" + migrations)
                    .load()
                    .migrate();
            List<String> schemas = applicationSchemas(postgres);
            Database database = new Database()
                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                    .withExcludes("flyway_schema_history");
            for (String schema : schemas) {
                database.getSchemata().add(new SchemaMappingType().withInputSchema(schema));
            }
            Configuration configuration = new Configuration()
                    .withJdbc(new Jdbc()
                            .withDriver("org.postgresql.Driver")
                            .withUrl(postgres.getJdbcUrl("postgres", "postgres"))
                            .withUser("postgres")
                            .withPassword("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(database)
                            .withGenerate(new Generate()
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withJavaTimeTypes(true)
                                    .withGeneratedAnnotation(false))
                            .withTarget(new Target()
                                    .withPackageName(packageName)
                                    .withDirectory(target.toString())));
            GenerationTool.generate(configuration);
            System.out.printf("[jooq-codegen] generated schemas %s in %d ms%n", schemas,
                    (System.nanoTime() - started) / 1_000_000);
        }
        Files.createDirectories(target);
        Files.writeString(stamp, hash);
    }

    private static List<String> applicationSchemas(EmbeddedPostgres postgres) throws Exception {
        List<String> schemas = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet rs = connection.createStatement().executeQuery("""
                     select schema_name from information_schema.schemata
                     where schema_name not like 'pg\\_%' and schema_name not in ('information_schema', 'public')
                     order by schema_name""")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }

    private static String hash(Path migrations, String packageName) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(packageName.getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(migrations)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(migrations.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
