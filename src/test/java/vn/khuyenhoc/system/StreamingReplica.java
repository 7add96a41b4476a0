package vn.khuyenhoc.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL primary and a streaming replica of it (Debian's server binaries: the embedded ones have no
 * {@code pg_basebackup}), in a temporary directory on free ports, for the replica tests. As root the servers run
 * as the {@code postgres} user. Without the binaries the tests are skipped on a developer's machine and fail in CI
 * ({@code .ci/run} installs {@code postgresql} and sets {@code REQUIRE_BROWSER=1}).
 */
final class StreamingReplica implements AutoCloseable {

    static final String DATABASE = "khuyenhoc";

    private final Path bin;
    private final Path directory;
    private final int primaryPort;
    private final int replicaPort;
    private final boolean root;

    private StreamingReplica(Path bin, Path directory, int primaryPort, int replicaPort, boolean root) {
        this.bin = bin;
        this.directory = directory;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
        this.root = root;
    }

    /** Starts both servers, with the database {@value #DATABASE} created on the primary (and so on the replica). */
    static StreamingReplica start() {
        Path bin = debianBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path directory = Files.createTempDirectory("khuyenhoc-replica");
            if (root) {
                UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(directory, postgres);
            }
            StreamingReplica servers = new StreamingReplica(bin, directory, freePort(), freePort(), root);
            try {
                servers.startBoth();
            }
            catch (RuntimeException ex) {
                servers.close();
                throw ex;
            }
            return servers;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    String primaryUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/" + DATABASE;
    }

    String replicaUrl() {
        return "jdbc:postgresql://127.0.0.1:" + replicaPort + "/" + DATABASE;
    }

    Connection primary() throws SQLException {
        return DriverManager.getConnection(primaryUrl(), "postgres", "postgres");
    }

    Connection replica() throws SQLException {
        return DriverManager.getConnection(replicaUrl(), "postgres", "postgres");
    }

    private void startBoth() {
        Path primaryData = directory.resolve("primary");
        Path replicaData = directory.resolve("replica");
        run(bin.resolve("initdb") + " -D " + primaryData + " -A trust -U postgres -E UTF8");
        run(bin.resolve("pg_ctl") + " -D " + primaryData + " -l " + directory.resolve("primary.log") + " -w -o '-p "
                + primaryPort + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c max_connections=100' start");
        try (Connection admin = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres", "postgres", "postgres")) {
            admin.createStatement().execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create the database on the primary", ex);
        }
        run(bin.resolve("pg_basebackup") + " -h 127.0.0.1 -p " + primaryPort + " -U postgres -D " + replicaData
                + " -R -X stream -c fast");
        run(bin.resolve("pg_ctl") + " -D " + replicaData + " -l " + directory.resolve("replica.log") + " -w -o '-p "
                + replicaPort + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c max_connections=100 -c hot_standby=on' start");
    }

    @Override
    public void close() {
        for (String data : List.of("replica", "primary")) {
            if (Files.exists(directory.resolve(data).resolve("postmaster.pid"))) {
                try {
                    run(bin.resolve("pg_ctl") + " -D " + directory.resolve(data) + " -m immediate -w stop");
                }
                catch (RuntimeException ex) {
                    // removed below all the same
                }
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
        catch (IOException ex) {
            // a temporary directory
        }
    }

    /** Runs a command as the {@code postgres} user (as root) or as oneself. */
    private void run(String command) {
        List<String> shell = root ? List.of("su", "postgres", "-s", "/bin/sh", "-c", command)
                : List.of("/bin/sh", "-c", command);
        try {
            Process process = new ProcessBuilder(shell).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("Failed: " + command + "\n" + output + logs());
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private String logs() {
        StringBuilder logs = new StringBuilder();
        for (String log : List.of("primary.log", "replica.log")) {
            try {
                logs.append("\n--- ").append(log).append('\n').append(Files.readString(directory.resolve(log)));
            }
            catch (IOException ex) {
                // not started yet
            }
        }
        return logs.toString();
    }

    /** The newest Debian PostgreSQL with {@code pg_basebackup}; a skip locally, a failure where CI requires it. */
    private static Path debianBinaries() {
        Path found = null;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            found = versions.map(version -> version.resolve("bin"))
                    .filter(candidate -> Files.isExecutable(candidate.resolve("pg_basebackup")))
                    .max(Comparator.comparing(candidate -> Integer.parseInt(candidate.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))))
                    .orElse(null);
        }
        catch (IOException ex) {
            // no /usr/lib/postgresql at all
        }
        if (found == null && (System.getenv("REQUIRE_BROWSER") != null || System.getenv("REQUIRE_REPLICA") != null)) {
            throw new IllegalStateException("CI requires the replica tests, but /usr/lib/postgresql/*/bin/pg_basebackup "
                    + "is missing: apt-get install -y postgresql");
        }
        Assumptions.assumeTrue(found != null, "Debian's postgresql (pg_basebackup) is not installed");
        return found;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
