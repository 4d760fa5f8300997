package dev.stagecraft.explain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The explanation texts, read once from {@code explanations.properties} beside this class. A text
 * names the facts it needs as {@code {name}}; filling a text with a fact missing, or asking for a
 * text that isn't there, fails loudly, so a gap shows up in the tests and never on screen as a hole.
 */
final class ExplanationTexts {
    private static final String RESOURCE = "explanations.properties";
    private static final ExplanationTexts INSTANCE = load();

    private final Properties texts;

    private ExplanationTexts(Properties texts) {
        this.texts = texts;
    }

    static ExplanationTexts get() {
        return INSTANCE;
    }

    private static ExplanationTexts load() {
        Properties p = new Properties();
        try (InputStream in = ExplanationTexts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " beside " + ExplanationTexts.class.getName());
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new ExplanationTexts(p);
    }

    boolean has(String key) {
        return texts.containsKey(key);
    }

    /** The text {@code key} with its {@code {name}} facts filled in from {@code facts}. */
    String text(String key, Map<String, String> facts) {
        String template = texts.getProperty(key);
        if (template == null) {
            throw new IllegalStateException("no explanation text '" + key + "' in " + RESOURCE);
        }
        return fill(key, template, facts);
    }

    String text(String key) {
        return text(key, Map.of());
    }

    /**
     * One pass over the template, so a fact that itself contains braces is never filled again. Only
     * {@code {lowerCaseName}} is a placeholder: {@code ${VERSION}} in a text stays as written.
     */
    static String fill(String key, String template, Map<String, String> facts) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? placeholderEnd(template, i) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            String name = template.substring(i + 1, close);
            String value = facts.get(name);
            if (value == null) {
                throw new IllegalStateException("explanation text '" + key + "' needs the fact {" + name + "}");
            }
            out.append(value);
            i = close + 1;
        }
        return out.toString();
    }

    /** The index of the '}' closing a placeholder opened at {@code open}, or -1 when it isn't one. */
    private static int placeholderEnd(String s, int open) {
        int i = open + 1;
        if (i >= s.length() || s.charAt(i) < 'a' || s.charAt(i) > 'z') {
            return -1;
        }
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
        }
        return i < s.length() && s.charAt(i) == '}' ? i : -1;
    }
}
