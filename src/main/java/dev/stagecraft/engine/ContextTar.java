package dev.stagecraft.engine;

import dev.stagecraft.context.ContextScan;
import dev.stagecraft.context.ContextScanner;
import dev.stagecraft.context.DockerIgnore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes the build context as the engine receives it: the context folder's files minus what
 * {@code .dockerignore} (or {@code <Dockerfile>.dockerignore}) excludes, found by the same scanner the
 * graph's context edges use, plus the Dockerfile text to build, so the text sent can differ from the
 * file on disk (unsaved edits, rewrites) without touching it. The text takes the place of the
 * Dockerfile in the context when the context sends that file, so {@code COPY . .} carries the
 * Dockerfile as {@code docker build} does, holding the text built, and nothing else; otherwise it
 * goes under {@link #DOCKERFILE_NAME}.
 * Symbolic links are sent as links; modes are kept, since an executable bit changes the image.
 */
public final class ContextTar {
    /**
     * Where the Dockerfile to build goes in the tar when the context does not send the Dockerfile (it
     * lies outside, .dockerignore leaves it out, or the text has no file); a context file of that name is
     * then left out. The engine's API takes the Dockerfile from inside the tar, and BuildKit there
     * applies no .dockerignore, so a {@code COPY . .} then carries it.
     */
    public static final String DOCKERFILE_NAME = ".stagecraft.Dockerfile";
    /** Beyond this many files the folder is refused: the engine would spend minutes on it. */
    public static final int MAX_FILES = 100_000;
    private static final Duration SCAN_BUDGET = Duration.ofSeconds(20);

    private ContextTar() {
    }

    /**
     * Writes the tar of {@code context} with {@code dockerfileText} to {@code tarFile}.
     *
     * @param dockerfile the Dockerfile on disk (for a {@code Dockerfile.dockerignore}), or null
     * @return a SHA-256 of the context as sent (names, modes, times, link targets and contents),
     *     without the Dockerfile: equal digests, equal contexts
     * @throws EngineException of kind REFUSED, with a sentence, when the folder is missing,
     *     unreadable in part, or too large
     */
    public static String write(Path context, Path dockerfile, String dockerfileText, Path tarFile)
            throws InterruptedException {
        return write(context, dockerfile, dockerfileText, tarFile, MAX_FILES);
    }

    private static byte[] stat(Path path, String name) throws IOException {
        java.util.Map<String, Object> a = Files.readAttributes(path, "unix:mode,ino,dev,size,lastModifiedTime,ctime",
                LinkOption.NOFOLLOW_LINKS);
        return (name + '\0' + a.get("mode") + '\0' + a.get("ino") + '\0' + a.get("dev") + '\0' + a.get("size") + '\0'
                + ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime")).to(java.util.concurrent.TimeUnit.NANOSECONDS)
                + '\0' + ((java.nio.file.attribute.FileTime) a.get("ctime")).to(java.util.concurrent.TimeUnit.NANOSECONDS)
                + '\0').getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks, before anything is sent or any engine is asked, that {@code context} can be packed:
     * the folder exists and can be listed, its {@code .dockerignore} can be read, it is not too
     * large, and every file and folder it would send can be read by this process.
     *
     * @param dockerfile the Dockerfile on disk (for a {@code Dockerfile.dockerignore}), or null
     * @throws EngineException of kind REFUSED with a sentence naming what cannot be read and the fix
     */
    public static void check(Path context, Path dockerfile) throws InterruptedException {
        readableScan(context, dockerfile, MAX_FILES);
    }

    /** As {@link #write(Path, Path, String, Path)}, refusing folders of more than {@code maxFiles} files. */
    static String write(Path context, Path dockerfile, String dockerfileText, Path tarFile, int maxFiles)
            throws InterruptedException {
        return new Scanned(context, dockerfile, readableScan(context, dockerfile, maxFiles)).write(dockerfileText, tarFile);
    }

    /**
     * Scans {@code context} once for what would be sent, refusing as {@link #write} does a context that
     * cannot be packed; the scan then gives a fingerprint, a tar, or both.
     */
    public static Scanned scan(Path context, Path dockerfile) throws InterruptedException {
        return new Scanned(context, dockerfile, readableScan(context, dockerfile, MAX_FILES));
    }

    /** A context folder scanned for what would be sent. */
    public record Scanned(Path context, Path dockerfile, ContextScan scan) {
        /**
         * The name the Dockerfile text has in the tar (the build request names it): the Dockerfile's
         * path in the context when the context sends it as a plain file, else {@link #DOCKERFILE_NAME}.
         */
        public String dockerfileName() {
            if (dockerfile != null && Files.isRegularFile(dockerfile, LinkOption.NOFOLLOW_LINKS)) {
                Path root = context.toAbsolutePath().normalize();
                Path file = dockerfile.toAbsolutePath().normalize();
                if (file.startsWith(root) && !file.equals(root)) {
                    String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                    if (scan.files().containsKey(name)) {
                        return name;
                    }
                }
            }
            return DOCKERFILE_NAME;
        }

        /**
         * What the tar with {@code dockerfileText} would be made of, without reading any file: the
         * text, and the name, type, mode, size, times and inode of every entry sent. Equal fingerprints,
         * equal tars (unless a file was rewritten within the file system's time resolution keeping its
         * size, which no editor does). Empty when the file system does not tell inodes and change times.
         */
        public java.util.Optional<String> fingerprint(String dockerfileText) {
            MessageDigest digest = sha256();
            digest.update((dockerfileText + '\0' + dockerfileTime(dockerfile) + '\0').getBytes(StandardCharsets.UTF_8));
            try {
                for (String name : scan.directories()) {
                    digest.update(stat(context.resolve(name), name + "/"));
                }
                for (String name : scan.files().keySet()) {
                    digest.update(stat(context.resolve(name), name));
                }
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                return java.util.Optional.empty();
            } catch (IOException e) {
                throw new EngineException(EngineException.Kind.REFUSED, "Cannot pack the build context " + context + ": "
                        + e.getMessage(), e);
            }
            return java.util.Optional.of(java.util.HexFormat.of().formatHex(digest.digest()));
        }

        /**
         * Writes the tar with {@code dockerfileText} under {@link #dockerfileName()} to {@code tarFile};
         * returns the digest {@link ContextTar#write} does.
         */
        public String write(String dockerfileText, Path tarFile) throws InterruptedException {
            MessageDigest digest = sha256();
            String dockerfileName = dockerfileName();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tarFile), 1 << 16);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name())) {
                // GNU long names and star big numbers, never PAX headers: the engine decides whether the
                // body is a tar by its first header, and a PAX header made it read the tar as a Dockerfile.
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
                for (String dir : scan.directories()) {
                    putEntry(tar, context.resolve(dir), dir + "/", true, digest);
                }
                for (String file : scan.files().keySet()) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("context tar cancelled");
                    }
                    if (!file.equals(dockerfileName)) {
                        putEntry(tar, context.resolve(file), file, false, digest);
                    }
                }
                byte[] text = dockerfileText.getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(dockerfileName);
                entry.setSize(text.length);
                entry.setMode(0100644);
                if (!dockerfileName.equals(DOCKERFILE_NAME)) {
                    mode(dockerfile).ifPresent(entry::setMode);
                }
                // A time that stays the same from build to build: the same text and files then make the same
                // bytes, and BuildKit loads an unchanged context faster (about 15 ms a build here).
                entry.setModTime(dockerfileTime(dockerfile));
                tar.putArchiveEntry(entry);
                tar.write(text);
                tar.closeArchiveEntry();
                tar.finish();
                return java.util.HexFormat.of().formatHex(digest.digest());
            } catch (AccessDeniedException e) {
                throw new EngineException(EngineException.Kind.REFUSED, "Cannot pack the build context " + context + ": "
                        + e.getFile() + " cannot be read (permission denied). Fix its permissions or exclude it in"
                        + " .dockerignore.", e);
            } catch (IOException e) {
                throw new EngineException(EngineException.Kind.REFUSED,
                        "Cannot pack the build context " + context + ": " + e.getMessage(), e);
            }
        }
    }

    /** The scan of what would be sent, or a REFUSED sentence when any of it cannot be read. */
    private static ContextScan readableScan(Path context, Path dockerfile, int maxFiles) throws InterruptedException {
        if (!Files.isDirectory(context)) {
            throw new EngineException(EngineException.Kind.REFUSED,
                    "The build context " + context + " is not a folder. Choose a context folder in the build settings.");
        }
        String folderProblem = BuildSettings.contextProblem(context);
        if (folderProblem != null) {
            throw new EngineException(EngineException.Kind.REFUSED, folderProblem
                    + " Fix its permissions (the user running Stagecraft must be able to read and enter it) or choose"
                    + " another context folder.");
        }
        DockerIgnore ignore;
        try {
            ignore = DockerIgnore.load(context, dockerfile);
        } catch (IOException e) {
            throw new EngineException(EngineException.Kind.REFUSED,
                    "Cannot read the .dockerignore of " + context + ": " + e.getMessage() + ". Fix its permissions.", e);
        }
        ContextScan scan = new ContextScanner(maxFiles, SCAN_BUDGET).scan(context, ignore);
        if (scan.partial()) {
            throw new EngineException(EngineException.Kind.REFUSED, "The build context " + context + " is too large ("
                    + scan.partialReason() + "). Add a .dockerignore that leaves out what the build does not need,"
                    + " or choose a smaller context folder.");
        }
        List<String> problems = new ArrayList<>(scan.problems());
        for (String file : scan.files().keySet()) {
            Path path = context.resolve(file);
            // The scanner only stats entries, which needs no read permission: a file of mode 000 passes
            // it and would fail halfway through the tar, after the engine was asked.
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && !Files.isReadable(path)) {
                problems.add(file + ": cannot read (permission denied)");
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(null);
            List<String> first = problems.subList(0, Math.min(3, problems.size()));
            throw new EngineException(EngineException.Kind.REFUSED, "Parts of the build context " + context
                    + " cannot be read: " + String.join("; ", first) + (problems.size() > 3 ? "; and "
                    + (problems.size() - 3) + " more" : "") + ". Fix their permissions or exclude them in .dockerignore.");
        }
        return scan;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void putEntry(TarArchiveOutputStream tar, Path path, String name, boolean directory,
                                 MessageDigest digest) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        TarArchiveEntry entry;
        if (attrs.isSymbolicLink()) {
            entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
            entry.setLinkName(Files.readSymbolicLink(path).toString());
        } else {
            entry = new TarArchiveEntry(name);
            if (!directory) {
                entry.setSize(attrs.size());
            }
        }
        // Whole seconds, and no access or creation times: those would need PAX headers.
        entry.setModTime(attrs.lastModifiedTime().toMillis() / 1000 * 1000);
        mode(path).ifPresent(entry::setMode);
        tar.putArchiveEntry(entry);
        digest.update((name + '\0' + entry.getMode() + '\0' + entry.getModTime().getTime() + '\0'
                + entry.getLinkName() + '\0' + entry.getSize() + '\0').getBytes(StandardCharsets.UTF_8));
        if (!directory && !attrs.isSymbolicLink()) {
            try (java.io.InputStream in = new java.security.DigestInputStream(Files.newInputStream(path), digest)) {
                in.transferTo(tar);
            }
        }
        tar.closeArchiveEntry();
    }

    /** The time of the Dockerfile on disk, in whole seconds; the epoch for text that has no file. */
    private static long dockerfileTime(Path dockerfile) {
        try {
            return dockerfile == null ? 0 : Files.getLastModifiedTime(dockerfile).toMillis() / 1000 * 1000;
        } catch (IOException e) {
            return 0;
        }
    }

    private static java.util.OptionalInt mode(Path path) {
        try {
            PosixFileAttributes attrs = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> p = attrs.permissions();
            int bits = 0;
            for (PosixFilePermission permission : PosixFilePermission.values()) {
                if (p.contains(permission)) {
                    bits |= 1 << (8 - permission.ordinal());
                }
            }
            int type = attrs.isDirectory() ? 040000 : attrs.isSymbolicLink() ? 0120000 : 0100000;
            return java.util.OptionalInt.of(type | bits);
        } catch (UnsupportedOperationException | IOException e) {
            // Windows has no POSIX modes: the entry keeps the default mode commons-compress chose.
            return java.util.OptionalInt.empty();
        }
    }
}
