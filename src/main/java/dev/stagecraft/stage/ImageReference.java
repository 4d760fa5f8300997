package dev.stagecraft.stage;

import dev.stagecraft.syntax.Diagnostic;
import java.util.regex.Pattern;

/** The grammar of an image reference ({@code [registry[:port]/]path[:tag][@digest]}) as the engine checks it. */
public final class ImageReference {
    private static final String ALNUM = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|[-]+)";
    private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REMOTE = Pattern.compile(PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*");
    private static final Pattern DOMAIN_PATTERN = Pattern.compile(DOMAIN);
    private static final Pattern TAG_PATTERN = Pattern.compile(TAG);
    private static final Pattern DIGEST_PATTERN = Pattern.compile(DIGEST);

    private ImageReference() {
    }

    /** Null when valid, else why not. */
    public static String problem(String ref) {
        if (ref.isEmpty()) {
            return "an image reference can't be empty";
        }
        String rest = ref;
        int at = rest.indexOf('@');
        if (at >= 0) {
            if (!DIGEST_PATTERN.matcher(rest.substring(at + 1)).matches()) {
                return "the digest after '@' is malformed";
            }
            rest = rest.substring(0, at);
        }
        int slash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > slash) {
            if (!TAG_PATTERN.matcher(rest.substring(colon + 1)).matches()) {
                return "the tag '" + Diagnostic.excerpt(rest.substring(colon + 1))
                        + "' is not valid (letters, digits, '_', '.', '-'; at most 128)";
            }
            rest = rest.substring(0, colon);
        }
        if (rest.length() > 255) {
            return "the repository name is longer than 255 characters";
        }
        int first = rest.indexOf('/');
        String remote = rest;
        if (first >= 0) {
            String head = rest.substring(0, first);
            boolean domain = head.indexOf('.') >= 0 || head.indexOf(':') >= 0 || head.equals("localhost")
                    || !head.equals(head.toLowerCase(java.util.Locale.ROOT));
            if (domain) {
                if (!DOMAIN_PATTERN.matcher(head).matches()) {
                    return "'" + Diagnostic.excerpt(head) + "' is not a valid registry host";
                }
                remote = rest.substring(first + 1);
            }
        }
        if (!REMOTE.matcher(remote).matches()) {
            return remote.equals(remote.toLowerCase(java.util.Locale.ROOT))
                    ? "'" + remote + "' is not a valid repository name"
                    : "repository names must be lowercase ('" + remote + "')";
        }
        return null;
    }
}
