package chaingraph.neo4jtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Embedded Neo4j 5.26 Community server for chaingraph's tests: Bolt only, no auth.
 *
 * <pre>
 * java -jar target/neo4j-test-server.jar [--port N] [--host H] [--data DIR]
 *      [--port-file FILE] [--page-cache SIZE] [--conf FILE] [--watch-stdin] [--parent-pid PID]
 * </pre>
 *
 * stdout carries exactly one line, {@code READY bolt://HOST:PORT}, once Bolt accepts TCP
 * connections; everything else goes to stderr or to DIR/logs/. SIGTERM / SIGINT shut the
 * DBMS down cleanly (shutdown hook). Without --data a temp dir is used and deleted at exit;
 * with --data an existing store is reused (recovered if the last run was killed).
 * --watch-stdin: exit when stdin reaches EOF; --parent-pid: exit when that process ends.
 */
public final class TestServer {

    private static final String USAGE =
            "usage: TestServer [--port N (0 = free port, default)] [--host 127.0.0.1] [--data DIR]\n"
                    + "                  [--port-file FILE] [--page-cache 64m] [--conf neo4j.conf]"
                    + "\n                  [--watch-stdin] [--parent-pid PID]";

    private TestServer() {}

    public static void main(String[] args) {
        // Keep stdout for the READY line only: anything the libraries print goes to stderr.
        PrintStream out = System.out;
        System.setOut(System.err);

        int port = 0;
        String host = "127.0.0.1";
        Path data = null;
        Path portFile = null;
        Path conf = null;
        String pageCache = "64m";
        boolean watchStdin = false;
        long parentPid = -1;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--host" -> host = args[++i];
                    case "--data" -> data = Path.of(args[++i]);
                    case "--port-file" -> portFile = Path.of(args[++i]);
                    case "--page-cache" -> pageCache = args[++i];
                    case "--conf" -> conf = Path.of(args[++i]);
                    case "--watch-stdin" -> watchStdin = true;
                    case "--parent-pid" -> parentPid = Long.parseLong(args[++i]);
                    case "-h", "--help" -> {
                        System.err.println(USAGE);
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + a);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("neo4j-test-server: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }

        try {
            run(out, host, port, data, portFile, conf, pageCache, watchStdin, parentPid);
        } catch (Throwable t) {
            System.err.println("neo4j-test-server: FAILED to start: " + t);
            t.printStackTrace(System.err);
            System.exit(1);
        }
    }

    private static void run(PrintStream out, String host, int port, Path data, Path portFile,
                            Path conf, String pageCache, boolean watchStdin, long parentPid)
            throws Exception {
        final boolean temporary = data == null;
        final Path home = temporary
                ? Files.createTempDirectory("chaingraph-neo4j-")
                : Files.createDirectories(data).toAbsolutePath().normalize();

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        if (conf != null) {
            builder.loadPropertiesFromFile(conf);
        }
        builder.setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.preallocate_store_files, false)
                .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
                // Bolt's graceful shutdown waits 2 x 5 s by default; a test server need not.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1));

        final DatabaseManagementService dbms = builder.build();
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
            } catch (Throwable t) {
                System.err.println("neo4j-test-server: error during shutdown: " + t);
            }
            if (temporary) {
                deleteRecursively(home);
            }
            if (portFile != null) {
                try {
                    Files.deleteIfExists(portFile);
                } catch (IOException ignored) {
                    // best effort
                }
            }
            stopped.countDown();
        }, "neo4j-test-server-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(120_000)) {
            throw new IllegalStateException("database 'neo4j' not available after 120 s");
        }
        HostnamePort bound = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        if (bound == null) {
            throw new IllegalStateException("Bolt connector did not register a local address");
        }
        int boltPort = bound.getPort();
        waitForTcp(host, boltPort, 60_000);

        if (portFile != null) {
            Path parent = portFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
            Files.writeString(tmp, boltPort + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        out.println("READY bolt://" + host + ":" + boltPort);
        out.flush();

        if (watchStdin) {
            // For callers that keep a pipe to our stdin: parent gone -> EOF -> clean exit.
            Thread t = new Thread(() -> {
                try (InputStream in = System.in) {
                    while (in.read() != -1) {
                        // discard
                    }
                } catch (IOException ignored) {
                    // treat like EOF
                }
                System.exit(0);
            }, "neo4j-test-server-stdin");
            t.setDaemon(true);
            t.start();
        }
        if (parentPid > 0) {
            // Watchdog: exit cleanly when the given process (e.g. the pytest run) goes away.
            var parent = ProcessHandle.of(parentPid);
            if (parent.isEmpty()) {
                System.exit(0);
            }
            parent.get().onExit().thenRun(() -> System.exit(0));
        }
        stopped.await();
    }

    private static long parseBytes(String s) {
        String v = s.trim().toLowerCase();
        long mult = 1;
        char last = v.charAt(v.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            mult = switch (last) {
                case 'k' -> ByteUnit.kibiBytes(1);
                case 'm' -> ByteUnit.mebiBytes(1);
                default -> ByteUnit.gibiBytes(1);
            };
            v = v.substring(0, v.length() - 1);
        }
        return Long.parseLong(v) * mult;
    }

    private static void waitForTcp(String host, int port, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        IOException last = null;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 1000);
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Bolt port " + port + " not accepting connections", last);
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
