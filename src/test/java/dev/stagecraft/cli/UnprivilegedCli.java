package dev.stagecraft.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code stagecraft} command line in a child JVM as the unprivileged user 65534
 * (nobody), so file and socket permissions stop it as they stop a user. The tests run as root, for
 * whom permissions never fail: that is why "permission denied" needs another process.
 *
 * <p>The child's class path must be readable by that user, and the local Maven repository under
 * {@code /root} is not: its jars are hard-linked (or copied) once into {@code target/}, which is.
 */
final class UnprivilegedCli {
    /** The user and group the child runs as: nobody:nogroup on Debian. */
    static final int UID = 65534;
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final long TIMEOUT_SECONDS = 60;
    private static String classPath;

    private UnprivilegedCli() {
    }

    /** Why the child cannot drop privileges here, or null when it can. */
    static String unavailableReason() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "the tests run as " + System.getProperty("user.name") + ", not root: they cannot drop privileges";
        }
        if (!Files.isExecutable(SETPRIV)) {
            return SETPRIV + " (util-linux) is missing: cannot run the command line as another user";
        }
        return null;
    }

    /**
     * Runs {@code stagecraft args...} as user {@value #UID} in {@code workDir}, with only PATH and
     * {@code env} in its environment (so DOCKER_HOST is the test's choice, never the machine's).
     */
    static CliRun run(Path workDir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(SETPRIV.toString(), "--reuid=" + UID, "--regid=" + UID,
                "--clear-groups", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.io.tmpdir=/tmp", "-cp", classPath(),
                "dev.stagecraft.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().putAll(env);
        try {
            Process child = builder.start();
            child.getOutputStream().close();
            CompletableFuture<String> out = read(child.getInputStream());
            CompletableFuture<String> err = read(child.getErrorStream());
            if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new AssertionError("stagecraft " + String.join(" ", args) + " did not end within "
                        + TIMEOUT_SECONDS + " s; it printed: " + err.getNow(""));
            }
            return new CliRun(child.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the child", e);
        }
    }

    private static CompletableFuture<String> read(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * This JVM's class path with every jar hard-linked into {@code target/unprivileged-classpath}, a
     * folder any user may read; folders (target/classes) are used where they are, since the worktree
     * is readable by all.
     */
    private static synchronized String classPath() {
        if (classPath != null) {
            return classPath;
        }
        try {
            Path folder = Path.of("target", "unprivileged-classpath").toAbsolutePath();
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            List<String> entries = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path path = Path.of(entry).toAbsolutePath();
                if (Files.isDirectory(path)) {
                    entries.add(path.toString());
                } else if (Files.isRegularFile(path)) {
                    // Jars of the same name from different groups would collide: keep the folder name too.
                    Path link = folder.resolve(path.getParent().getFileName() + "-" + path.getFileName());
                    if (!Files.exists(link)) {
                        boolean readableByAll = Files.getPosixFilePermissions(path).contains(PosixFilePermission.OTHERS_READ);
                        try {
                            if (!readableByAll) {
                                throw new IOException("a link would share the jar's mode, which others may not read");
                            }
                            Files.createLink(link, path);
                        } catch (IOException | UnsupportedOperationException notLinked) {
                            Files.copy(path, link, StandardCopyOption.REPLACE_EXISTING);
                            Files.setPosixFilePermissions(link, PosixFilePermissions.fromString("rw-r--r--"));
                        }
                    }
                    entries.add(link.toString());
                }
            }
            classPath = String.join(File.pathSeparator, entries);
            return classPath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
