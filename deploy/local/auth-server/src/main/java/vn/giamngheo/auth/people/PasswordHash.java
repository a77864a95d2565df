package vn.giamngheo.auth.people;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code java -jar auth-server.jar hash-password}: the hash of a password for the people file, with
 * its {@code {bcrypt}} prefix. The password is
 * read from the console without echo (or from standard input), never from the command line, where the shell history
 * and the process list would keep it.
 */
public final class PasswordHash {

    private PasswordHash() {
    }

    public static void main(String[] args) throws IOException {
        Console console = System.console();
        String password;
        if (console != null) {
            char[] typed = console.readPassword("Mật khẩu: ");
            password = typed == null ? "" : new String(typed);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.length() < 8) {
            System.err.println("Mật khẩu cần ít nhất 8 ký tự.");
            System.exit(2);
        }
        System.out.println("{bcrypt}" + new BCryptPasswordEncoder().encode(password));
    }
}
