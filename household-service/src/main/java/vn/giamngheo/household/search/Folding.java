package vn.giamngheo.household.search;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How names and villages are compared: "nguyen van an", "Nguyễn Văn An" and "NGUYỄN VĂN AN" are the same words. Text
 * is decomposed (NFD) and its combining marks dropped (tones and the breve, circumflex and horn of ă â ê ô ơ ư), đ/Đ
 * (a letter of its own, not d with a mark) becomes d, letters are lower-cased, and anything that is neither a letter nor
 * a digit separates words. The same folding is applied to what is indexed and to what is searched.
 */
public final class Folding {

    private static final Collator VIETNAMESE = vietnameseCollator();

    private Folding() {
    }

    /** {@code text} folded: lower-case letters and digits without marks, words separated by one space. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK
                    || Character.getType(c) == Character.ENCLOSING_MARK) {
                continue;
            }
            if (c == 'đ' || c == 'Đ') {
                c = 'd';
            }
            if (Character.isLetterOrDigit(c)) {
                out.appendCodePoint(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return out.toString();
    }

    /** The folded words of {@code text}, in order. */
    public static List<String> words(String text) {
        String folded = fold(text);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /**
     * A key that sorts names as Vietnamese lists do: by the given name (the last word), then the family and middle
     * names in order, each compared in the Vietnamese alphabet (a ă â b c d đ e ê …, tones after the letter), so that
     * "Lê Thị Anh" comes before "Nguyễn Văn Bình" and "An" before "Ân".
     */
    public static byte[] sortKey(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return new byte[0];
        }
        String[] words = Normalizer.normalize(fullName.strip(), Normalizer.Form.NFC).split("\\s+");
        // Word by word (the collator ignores spaces, which would compare "An Nguyễn" as "Annguyễn"): each word's whole
        // key, then a zero byte. Keys of different words differ before either ends (the primary part of "An" ends where
        // that of "Anh" goes on), so the next word only decides between equal ones.
        java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
        appendKey(key, words[words.length - 1]);
        for (int i = 0; i < words.length - 1; i++) {
            appendKey(key, words[i]);
        }
        return key.toByteArray();
    }

    /** Two texts (villages) in the Vietnamese alphabet's order; null as empty. */
    public static int compareVietnamese(String a, String b) {
        synchronized (VIETNAMESE) {
            return VIETNAMESE.compare(a == null ? "" : a, b == null ? "" : b);
        }
    }

    private static void appendKey(java.io.ByteArrayOutputStream key, String word) {
        byte[] bytes;
        synchronized (VIETNAMESE) {
            bytes = VIETNAMESE.getCollationKey(word).toByteArray();
        }
        key.writeBytes(bytes);
        key.write(0);
    }

    private static Collator vietnameseCollator() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        collator.setStrength(Collator.TERTIARY);
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        return collator;
    }
}
