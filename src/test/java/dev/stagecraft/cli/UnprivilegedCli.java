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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real {@code stagecraft} command line in a child JVM as the unprivileged user 65534
 * (nobody), so file and socket permissions stop it as they stop a user. The tests run as root, for
 * whom permissions never fail: that is why "permission denied" needs another process.
 *
 * <p>The child's class path must be readable by that user, and the local Maven repository under
 * {@code /root} is not: its jars are hard-linked (or copied) once per JVM into a folder in /tmp.
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
     * This JVM's class path as the other user can read it: jars are hard-linked (or copied, where a
     * link cannot be made or the jar is not readable by all) into a folder in /tmp that is removed
     * when the JVM ends; folders (target/classes) are used in place when every folder above them
     * lets others in, else copied there too.
     */
    private static synchronized String classPath() {
        if (classPath != null) {
            return classPath;
        }
        try {
            Path folder = Files.createTempDirectory("stagecraft-cli-classpath-");
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
            List<String> entries = new ArrayList<>();
            int n = 0;
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path path = Path.of(entry).toAbsolutePath();
                // Numbered: jars of the same name from different groups must not collide.
                Path target = folder.resolve(n++ + "-" + path.getFileName());
                if (Files.isDirectory(path)) {
                    entries.add(othersMayEnter(path) ? path.toString() : copyTree(path, target).toString());
                } else if (Files.isRegularFile(path)) {
                    boolean readableByAll = Files.getPosixFilePermissions(path).contains(PosixFilePermission.OTHERS_READ);
                    try {
                        if (!readableByAll) {
                            throw new IOException("a link would share the jar's mode, which others may not read");
                        }
                        Files.createLink(target, path);
                    } catch (IOException | UnsupportedOperationException notLinked) {
                        Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
                    }
                    entries.add(target.toString());
                }
            }
            classPath = String.join(File.pathSeparator, entries);
            return classPath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether others may enter {@code folder} and every folder above it. */
    private static boolean othersMayEnter(Path folder) throws IOException {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path copy = to.resolve(from.relativize(p).toString());
                Files.copy(p, copy, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return to;
    }

    /** Removes the links and copies; the hard-linked jars themselves stay where Maven keeps them. */
    private static void delete(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not remove " + folder + ": " + e.getMessage());
        }
    }
}
