package vn.giamngheo.notification.outside;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import vn.giamngheo.platform.web.ApiException;
import vn.giamngheo.platform.web.FieldProblem;

/** Callbacks from outside are signed {@code sha256=<hex HMAC-SHA256 of the body with the shared secret>}. */
public final class Signatures {

    private Signatures() {
    }

    /** Rejects (401, changing nothing) a callback whose signature header is missing or wrong. */
    public static void verify(String secret, byte[] body, String header, String signature) {
        String expected = "sha256=" + hmac(secret, body);
        if (signature == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Missing or wrong " + header, List.of(new FieldProblem(
                    header, "must be sha256=<HMAC-SHA256 of the body with the shared secret>")));
        }
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
