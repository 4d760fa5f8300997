package dev.stagecraft.engine.measure;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A {@code docker save} archive of one image, read in place. Both layouts engines write are read
 * through {@code manifest.json}'s {@code Config} and {@code Layers}: the engine here (20.10) writes
 * {@code <id>.json} and {@code <hex>/layer.tar}; engines from 25 on write an OCI layout whose
 * manifest.json points into {@code blobs/sha256/}. From the config come the history (oldest first,
 * with {@code empty_layer}) and the rootfs diff ids, which give each history entry that made a layer
 * its layer.
 *
 * <p>Layers are listed by streaming their tar out of the archive (gunzipped when compressed, as OCI
 * layouts may be): nothing is extracted to disk and no layer is held in memory. Opening checks that
 * the file is a tar that ends as a complete tar ends and that every entry lies inside it, so an
 * archive cut short is an {@link ImageArchiveException} saying so, as is a file that is no tar or a tar
 * that {@code docker save} did not write. Not thread-safe: one reader at a time.
 */
public final class ImageArchive implements AutoCloseable {
    private static final long MAX_JSON_BYTES = 16L << 20;
    private static final int MAX_LINK_HOPS = 8;
    private static final int BUFFER = 1 << 16;
    private static final int BLOCK = 512;
    private static final int MAGIC_OFFSET = 257;
    private static final String USTAR = "ustar";
    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String OPAQUE_MARKER = ".wh..wh..opq";

    private final Path file;
    private final TarFile tar;
    private final Map<String, TarArchiveEntry> entries = new HashMap<>();
    private final String imageId;
    private final List<ArchivedHistoryEntry> history = new ArrayList<>();
    private final List<ArchivedLayer> layers = new ArrayList<>();
    private final List<Integer> layerOfHistory = new ArrayList<>();

    private ImageArchive(Path file, TarFile tar) throws IOException {
        this.file = file;
        this.tar = tar;
        long fileSize = Files.size(file);
        for (TarArchiveEntry e : tar.getEntries()) {
            if (e.getDataOffset() + e.getSize() > fileSize) {
                throw new ImageArchiveException(file, "the archive ends early: " + e.getName() + " needs " + e.getSize()
                        + " bytes from offset " + e.getDataOffset() + " but the file has " + fileSize
                        + " bytes (was docker save interrupted?)");
            }
            entries.put(normalName(e.getName()), e);
        }
        TarArchiveEntry manifestEntry = entries.get("manifest.json");
        if (manifestEntry == null) {
            throw new ImageArchiveException(file, "not a docker save archive, or one cut short: it has no manifest.json"
                    + (entries.containsKey("index.json") ? " (an OCI layout without one is not supported)" : ""));
        }
        List<?> manifest = ArchiveJson.array(json(manifestEntry, "manifest.json"));
        if (manifest.size() != 1) {
            throw new ImageArchiveException(file, "manifest.json lists " + manifest.size()
                    + " images; an archive of exactly one image is needed");
        }
        Map<?, ?> image = ArchiveJson.object(manifest.get(0));
        String configPath = ArchiveJson.text(image.get("Config"));
        if (configPath == null) {
            throw new ImageArchiveException(file, "manifest.json names no Config");
        }
        byte[] configBytes = bytes(entry(configPath), configPath);
        imageId = "sha256:" + sha256(configBytes);
        Map<?, ?> config = ArchiveJson.object(json(configBytes, configPath));
        List<?> diffIds = ArchiveJson.array(ArchiveJson.object(config.get("rootfs")).get("diff_ids"));
        List<?> layerPaths = ArchiveJson.array(image.get("Layers"));
        if (diffIds.size() != layerPaths.size()) {
            throw new ImageArchiveException(file, "manifest.json lists " + layerPaths.size() + " layers but the config's"
                    + " rootfs has " + diffIds.size() + " diff ids");
        }
        for (int i = 0; i < diffIds.size(); i++) {
            String diffId = ArchiveJson.text(diffIds.get(i));
            String path = ArchiveJson.text(layerPaths.get(i));
            if (diffId == null || path == null) {
                throw new ImageArchiveException(file, "layer " + i + " has no diff id or no path in the archive");
            }
            layers.add(new ArchivedLayer(i, diffId, path));
        }
        readHistory(ArchiveJson.array(config.get("history")), configPath);
    }

    /**
     * Opens the archive at {@code file} and reads its manifest and config; the layers are read only
     * when listed. Throws {@link ImageArchiveException} when the file is not a complete {@code docker
     * save} archive of one image.
     */
    public static ImageArchive open(Path file) {
        checkShape(file);
        TarFile tar;
        try {
            tar = new TarFile(file);
        } catch (IOException | RuntimeException e) {
            throw new ImageArchiveException(file, "cannot be read as a tar archive: " + e.getMessage(), e);
        }
        try {
            return new ImageArchive(file, tar);
        } catch (IOException | RuntimeException e) {
            try {
                tar.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof ImageArchiveException known) {
                throw known;
            }
            throw new ImageArchiveException(file, "cannot be read as an image archive: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** {@code sha256:} and the digest of the config, which is the image id the engine reports. */
    public String imageId() {
        return imageId;
    }

    /** The config's history, oldest first; empty when the image records none. */
    public List<ArchivedHistoryEntry> history() {
        return List.copyOf(history);
    }

    /** The image's layers, bottom first. */
    public List<ArchivedLayer> layers() {
        return List.copyOf(layers);
    }

    /** Whether the history entry at {@code historyIndex} (oldest first) made a layer. */
    public boolean hasLayer(int historyIndex) {
        checkHistoryIndex(historyIndex);
        return layerOfHistory.get(historyIndex) >= 0;
    }

    /**
     * The layer the history entry at {@code historyIndex} (oldest first) made: the n-th entry that is
     * not an empty layer owns the n-th layer. An entry without a layer is an {@link IllegalArgumentException}.
     */
    public ArchivedLayer layerOf(int historyIndex) {
        checkHistoryIndex(historyIndex);
        int layer = layerOfHistory.get(historyIndex);
        if (layer < 0) {
            throw new IllegalArgumentException("history entry " + historyIndex + " ('" + history.get(historyIndex).createdBy()
                    + "') made no layer");
        }
        return layers.get(layer);
    }

    /** Every entry of the layer, in tar order. */
    public List<LayerEntry> listLayer(ArchivedLayer layer) {
        List<LayerEntry> list = new ArrayList<>();
        forEachEntry(layer, list::add);
        return list;
    }

    /** Streams the layer's tar out of the archive and passes each entry, in tar order, to {@code action}. */
    public void forEachEntry(ArchivedLayer layer, Consumer<LayerEntry> action) {
        if (!layers.contains(layer)) {
            throw new IllegalArgumentException("layer " + layer + " is not one of " + file);
        }
        TarArchiveEntry entry = entry(layer.archivePath());
        try (InputStream in = layerStream(entry, layer); TarArchiveInputStream layerTar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = layerTar.getNextEntry()) != null) {
                LayerEntry listed = layerEntry(e);
                if (listed != null) {
                    action.accept(listed);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ImageArchiveException(file, "layer " + layer.index() + " (" + layer.archivePath()
                    + ") is not a readable tar: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            tar.close();
        } catch (IOException e) {
            throw new ImageArchiveException(file, "cannot be closed: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses early, in words, the two usual bad files: one that is no tar (docker save always writes
     * ustar headers) and one cut short (every complete tar ends with two zero blocks, which a tar reader
     * would otherwise take a cut at a header boundary for).
     */
    private static void checkShape(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate(BLOCK);
            channel.read(head, 0);
            String magic = new String(head.array(), MAGIC_OFFSET, USTAR.length(), StandardCharsets.US_ASCII);
            if (size < BLOCK || !magic.equals(USTAR)) {
                throw new ImageArchiveException(file, "not a tar archive: it does not start with a tar header"
                        + " (docker save writes ustar headers)");
            }
            ByteBuffer tail = ByteBuffer.allocate(2 * BLOCK);
            if (size % BLOCK != 0 || size < 3 * BLOCK || channel.read(tail, size - 2 * BLOCK) != 2 * BLOCK
                    || !allZero(tail.array())) {
                throw new ImageArchiveException(file, "the archive ends early: a complete tar ends with two empty"
                        + " blocks and this one (" + size + " bytes) does not (was docker save interrupted?)");
            }
        } catch (IOException e) {
            throw new ImageArchiveException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private void readHistory(List<?> items, String configPath) {
        int layer = 0;
        for (Object item : items) {
            Map<?, ?> h = ArchiveJson.object(item);
            boolean empty = Boolean.TRUE.equals(h.get("empty_layer"));
            history.add(new ArchivedHistoryEntry(orEmpty(ArchiveJson.text(h.get("created_by"))),
                    orEmpty(ArchiveJson.text(h.get("comment"))), empty));
            layerOfHistory.add(empty ? -1 : layer++);
        }
        if (!items.isEmpty() && layer != layers.size()) {
            throw new ImageArchiveException(file, configPath + ": its history has " + layer + " entries with a layer"
                    + " but its rootfs has " + layers.size() + " layers");
        }
    }

    private void checkHistoryIndex(int historyIndex) {
        if (historyIndex < 0 || historyIndex >= history.size()) {
            throw new IndexOutOfBoundsException("history entry " + historyIndex + " of " + history.size());
        }
    }

    private InputStream layerStream(TarArchiveEntry entry, ArchivedLayer layer) throws IOException {
        InputStream in = new BufferedInputStream(tar.getInputStream(entry), BUFFER);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new GzipCompressorInputStream(in, true);
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5 && (magic[2] & 0xff) == 0x2f
                && (magic[3] & 0xff) == 0xfd) {
            in.close();
            throw new ImageArchiveException(file, "layer " + layer.index() + " is zstd-compressed, which Stagecraft"
                    + " cannot read; save the image with an engine that stores plain or gzipped layers");
        }
        return in;
    }

    /** The tar entry at {@code path}, following the symbolic links docker save writes for layers shared by images. */
    private TarArchiveEntry entry(String path) {
        String name = normalName(path);
        for (int hop = 0; hop <= MAX_LINK_HOPS; hop++) {
            TarArchiveEntry e = entries.get(name);
            if (e == null) {
                throw new ImageArchiveException(file, "manifest.json names " + path + ", which the archive does not hold");
            }
            if (e.isSymbolicLink()) {
                name = resolve(parent(name), e.getLinkName());
            } else if (e.isLink()) {
                name = normalName(e.getLinkName());
            } else {
                return e;
            }
        }
        throw new ImageArchiveException(file, path + " is a chain of more than " + MAX_LINK_HOPS + " links");
    }

    private Object json(TarArchiveEntry e, String what) {
        return json(bytes(e, what), what);
    }

    private Object json(byte[] bytes, String what) {
        try {
            return ArchiveJson.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ImageArchiveException(file, what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private byte[] bytes(TarArchiveEntry e, String what) {
        if (e.getSize() > MAX_JSON_BYTES) {
            throw new ImageArchiveException(file, what + " has " + e.getSize() + " bytes, too many for an image's JSON");
        }
        try (InputStream in = tar.getInputStream(e)) {
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new ImageArchiveException(file, what + " cannot be read: " + ex.getMessage(), ex);
        }
    }

    /** The entry as listed, or null for tar bookkeeping (PAX and GNU long-name headers are applied by the reader). */
    private static LayerEntry layerEntry(TarArchiveEntry e) {
        if (e.isPaxHeader() || e.isGlobalPaxHeader() || e.isGNULongNameEntry() || e.isGNULongLinkEntry()) {
            return null;
        }
        String path = absolute(e.getName());
        int mode = e.getMode() & 07777;
        String base = path.substring(path.lastIndexOf('/') + 1);
        if (base.equals(OPAQUE_MARKER)) {
            return new LayerEntry(absolute(parent(path)), LayerEntry.Kind.OPAQUE_WHITEOUT, 0, mode, "");
        }
        if (base.startsWith(WHITEOUT_PREFIX)) {
            String deleted = parent(path) + "/" + base.substring(WHITEOUT_PREFIX.length());
            return new LayerEntry(deleted, LayerEntry.Kind.WHITEOUT, 0, mode, "");
        }
        if (e.isDirectory()) {
            return new LayerEntry(path, LayerEntry.Kind.DIRECTORY, 0, mode, "");
        }
        if (e.isSymbolicLink()) {
            return new LayerEntry(path, LayerEntry.Kind.SYMLINK, 0, mode, e.getLinkName());
        }
        if (e.isLink()) {
            return new LayerEntry(path, LayerEntry.Kind.HARDLINK, 0, mode, absolute(e.getLinkName()));
        }
        if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
            return new LayerEntry(path, LayerEntry.Kind.OTHER, 0, mode, "");
        }
        return new LayerEntry(path, LayerEntry.Kind.FILE, e.getSize(), mode, "");
    }

    /** A tar name without {@code ./}, leading or trailing slashes: {@code ./app/} is {@code app}. */
    private static String normalName(String name) {
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.substring(n.charAt(0) == '.' ? 2 : 1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n.equals(".") ? "" : n;
    }

    private static String absolute(String name) {
        return "/" + normalName(name);
    }

    private static String parent(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** {@code target} read from the folder {@code dir}, with {@code .} and {@code ..} applied. */
    private static String resolve(String dir, String target) {
        Deque<String> parts = new ArrayDeque<>();
        String joined = target.startsWith("/") ? target : dir + "/" + target;
        for (String part : joined.split("/")) {
            if (part.equals("..")) {
                parts.pollLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
