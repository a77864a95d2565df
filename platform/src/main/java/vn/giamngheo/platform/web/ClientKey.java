package vn.giamngheo.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Who a limit counts as one client: an IPv4 address, or the /64 network of an IPv6 address (one subscriber gets a whole
 * /64 and could otherwise take a fresh address for every call). The address is the request's remote address, which is
 * the client's only when a proxy in front says so and the service is told to trust it
 * ({@code server.forward-headers-strategy}).
 */
public final class ClientKey {

    private ClientKey() {
    }

    public static String of(HttpServletRequest request) {
        return of(request.getRemoteAddr());
    }

    static String of(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A numeric literal: no name is looked up.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
