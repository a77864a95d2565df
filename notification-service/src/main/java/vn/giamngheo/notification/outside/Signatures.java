package vn.giamngheo.notification.outside;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Callbacks from outside are signed {@code sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the shared secret>},
 * the timestamp (Unix seconds) travelling in {@code X-Signature-Timestamp}: without it in the signed text an old
 * callback could be sent again at any time and still verify.
 */
final class Signatures {

    private Signatures() {
    }

    /** The signature header's value for this timestamp and body. */
    static String expected(String secret, long timestamp, byte[] body) {
        return "sha256=" + hmac(secret, timestamp, body);
    }

    static boolean matches(String secret, long timestamp, byte[] body, String signature) {
        return signature != null && MessageDigest.isEqual(expected(secret, timestamp, body)
                .getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    static String hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
