package vn.giamngheo.notification.messages;

import freemarker.cache.StringTemplateLoader;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Vietnamese message templates: FreeMarker files {@code <kind>.v<N>.ftl} in one folder (the newest version of each
 * kind is used; older ones stay for the record), plus shared files such as {@code names.ftl}. An e-mail template's
 * first line is the subject, then a blank line, then the text. All are checked when the service starts: every file
 * must parse and render with its kind's variables, so a template using a variable its kind does not supply stops the
 * start-up with the file, line and variable named.
 */
public final class Templates {

    /** A message's text, with the template version it came from; {@code subject} is null for SMS. */
    public record Rendered(String template, String subject, String text) {
    }

    private static final Pattern VERSIONED = Pattern.compile("([a-z-]+)\\.v(\\d+)\\.ftl");

    private final Configuration freemarker;
    private final Map<MessageKind, String> current = new EnumMap<>(MessageKind.class);

    private Templates(Configuration freemarker, Map<MessageKind, String> current) {
        this.freemarker = freemarker;
        this.current.putAll(current);
    }

    /**
     * Loads and checks every template under {@code location} (e.g. {@code classpath:templates/messages/} or a
     * {@code file:} folder).
     *
     * @throws IllegalStateException listing every problem found
     */
    public static Templates load(String location) {
        String folder = location.endsWith("/") ? location : location + "/";
        StringTemplateLoader loader = new StringTemplateLoader();
        Map<String, TreeMap<Integer, String>> versions = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(folder + "*.ftl")) {
                String name = resource.getFilename();
                loader.putTemplate(name, resource.getContentAsString(StandardCharsets.UTF_8));
                Matcher m = VERSIONED.matcher(name);
                if (m.matches()) {
                    versions.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), name);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the message templates in " + folder + ": " + e.getMessage(), e);
        }
        Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setTemplateLoader(loader);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setLocale(Locale.forLanguageTag("vi-VN"));
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);

        Map<MessageKind, String> current = new EnumMap<>(MessageKind.class);
        Set<String> known = new HashSet<>();
        Templates templates = new Templates(freemarker, Map.of());
        for (MessageKind kind : MessageKind.values()) {
            known.add(kind.template());
            TreeMap<Integer, String> files = versions.get(kind.template());
            if (files == null) {
                problems.add(folder + kind.template() + ".v1.ftl: missing (no template for " + kind + ")");
                continue;
            }
            current.put(kind, files.lastEntry().getValue());
            for (String file : files.values()) {
                try {
                    templates.render(kind, file, kind.sample());
                } catch (TemplateProblem e) {
                    problems.add(folder + e.getMessage());
                }
            }
        }
        versions.keySet().stream().filter(name -> !known.contains(name)).forEach(name -> problems.add(folder + name
                + ".*.ftl: no message kind uses this template (kinds: " + known + ")"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The message templates have problems:\n  " + String.join("\n  ", problems));
        }
        return new Templates(freemarker, current);
    }

    /** Renders the kind's current template; {@code variables} must be exactly the kind's variables. */
    public Rendered render(MessageKind kind, Map<String, Object> variables) {
        if (!variables.keySet().equals(kind.sample().keySet())) {
            throw new IllegalArgumentException(kind + " supplies " + kind.sample().keySet() + ", not "
                    + variables.keySet());
        }
        return render(kind, current.get(kind), variables);
    }

    /** The file each kind is rendered with now. */
    public Map<MessageKind, String> current() {
        return Map.copyOf(current);
    }

    private Rendered render(MessageKind kind, String file, Map<String, Object> variables) {
        String text;
        try {
            Template template = freemarker.getTemplate(file);
            StringWriter out = new StringWriter();
            template.process(variables, out);
            text = Normalizer.normalize(out.toString().strip(), Normalizer.Form.NFC);
        } catch (ParseException e) {
            throw new TemplateProblem(file + " line " + e.getLineNumber() + ": " + e.getEditorMessage());
        } catch (TemplateException e) {
            String blamed = e.getBlamedExpressionString();
            throw new TemplateProblem(file + " line " + e.getLineNumber() + ": " + (blamed == null
                    ? firstLine(e.getMessageWithoutStackTop()) : "'" + blamed + "' is missing or cannot be used here")
                    + " (" + kind + " supplies " + kind.sample().keySet() + ")");
        } catch (IOException e) {
            throw new TemplateProblem(file + ": " + e.getMessage());
        }
        if (kind.channel() == Channel.SMS) {
            if (text.isBlank()) {
                throw new TemplateProblem(file + ": renders to an empty SMS");
            }
            return new Rendered(file, null, text);
        }
        int blank = text.indexOf("\n\n");
        if (blank < 1 || text.substring(blank).isBlank()) {
            throw new TemplateProblem(file + ": an e-mail template starts with the subject line, a blank line, then "
                    + "the text");
        }
        return new Rendered(file, text.substring(0, blank).strip(), text.substring(blank).strip());
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** A template that cannot be parsed or rendered with its kind's variables. */
    static final class TemplateProblem extends RuntimeException {
        TemplateProblem(String message) {
            super(message);
        }
    }
}
