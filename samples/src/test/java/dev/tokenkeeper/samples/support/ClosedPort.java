package dev.tokenkeeper.samples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A loopback port nobody listens on: connections to it are refused at once. */
public final class ClosedPort {

    private ClosedPort() {
    }

    /** Binds an ephemeral port and closes it again; the OS does not hand it out again right away. */
    public static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
