package dev.stagecraft.context;

import dev.stagecraft.stage.Glob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules of a {@code .dockerignore}, with the semantics of moby's patternmatcher: a pattern
 * matches a path or any of its parent directories (so an excluded directory excludes its content),
 * {@code **} spans any number of directories, and of the patterns that match, the last one wins, so
 * a later {@code !exception} can re-include a file inside an excluded directory.
 */
public final class DockerIgnore {
    /** One cleaned pattern line; {@code matcher} is null when the pattern is malformed (it then matches nothing). */
    public record Rule(String pattern, boolean exception, Predicate<String> matcher) {
    }

    private static final DockerIgnore NONE = new DockerIgnore(List.of());
    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No rules: everything in the context is sent. */
    public static DockerIgnore none() {
        return NONE;
    }

    /**
     * The rules for a Dockerfile whose context is {@code context}: {@code <Dockerfile name>.dockerignore}
     * beside the Dockerfile takes precedence over the context's {@code .dockerignore}, as in BuildKit.
     */
    public static DockerIgnore load(Path context, Path dockerfile) throws IOException {
        if (dockerfile != null && dockerfile.getParent() != null) {
            Path specific = dockerfile.getParent().resolve(dockerfile.getFileName() + ".dockerignore");
            if (Files.isRegularFile(specific)) {
                return parse(Files.readString(specific, StandardCharsets.UTF_8));
            }
        }
        Path common = context.resolve(".dockerignore");
        return Files.isRegularFile(common) ? parse(Files.readString(common, StandardCharsets.UTF_8)) : none();
    }

    /** Reads the rules; comments ({@code #} in the first column) and blank lines are skipped. */
    public static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (String line : body.split("\r?\n", -1)) {
            // As in BuildKit, only a '#' in the first column starts a comment; the line is trimmed after.
            if (line.startsWith("#")) {
                continue;
            }
            String pattern = line.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean exception = pattern.charAt(0) == '!';
            if (exception) {
                pattern = pattern.substring(1).strip();
            }
            if (!pattern.isEmpty()) {
                pattern = ContextPaths.clean(pattern);
            }
            rules.add(new Rule(pattern, exception, compile(pattern)));
        }
        return new DockerIgnore(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether {@code path} (relative to the context, '/'-separated, cleaned) is left out of the context. */
    public boolean excludes(String path) {
        boolean excluded = false;
        List<String> parents = null;
        for (Rule rule : rules) {
            // An exclusion can't change an excluded path, nor an exception an included one.
            if (rule.exception() != excluded || rule.matcher() == null) {
                continue;
            }
            boolean match = rule.matcher().test(path);
            if (!match) {
                if (parents == null) {
                    parents = parents(path);
                }
                for (String parent : parents) {
                    if (rule.matcher().test(parent)) {
                        match = true;
                        break;
                    }
                }
            }
            if (match) {
                excluded = !rule.exception();
            }
        }
        return excluded;
    }

    /**
     * Whether an exception could re-include something inside the excluded directory {@code dir}: if
     * not, a scan can skip the whole directory, as BuildKit's file walker does.
     */
    public boolean mayReincludeUnder(String dir) {
        String[] dirParts = dir.split("/");
        for (Rule rule : rules) {
            if (rule.exception() && !rule.pattern().isEmpty() && prefixCouldMatch(rule.pattern().split("/"), dirParts)) {
                return true;
            }
        }
        return false;
    }

    private static boolean prefixCouldMatch(String[] pattern, String[] dir) {
        for (int i = 0; i < dir.length; i++) {
            if (i >= pattern.length) {
                // The pattern names the directory itself or one of its parents: all inside comes back.
                return true;
            }
            if (pattern[i].contains("**")) {
                return true;
            }
            Predicate<String> element = compile(pattern[i]);
            if (element == null || !element.test(dir[i])) {
                return false;
            }
        }
        return true;
    }

    /** "a/b/c" gives "a", "a/b". */
    private static List<String> parents(String path) {
        List<String> parents = new ArrayList<>();
        int slash = path.indexOf('/');
        while (slash > 0) {
            parents.add(path.substring(0, slash));
            slash = path.indexOf('/', slash + 1);
        }
        return parents;
    }

    /**
     * What matches a pattern, as the regular expression patternmatcher makes of it; null when that is
     * malformed. A pattern with three stars or more ({@code **} counts once) is matched without
     * backtracking ({@link Glob}): as a regular expression, {@code *a*a*a*a*a*a*b} takes hours to fail
     * on a name of forty {@code a}s. Fewer stay regular expressions, the faster for the usual patterns.
     */
    static Predicate<String> compile(String pattern) {
        if (stars(pattern) >= 3) {
            Glob glob = Glob.ofIgnorePattern(pattern);
            return glob == null ? null : glob::matches;
        }
        Pattern regex = regex(pattern);
        return regex == null ? null : text -> regex.matcher(text).matches();
    }

    /** How many runs of '*' the pattern has. */
    private static int stars(String pattern) {
        int runs = 0;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '*' && (i == 0 || pattern.charAt(i - 1) != '*')) {
                runs++;
            }
        }
        return runs;
    }

    /** Translates a pattern to a regular expression the way patternmatcher does; null when it is malformed. */
    static Pattern regex(String pattern) {
        StringBuilder re = new StringBuilder("^");
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i + 1 < n && pattern.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < n && pattern.charAt(i + 1) == '/') {
                        i++;
                    }
                    // "**" at the end matches everything; elsewhere any number of whole directories, even none.
                    re.append(i + 1 >= n ? ".*" : "(.*/)?");
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    return null;
                }
                i++;
                re.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
            } else if (c == '[') {
                int close = pattern.indexOf(']', i + 2);
                if (close < 0) {
                    return null;
                }
                String set = pattern.substring(i + 1, close);
                boolean negate = set.startsWith("^");
                String body = (negate ? set.substring(1) : set).replace("\\", "\\\\").replace("[", "\\[").replace("&", "\\&");
                re.append('[').append(negate ? "^" : "").append(body).append(']');
                i = close;
            } else if (".+()|{}$^".indexOf(c) >= 0) {
                re.append('\\').append(c);
            } else {
                re.append(c);
            }
        }
        re.append('$');
        try {
            return Pattern.compile(re.toString());
        } catch (PatternSyntaxException e) {
            return null;
        }
    }
}
