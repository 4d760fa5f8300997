package dev.stagecraft.engine.docker;

import dev.stagecraft.engine.RealEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second dockerd of the test's own, for faults that must not touch the shared engine: its own
 * data root, exec root, pid file and socket under one folder in /tmp, its own network namespace
 * (so its bridge is its own) without iptables rules, and the containerd it starts itself. It holds one image, the base image
 * ({@link RealEngine#BASE_IMAGE}), imported from the static busybox as {@code .ci/engine-up} makes it.
 * {@link #close()} kills what is left of it (found by that folder in the command line, so no other
 * engine's process can match), unmounts what it mounted there and removes the folder.
 */
final class PrivateEngine implements AutoCloseable {
    private static final List<Path> DOCKERDS = List.of(Path.of("/usr/sbin/dockerd"), Path.of("/usr/bin/dockerd"));
    private static final Path DOCKER = Path.of("/usr/bin/docker");
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final Path UNSHARE = Path.of("/usr/bin/unshare");
    private static final long START_SECONDS = 20;

    private final Path folder;
    private final Process daemon;

    private PrivateEngine(Path folder, Process daemon) {
        this.folder = folder;
        this.daemon = daemon;
    }

    /** Why no private engine can be started here, or null when one can. */
    static String unavailableReason() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "a dockerd needs root; the tests run as " + System.getProperty("user.name");
        }
        if (dockerd() == null) {
            return "no dockerd at " + DOCKERDS;
        }
        if (!Files.isExecutable(UNSHARE)) {
            return "no " + UNSHARE + " (util-linux) to give the daemon a network namespace of its own";
        }
        if (!Files.isExecutable(DOCKER) || !Files.isExecutable(BUSYBOX)) {
            return "the base image needs " + DOCKER + " and a static " + BUSYBOX;
        }
        return null;
    }

    /** Starts the daemon, waits until it answers, and imports the base image into it. */
    static PrivateEngine start() throws IOException, InterruptedException {
        // Short: a unix socket's path may not exceed 107 bytes.
        Path folder = Files.createTempDirectory(Path.of("/tmp"), "sc-dockerd-");
        // In a network namespace of its own: its bridge (BuildKit's steps need one) can be neither the
        // shared engine's docker0 nor anything else on the host's network. Never --bridge=none outside
        // one: a dockerd started so deletes the interface docker0 it finds, the shared engine's.
        // unshare execs dockerd, so the process is the daemon itself.
        Process daemon = new ProcessBuilder(UNSHARE.toString(), "--net", dockerd().toString(),
                "--data-root", folder.resolve("data").toString(), "--exec-root", folder.resolve("exec").toString(),
                "--pidfile", folder.resolve("dockerd.pid").toString(), "-H", "unix://" + folder.resolve("d.sock"),
                "--iptables=false", "--ip6tables=false")
                .redirectErrorStream(true).redirectOutput(folder.resolve("dockerd.log").toFile()).start();
        PrivateEngine engine = new PrivateEngine(folder, daemon);
        try {
            engine.awaitAnswer();
            engine.importBaseImage();
            return engine;
        } catch (IOException | InterruptedException | RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** Its endpoint, {@code unix:///tmp/sc-dockerd-.../d.sock}. */
    String host() {
        return "unix://" + folder.resolve("d.sock");
    }

    /** Kills the daemon as {@code kill -9} would; its containerd and build processes are left as they fall. */
    void kill() throws InterruptedException {
        daemon.destroyForcibly();
        daemon.waitFor(10, TimeUnit.SECONDS);
    }

    private void awaitAnswer() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!daemon.isAlive()) {
                throw new IllegalStateException("the private dockerd ended at once: " + log());
            }
            if (Files.exists(folder.resolve("d.sock")) && docker("version").waitFor() == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the private dockerd did not answer within " + START_SECONDS + " s: " + log());
    }

    private void importBaseImage() throws IOException, InterruptedException {
        Path root = Files.createDirectories(folder.resolve("base"));
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("tmp"));
        Files.copy(BUSYBOX, root.resolve("bin/busybox"));
        String script = "set -e; cd bin; for a in $(./busybox --list); do [ $a = busybox ] || ln -s busybox $a; done;"
                + " cd ..; tar -c . | " + DOCKER + " -H " + host() + " import -c 'ENV PATH=/bin' - " + RealEngine.BASE_IMAGE;
        Process imported = new ProcessBuilder("sh", "-c", script).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(folder.resolve("import.log").toFile())
                .start();
        imported.getOutputStream().close();
        if (!imported.waitFor(30, TimeUnit.SECONDS) || imported.exitValue() != 0) {
            throw new IllegalStateException("importing the base image failed: "
                    + Files.readString(folder.resolve("import.log")));
        }
    }

    private Process docker(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(DOCKER.toString(), "-H", host()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        return p;
    }

    private String log() {
        try {
            return Files.readString(folder.resolve("dockerd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Path dockerd() {
        return DOCKERDS.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
        String mark = folder.toString() + "/";
        // Its containerd, shims, runc and the step's own processes: children before parents.
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(mark)).orElse(false)).toList();
        for (ProcessHandle p : left) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (ProcessHandle p : left) {
            p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> p).join();
        }
        try {
            List<String> mounts = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .map(line -> line.split(" ")[4]).filter(m -> m.startsWith(mark) || m.equals(folder.toString()))
                    .sorted(Comparator.reverseOrder()).toList();
            for (String mount : mounts) {
                new ProcessBuilder("umount", "-l", mount).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
            }
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the private engine's folder " + folder, e);
        }
    }
}
