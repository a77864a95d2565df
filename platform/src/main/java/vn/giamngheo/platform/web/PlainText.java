package vn.giamngheo.platform.web;

import java.text.Normalizer;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every text that arrives in a JSON body is stored as Vietnamese is written: composed (NFC: "Nguyễn" typed on a phone
 * in decomposed form would otherwise be another name to every search and every comparison), and without the
 * invisible characters that make a name look like another — control characters but tab and line breaks, format
 * characters (bidirectional overrides, zero-width spaces and joiners, soft hyphens, byte-order marks), line and
 * paragraph separators, and halves of broken surrogate pairs. Such a text is refused with the field named.
 */
public final class PlainText {

    private PlainText() {
    }

    /** A Jackson module that applies {@link #clean} to every string read from JSON. */
    public static SimpleModule module() {
        return new SimpleModule("giamngheo-plain-text").addDeserializer(String.class, new Deserializer());
    }

    /** {@code text} in NFC; what makes it unacceptable, if anything. */
    public static String clean(String text) {
        String composed = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        problem(composed).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return composed;
    }

    /** Why {@code text} is refused, naming the first character that is not acceptable; empty when it is acceptable. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            String what = switch (Character.getType(c)) {
                case Character.CONTROL -> c == '\t' || c == '\n' || c == '\r' ? null : "a control character";
                case Character.FORMAT -> "an invisible formatting character (direction override, zero-width)";
                case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "a line or paragraph separator";
                case Character.SURROGATE -> "half of a broken character (a lone surrogate)";
                default -> null;
            };
            if (what != null) {
                return Optional.of(String.format("contains %s, U+%04X, at position %d", what, c, i + 1));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** A text refused by {@link #problem}: the path of the field is kept for the answer. */
    public static final class UnacceptableTextException extends InvalidFormatException {

        UnacceptableTextException(JsonParser parser, String reason, String value) {
            super(parser, reason, value, String.class);
        }

        /** Why the text was refused, without Jackson's location details. */
        public String reason() {
            return getOriginalMessage();
        }
    }

    static final class Deserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text == null) {
                return null;
            }
            try {
                return clean(text);
            } catch (IllegalArgumentException e) {
                throw new UnacceptableTextException(parser, e.getMessage(), text);
            }
        }
    }
}
