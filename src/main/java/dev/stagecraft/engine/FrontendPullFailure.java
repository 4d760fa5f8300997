package dev.stagecraft.engine;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.syntax.Directive;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A build that failed because BuildKit could not get the Dockerfile frontend a {@code # syntax=}
 * directive names, recognised in the engine's error text and explained in words.
 *
 * <p>Docker 20.10.24 says, offline (recorded in src/test/resources/engine/syntax/pull):
 * {@code failed to solve with frontend dockerfile.v0: failed to solve with frontend gateway.v0:
 * failed to do request: Head "https://registry-1.docker.io/v2/docker/dockerfile/manifests/1": dial
 * tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host}. Newer BuildKit words it
 * {@code failed to resolve source metadata for docker.io/docker/dockerfile:1: ...} (docs and issue
 * reports), which it also says of a FROM image it cannot pull: so without the directive's image
 * only the {@code gateway.v0} wording is taken as a frontend failure.
 */
public record FrontendPullFailure(Cause cause, String frontendImage, Integer directiveLine, String registry,
        String engineMessage) {

    /** Why the frontend could not be used. */
    public enum Cause {
        /** No answer from the registry: DNS, timeout, refused connection. */
        REGISTRY_UNREACHABLE,
        /** The registry answered but refused: authorization, forbidden (a proxy, a mirror). */
        ACCESS_DENIED,
        /** The registry has no such image or tag. */
        IMAGE_NOT_FOUND,
        /** The image was there (in the engine's store) but did not run as a frontend. */
        NOT_A_FRONTEND,
        /** A frontend failure the words above do not cover. */
        OTHER
    }

    private static final Pattern URL_HOST = Pattern.compile("https?://([A-Za-z0-9.-]+(?::[0-9]+)?)/");
    private static final String GATEWAY = "frontend gateway.v0";

    public FrontendPullFailure {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(engineMessage, "engineMessage");
    }

    /** The failure, if {@code engineError} is the engine refusing the frontend named by the file's {@code # syntax=}. */
    public static Optional<FrontendPullFailure> classify(String engineError, Analysis analysis) {
        Directive syntax = SyntaxDirectiveNotice.syntaxDirective(analysis);
        return classify(engineError, syntax == null ? null : syntax.value(), syntax == null ? null : syntax.range().startLine());
    }

    /**
     * The failure, if {@code engineError} is the engine refusing the frontend {@code frontendImage}
     * (null when not known: then only the unambiguous 20.10 wording is recognised).
     */
    public static Optional<FrontendPullFailure> classify(String engineError, String frontendImage, Integer directiveLine) {
        if (engineError == null || engineError.isBlank()) {
            return Optional.empty();
        }
        boolean gateway = engineError.contains(GATEWAY);
        if (!gateway && (frontendImage == null || !mentions(engineError, frontendImage))) {
            return Optional.empty();
        }
        Matcher host = URL_HOST.matcher(engineError);
        String registry = host.find() ? host.group(1) : null;
        return Optional.of(new FrontendPullFailure(cause(engineError), frontendImage, directiveLine, registry, engineError));
    }

    /** Whether the text names the image: as written, fully qualified, or in a registry URL. */
    private static boolean mentions(String error, String image) {
        String ref = image.strip();
        if (ref.isEmpty()) {
            return false;
        }
        if (error.contains(ref)) {
            return true;
        }
        String path = repositoryPath(ref);
        return error.contains("docker.io/" + path) || error.contains("/v2/" + path + "/manifests/")
                || error.contains("repository%3A" + path.replace("/", "%2F"));
    }

    /** {@code docker/dockerfile} for {@code docker/dockerfile:1}, {@code library/x} for {@code x}; no registry, tag, digest. */
    static String repositoryPath(String ref) {
        String r = ref;
        int at = r.indexOf('@');
        if (at >= 0) {
            r = r.substring(0, at);
        }
        int slash = r.lastIndexOf('/');
        int colon = r.lastIndexOf(':');
        if (colon > slash) {
            r = r.substring(0, colon);
        }
        int first = r.indexOf('/');
        if (first > 0) {
            String head = r.substring(0, first);
            if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
                r = r.substring(first + 1);
            }
        }
        return r.contains("/") ? r : "library/" + r;
    }

    private static Cause cause(String error) {
        String e = error.toLowerCase(Locale.ROOT);
        if (e.contains(GATEWAY + ": exit code")) {
            return Cause.NOT_A_FRONTEND;
        }
        if (e.contains("no such host") || e.contains("i/o timeout") || e.contains("connection refused")
                || e.contains("network is unreachable") || e.contains("tls handshake timeout")
                || e.contains("context deadline exceeded") || e.contains("no route to host")) {
            return Cause.REGISTRY_UNREACHABLE;
        }
        if (e.contains("failed to authorize") || e.contains("unauthorized") || e.contains("forbidden")
                || e.contains("denied")) {
            return Cause.ACCESS_DENIED;
        }
        if (e.contains("not found") || e.contains("manifest unknown")) {
            return Cause.IMAGE_NOT_FOUND;
        }
        return Cause.OTHER;
    }

    /** What happened and what to do, for the window and the CLI. */
    public String explanation() {
        String frontend = frontendImage == null ? "the Dockerfile frontend named by # syntax=" : "the Dockerfile frontend "
                + frontendImage + " (# syntax=" + (directiveLine == null ? "" : " on line " + directiveLine) + ")";
        String where = registry == null ? "its registry" : registry;
        String why = reason(where);
        String line = directiveLine == null ? "the # syntax= line" : "line " + directiveLine;
        return "The build stopped before its first step: BuildKit could not use " + frontend + ", because " + why
                + ". Build with the engine's built-in frontend instead: Stagecraft sends the file without " + line
                + ", and every other line keeps its number.";
    }

    /** Why, as the end of a sentence; {@code where} is the registry's host or "its registry". */
    private String reason(String where) {
        if (cause == Cause.REGISTRY_UNREACHABLE) {
            return where + " could not be reached (no network, or a proxy the engine does not use)";
        }
        if (cause == Cause.ACCESS_DENIED) {
            return where + " refused to hand it out (not authorized)";
        }
        if (cause == Cause.IMAGE_NOT_FOUND) {
            return where + " has no such image";
        }
        if (cause == Cause.NOT_A_FRONTEND) {
            return "the image, found in the engine's store, ran but is not a working Dockerfile frontend";
        }
        return "pulling or starting it failed";
    }
}
