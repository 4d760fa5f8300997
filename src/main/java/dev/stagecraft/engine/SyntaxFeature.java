package dev.stagecraft.engine;

import dev.stagecraft.syntax.Severity;

/**
 * Dockerfile syntax that not every builder handles, with what it needs and what to write instead.
 * {@code minFrontend} is the minor version of the first stable Dockerfile frontend (1.x) that has
 * it, or {@link #NEVER} when no build through the engine API can use it; the classic builder
 * handles none of these. {@code missing} is how bad it is when the builder lacks it: most fail the
 * build, a non-octal {@code --chmod} is silently ignored, a {@code # check=} directive is just not
 * honoured. The facts and their sources are in docs/decisions/0010.
 */
public enum SyntaxFeature {
    RUN_HEREDOC("run-heredoc", "a here-document in RUN (<<EOF)", 4, Severity.ERROR,
            "write the commands on the RUN line itself, joined with && and continued with \\"),
    FILE_HEREDOC("file-heredoc", "a here-document in COPY or ADD (<<EOF)", 4, Severity.ERROR,
            "put the content in a file in the build context and copy that file"),
    RUN_MOUNT("run-mount", "RUN --mount", 2, Severity.ERROR,
            "COPY what the step needs into the stage before it (COPY --from for another stage's files)"),
    RUN_MOUNT_SECRET("run-mount-secret", "RUN --mount=type=secret", SyntaxFeature.NEVER, Severity.ERROR,
            "build this file with docker buildx build --secret id=..., which opens the session"),
    RUN_MOUNT_SSH("run-mount-ssh", "RUN --mount=type=ssh", SyntaxFeature.NEVER, Severity.ERROR,
            "build this file with docker buildx build --ssh default, which opens the session"),
    RUN_NETWORK("run-network", "RUN --network", 3, Severity.ERROR,
            "remove --network (the step then has the default network)"),
    RUN_SECURITY("run-security", "RUN --security", 20, Severity.ERROR,
            "remove --security (sandbox is the default)"),
    LINK("link", "--link", 4, Severity.ERROR,
            "remove --link (the files are copied the same, into a layer that depends on the ones below)"),
    CHMOD("chmod", "--chmod", 2, Severity.ERROR,
            "set the mode with RUN chmod after the copy"),
    CHMOD_SYMBOLIC("chmod-symbolic", "a non-octal --chmod", 14, Severity.WARNING,
            "write the mode in octal, for example --chmod=755"),
    PARENTS("parents", "COPY --parents", 20, Severity.ERROR,
            "copy each directory with its own COPY to the matching destination"),
    EXCLUDE("exclude", "--exclude", 19, Severity.ERROR,
            "list the files to leave out in .dockerignore (or copy the wanted paths one by one)"),
    CHECKSUM("checksum", "ADD --checksum", 6, Severity.ERROR,
            "remove --checksum and check the file in a RUN step (sha256sum -c)"),
    KEEP_GIT_DIR("keep-git-dir", "ADD --keep-git-dir", 6, Severity.ERROR,
            "clone the repository with git in a RUN step"),
    CHECK_DIRECTIVE("check-directive", "the # check= directive", 8, Severity.INFO,
            "nothing: the build runs without the checks it asks for");

    /** No built-in frontend offers the feature to a build through the engine API. */
    public static final int NEVER = Integer.MAX_VALUE;

    private final String id;
    private final String label;
    private final int minFrontend;
    private final Severity missing;
    private final String instead;

    SyntaxFeature(String id, String label, int minFrontend, Severity missing, String instead) {
        this.id = id;
        this.label = label;
        this.minFrontend = minFrontend;
        this.missing = missing;
        this.instead = instead;
    }

    /** Stable, for diagnostics ids and tests: {@code run-heredoc}. */
    public String id() {
        return id;
    }

    /** How a sentence names it: "a here-document in RUN (<<EOF)", "RUN --mount". */
    public String label() {
        return label;
    }

    /** The label at the start of a sentence. */
    public String capitalized() {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    public int minFrontend() {
        return minFrontend;
    }

    /** How bad it is when the builder lacks the feature. */
    public Severity missing() {
        return missing;
    }

    /** What to write instead, as the end of a sentence. */
    public String instead() {
        return instead;
    }
}
