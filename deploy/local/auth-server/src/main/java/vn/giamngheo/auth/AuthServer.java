package vn.giamngheo.auth;

import java.io.IOException;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import vn.giamngheo.auth.people.PasswordHash;

/**
 * The local OpenID Connect provider. People (from the people file) sign in to the portal with the authorization-code
 * flow and PKCE; each demo machine client stands for one role and gets a JWT with the client-credentials grant:
 * <pre>curl -s -u ward-officer-08707:demo -d grant_type=client_credentials localhost:9000/oauth2/token</pre>
 * Both kinds of token carry {@code roles}, {@code units} and {@code department} and the platform's audience; a
 * person's also carries {@code name}. The signing key is made at start-up, so tokens do not outlive a restart.
 * <p>
 * {@code java -jar auth-server.jar hash-password} prints the hash of a password for the people file.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServer {

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && "hash-password".equals(args[0])) {
            PasswordHash.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(AuthServer.class, args);
    }
}
