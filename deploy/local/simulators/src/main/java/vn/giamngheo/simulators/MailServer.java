package vn.giamngheo.simulators;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The officers' mail server on loopback: GreenMail's SMTP server, and {@code GET /admin/mail} on a small HTTP port that
 * lists what it received (to, subject, text), so people and tests can read the mail without a mail client.
 */
public final class MailServer implements AutoCloseable {

    /** One received e-mail, decoded. */
    public record Mail(List<String> to, String subject, String text) {
    }

    private final GreenMail greenMail;
    private final HttpServer http;

    /** @param smtpPort 0 for any free port; {@code httpPort} 0 for any, -1 for no HTTP listing */
    public MailServer(int smtpPort, int httpPort) throws IOException {
        ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        this.greenMail = new GreenMail(smtpPort == 0 ? smtp.dynamicPort() : smtp);
        greenMail.start();
        if (httpPort < 0) {
            this.http = null;
            return;
        }
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 0);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/admin/mail", exchange -> {
            try (exchange) {
                Exchanges.respond(exchange, 200, Map.of("mail", received()));
            }
        });
        http.start();
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** Every e-mail received so far, oldest first. */
    public List<Mail> received() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(MailServer::mail).toList();
    }

    private static Mail mail(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            Object content = message.getContent();
            return new Mail(to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                    message.getSubject(), content instanceof String text ? text : String.valueOf(content));
        } catch (MessagingException | IOException e) {
            return new Mail(List.of(), "(unreadable: " + e.getMessage() + ")", "");
        }
    }

    @Override
    public void close() {
        if (http != null) {
            http.stop(0);
        }
        greenMail.stop();
    }

    /** Runs on its own: MAIL_SMTP_PORT (3025) and MAIL_HTTP_PORT (9302) from the environment (deploy/local/run). */
    public static void main(String[] args) throws IOException {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        MailServer server = new MailServer(Integer.parseInt(env.getOrDefault("MAIL_SMTP_PORT", "3025")),
                Integer.parseInt(env.getOrDefault("MAIL_HTTP_PORT", "9302")));
        System.out.println("Mail server: SMTP on 127.0.0.1:" + server.smtpPort() + ", received mail at "
                + "http://127.0.0.1:" + env.getOrDefault("MAIL_HTTP_PORT", "9302") + "/admin/mail");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
}
