package vn.giamngheo.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a platform started by a test, below the kernel's ephemeral range (32768–60999 on Linux). A port the kernel
 * hands out for {@code new ServerSocket(0)} is an ephemeral one: between the test choosing it and the service binding
 * it seconds later, any outgoing connection (a Kafka client, the previous platform's last sockets) may take it as its
 * source port, and the service then fails with "port already in use" (it happened to the portal in a whole run).
 */
public final class SparePorts {

    private static final int FROM = 20_000;
    private static final int TO = 32_000;
    private static final Set<Integer> given = new HashSet<>();

    private SparePorts() {
    }

    /** A port nothing listens on now, not given before in this JVM. */
    public static synchronized int next() throws IOException {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FROM, TO);
            if (given.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
                socket.setReuseAddress(true);
                given.add(port);
                return port;
            } catch (IOException inUse) {
                // taken: try another
            }
        }
        throw new IOException("no free port between " + FROM + " and " + TO + " after 1000 tries");
    }
}
