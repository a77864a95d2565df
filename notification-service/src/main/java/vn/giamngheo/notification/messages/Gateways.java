package vn.giamngheo.notification.messages;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import tools.jackson.databind.ObjectMapper;

/** The two ways out: the SMS gateway's HTTP API and the SMTP server. */
final class Gateways {

    /** What the gateway said. */
    sealed interface Answer {
        record Accepted() implements Answer {
        }

        /** Worth trying again: 5xx, 429, a timeout, no connection. */
        record Transient(String reason) implements Answer {
        }

        /** Refused (4xx, a malformed message): sending the same again cannot help. */
        record Refused(String reason) implements Answer {
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MessagingProperties.Sms sms;
    private final Supplier<String> smsCallbackUrl;
    private final HttpClient http;
    private final JavaMailSender mail;
    private final String from;

    Gateways(MessagingProperties properties, Supplier<String> smsCallbackUrl, JavaMailSender mail) {
        this.sms = properties.sms();
        this.smsCallbackUrl = smsCallbackUrl;
        this.http = HttpClient.newBuilder().connectTimeout(sms.requestTimeout()).build();
        this.mail = mail;
        this.from = properties.emailFrom();
    }

    Answer send(Message message) {
        return message.channel() == Channel.SMS ? sms(message) : email(message);
    }

    /** {@code POST /api/sms} with a bearer token and the message id as idempotency key. */
    private Answer sms(Message message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", message.gatewayKey());
        body.put("to", message.to());
        body.put("text", message.text());
        body.put("callbackUrl", smsCallbackUrl.get());
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(sms.baseUrl() + "/api/sms"))
                    .timeout(sms.requestTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Authorization", "Bearer " + sms.token())
                    .header("Idempotency-Key", message.gatewayKey())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Answer.Accepted();
            }
            String reason = "SMS gateway answered HTTP " + status;
            return status == 429 || status >= 500 ? new Answer.Transient(reason) : new Answer.Refused(reason);
        } catch (HttpTimeoutException e) {
            return new Answer.Transient("SMS gateway did not answer within " + sms.requestTimeout().toMillis() + " ms");
        } catch (IOException e) {
            return new Answer.Transient("SMS gateway unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Transient("interrupted");
        }
    }

    /** A plain-text UTF-8 e-mail; the message id travels in a header so a mailbox can spot a repeat. */
    private Answer email(Message message) {
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.to());
            helper.setSubject(message.subject());
            helper.setText(message.text(), false);
            mime.setHeader("X-Giamngheo-Message-Id", message.gatewayKey());
            mail.send(mime);
            return new Answer.Accepted();
        } catch (MailParseException | MailPreparationException e) {
            return new Answer.Refused("the e-mail could not be prepared: " + e.getMessage());
        } catch (MailException e) {
            return new Answer.Transient("SMTP: " + e.getClass().getSimpleName() + " " + firstLine(e.getMessage()));
        } catch (jakarta.mail.MessagingException e) {
            return new Answer.Refused("the e-mail could not be prepared: " + e.getMessage());
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
